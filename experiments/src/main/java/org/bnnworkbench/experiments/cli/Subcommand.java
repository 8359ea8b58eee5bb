package org.bnnworkbench.experiments.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * One word after {@code bnn}, such as {@code train} or {@code datasets}. Each subcommand is a small class of its
 * own; {@link BnnCommand#standard()} is the one place where they are registered.
 */
public interface Subcommand {

    /** The word that selects this subcommand, e.g. {@code "train"}. */
    String name();

    /** One line for the list that {@code bnn help} prints. */
    String summary();

    /**
     * Runs the subcommand.
     *
     * @param args the arguments after the subcommand's name
     * @return the process exit code, one of {@link ExitCode}
     * @throws UsageException when the arguments are wrong; {@link BnnCommand} prints its one-line message and
     *     exits with {@link ExitCode#USAGE}
     */
    int run(List<String> args, PrintStream out, PrintStream err);
}
