package org.bnnworkbench.experiments.cli;

import org.bnnworkbench.experiments.run.WorkbenchVersion;

/** The version of this build, as {@code bnn help} shows it. */
public final class Version {

    private Version() {
    }

    public static String current() {
        return WorkbenchVersion.current();
    }
}
