package org.bnnworkbench.experiments.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bnnworkbench.engine.kernel.VectorModule;

/**
 * The {@code bnn} command line: picks the subcommand named by the first argument and runs it. Runs without a
 * display and without JavaFX, so the same engine can train from a terminal, a script or a cluster job.
 */
public final class BnnCommand {

    /** Set this environment variable to see the stack trace of an internal error. */
    static final String DEBUG_VARIABLE = "BNN_DEBUG";
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
        return new BnnCommand(List.of(new TrainCommand(), new SweepCommand(), new RunsCommand(), new DatasetsCommand(),
                new ArchitecturesCommand(), new CostCommand(), new BenchCommand(), new ReportCommand(),
                new ExportCommand(), new ReplicateCommand()));
    }

    public static void main(String[] args) {
        BnnCommand bnn = standard();
        if (args.length > 0 && bnn.isComputeHeavy(args[0])) {
            int childCode = VectorModule.relaunchIfMissing(BnnCommand.class, args);
            if (childCode >= 0) {
                System.exit(childCode);
            }
        }
        int code = bnn.run(List.of(args), System.out, System.err);
        System.out.flush();
        System.exit(code);
    }

    private boolean isComputeHeavy(String name) {
        Subcommand subcommand = byName.get(name);
        return subcommand != null && subcommand.computeHeavy();
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
        } catch (CommandFailedException e) {
            err.println(e.getMessage());
            return ExitCode.FAILURE;
        } catch (RuntimeException e) {
            // a bug, not a mistake of the user: still one line, with the trace only on request
            if (System.getenv(DEBUG_VARIABLE) != null) {
                e.printStackTrace(err);
            }
            err.println("bnn " + name + ": internal error: " + e + " (set " + DEBUG_VARIABLE
                    + "=1 for the stack trace)");
            return ExitCode.FAILURE;
        }
    }
}
