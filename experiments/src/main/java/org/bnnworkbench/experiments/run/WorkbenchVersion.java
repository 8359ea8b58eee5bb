package org.bnnworkbench.experiments.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of this build, written into {@code bnn-version.properties} by Maven resource filtering. */
public final class WorkbenchVersion {

    private static final String RESOURCE = "/org/bnnworkbench/experiments/cli/bnn-version.properties";

    private WorkbenchVersion() {
    }

    public static String current() {
        try (InputStream in = WorkbenchVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            var properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
