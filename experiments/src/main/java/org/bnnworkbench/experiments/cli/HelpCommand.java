package org.bnnworkbench.experiments.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/** {@code bnn help [command]}: lists the registered subcommands, or names one of them. */
final class HelpCommand implements Subcommand {

    private final List<Subcommand> subcommands;

    /** @param subcommands every subcommand {@code bnn} knows, this one included */
    HelpCommand(List<Subcommand> subcommands) {
        this.subcommands = subcommands;
    }

    @Override
    public String name() {
        return "help";
    }

    @Override
    public String summary() {
        return "show this list, or what one command does ('bnn help <command>')";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            printUsage(out);
            return ExitCode.OK;
        }
        if (args.size() > 1) {
            throw new UsageException("bnn help: expects at most one command name, got " + args.size() + " words");
        }
        String wanted = args.get(0);
        Optional<Subcommand> match = subcommands.stream().filter(c -> c.name().equals(wanted)).findFirst();
        if (match.isEmpty()) {
            throw new UsageException("bnn help: unknown command '" + wanted + "' (try 'bnn help')");
        }
        out.println("bnn " + match.get().name() + ": " + match.get().summary());
        if (!match.get().usage().isEmpty()) {
            out.println();
            out.println(match.get().usage());
        }
        return ExitCode.OK;
    }

    void printUsage(PrintStream out) {
        out.println("bnn " + Version.current() + ": the BNN Workbench command line");
        out.println();
        out.println("usage: bnn <command> [options]");
        out.println();
        out.println("commands:");
        int width = subcommands.stream().mapToInt(c -> c.name().length()).max().orElse(0);
        for (Subcommand c : subcommands) {
            out.printf("  %-" + width + "s  %s%n", c.name(), c.summary());
        }
    }
}
