package org.bnnworkbench.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/**
 * What Help &gt; About and the status bar tell about this build. Maven resource filtering writes the versions into
 * {@code about.properties} and {@code bundled-libraries.txt}, so they cannot drift from the pom.
 */
public record AppInfo(String version, List<BundledLibrary> libraries) {

    /** A third-party library inside bnn-workbench.jar and the licence it comes under. */
    public record BundledLibrary(String name, String version, String licence) {
    }

    public static AppInfo load() {
        var about = new Properties();
        try (InputStream in = resource("about.properties")) {
            about.load(in);
            String libraries = new String(resource("bundled-libraries.txt").readAllBytes(), StandardCharsets.UTF_8);
            return new AppInfo(about.getProperty("version"), parseLibraries(libraries));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One library a line: {@code name | version | licence}; blank lines and {@code #} comments are skipped. */
    static List<BundledLibrary> parseLibraries(String text) {
        return text.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> line.split("\\|"))
                .map(parts -> new BundledLibrary(parts[0].strip(), parts[1].strip(), parts[2].strip()))
                .toList();
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = AppInfo.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("resource " + name + " is missing from the build");
        }
        return in;
    }
}
