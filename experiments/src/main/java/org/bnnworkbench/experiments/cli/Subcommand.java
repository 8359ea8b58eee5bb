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

    /** What {@code bnn help <name>} shows after the summary: the options and their defaults; may be empty. */
    default String usage() {
        return "";
    }

    /**
     * Whether the subcommand does enough arithmetic that it must run with the Vector API kernels; {@code bnn} then
     * restarts itself with {@code --add-modules jdk.incubator.vector} when the JVM lacks the module.
     */
    default boolean computeHeavy() {
        return false;
    }

    /**
     * Runs the subcommand.
     *
     * @param args the arguments after the subcommand's name
     * @return the process exit code, one of {@link ExitCode}
     * @throws UsageException when the arguments are wrong; {@link BnnCommand} prints its one-line message and
     *     exits with {@link ExitCode#USAGE}
     * @throws CommandFailedException when the command cannot be done; {@link BnnCommand} prints its one-line
     *     message and exits with {@link ExitCode#FAILURE}
     */
    int run(List<String> args, PrintStream out, PrintStream err);
}
