package org.bnnworkbench.experiments.cli;

/** The exit codes of {@code bnn}, following the usual Unix meaning. */
public final class ExitCode {

    public static final int OK = 0;
    /** The command was understood but did not succeed (a run failed, a file was unreadable). */
    public static final int FAILURE = 1;
    /** The command line itself was wrong: unknown command or option, missing or malformed value. */
    public static final int USAGE = 2;

    private ExitCode() {
    }
}
