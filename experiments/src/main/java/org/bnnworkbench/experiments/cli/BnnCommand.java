package org.bnnworkbench.experiments.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code bnn} command line: picks the subcommand named by the first argument and runs it. Runs without a
 * display and without JavaFX, so the same engine can train from a terminal, a script or a cluster job.
 */
public final class BnnCommand {

    private static final Set<String> HELP_WORDS = Set.of("help", "--help", "-h");

    private final Map<String, Subcommand> byName = new LinkedHashMap<>();
    private final HelpCommand help;

    /** @param subcommands the subcommands besides {@code help}, in the order {@code bnn help} lists them */
    public BnnCommand(List<Subcommand> subcommands) {
        var all = new ArrayList<Subcommand>(subcommands);
        help = new HelpCommand(all);
        all.add(help);
        for (Subcommand c : all) {
            if (byName.putIfAbsent(c.name(), c) != null) {
                throw new IllegalArgumentException("two subcommands are named '" + c.name() + "'");
            }
        }
    }

    /** The subcommands of the real {@code bnn}. Register each new subcommand here, and only here. */
    public static BnnCommand standard() {
        return new BnnCommand(List.of(new BenchCommand()));
    }

    public static void main(String[] args) {
        int code = standard().run(List.of(args), System.out, System.err);
        System.out.flush();
        System.exit(code);
    }

    /** Runs {@code bnn args...} and returns its exit code; never calls {@link System#exit}. */
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            help.printUsage(out);
            return ExitCode.OK;
        }
        String name = args.get(0);
        Subcommand subcommand = HELP_WORDS.contains(name) ? help : byName.get(name);
        if (subcommand == null) {
            err.println("bnn: unknown command '" + name + "' (try 'bnn help')");
            return ExitCode.USAGE;
        }
        try {
            return subcommand.run(List.copyOf(args.subList(1, args.size())), out, err);
        } catch (UsageException e) {
            err.println(e.getMessage());
            return ExitCode.USAGE;
        }
    }
}
