package org.bnnworkbench.experiments.cli;

import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.bnnworkbench.experiments.export.ExportException;
import org.bnnworkbench.experiments.export.RunExport;
import org.bnnworkbench.experiments.run.RunStatus;

/**
 * {@code bnn export RUN_DIR --out model.bnnp [--check|--no-check]}: the trained network of a run as a packed model
 * file, its size beside the cost model's, and (by default) a check that the file read back predicts the run's test
 * images as the training engine does. A wrong folder or output name ends it with exit code 2, a run that cannot be
 * exported (in use, no checkpoint, unreadable) or a failed check with 1; each as one line on standard error.
 */
final class ExportCommand implements Subcommand {

    static final String COMMAND = "bnn export";

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String summary() {
        return "export a trained run to a packed binary model file (.bnnp) and check it ('bnn help export')";
    }

    @Override
    public String usage() {
        return String.join(System.lineSeparator(),
                "usage: bnn export RUN_DIR --out model.bnnp [--check|--no-check]",
                "  RUN_DIR     a run folder with run.json and checkpoint.bin (bnn train --checkpoint, the app's runs,",
                "              sweep points); not one that is training now",
                "  --out       the packed model file; written atomically, replaced if it exists",
                "  --check     (default) read the written file back and run it over the whole test split of the run's",
                "              data set: packed and training-engine top-1, and the predictions that differ, which",
                "              must be none (else exit 1 and the file is not written)",
                "  --no-check  skip that check",
                "  A full-precision run is exported too: its file holds 32-bit weights only.");
    }

    @Override
    public boolean computeHeavy() {
        return true;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Options options = new Options(COMMAND).value("out").flag("check").flag("no-check").parse(args);
        if (options.positional().size() != 1) {
            throw options.problem(options.positional().isEmpty() ? "expects a run folder, e.g. bnn export runs/r1"
                    + " --out model.bnnp" : "expects one run folder, got " + options.positional());
        }
        if (options.isSet("check") && options.isSet("no-check")) {
            throw options.problem("--check and --no-check exclude each other");
        }
        Path folder = path(options, options.positional().get(0), "run folder");
        Path file = path(options, options.string("out").orElseThrow(() -> options.problem("--out is required: the"
                + " packed model file, e.g. --out model.bnnp")), "--out");
        RunExport.Result result;
        try {
            result = RunExport.of(folder).check(!options.isSet("no-check")).writeTo(file);
        } catch (ExportException e) {
            if (e.isArgument()) {
                throw new UsageException(COMMAND + ": " + e.getMessage());
            }
            throw new CommandFailedException(COMMAND + ": " + e.getMessage());
        }
        print(result, out);
        return ExitCode.OK;
    }

    static void print(RunExport.Result r, PrintStream out) {
        out.printf(Locale.ROOT, "wrote %s%n", r.file());
        out.printf(Locale.ROOT, "  network      %s (%s%s) on %s, weights after epoch %d%s%n", r.network(), r.arch(),
                r.fullPrecision() ? ", full-precision twin" : "", r.dataset(), r.epochsExported(),
                r.status() == RunStatus.COMPLETED && r.epochsExported() == r.recordEpochs() ? ""
                        : " (the run is " + r.status().id() + " after " + r.recordEpochs() + " epochs)");
        out.printf(Locale.ROOT, "  file size    %,d bytes%n", r.fileBytes());
        out.printf(Locale.ROOT, "  cost model   %,d bytes (bmxnet convention, as 'bnn cost' counts)%n",
                r.costModelBytes());
        out.printf(Locale.ROOT, "  ratio        %.4f (file / cost model)%n", r.ratio());
        if (!r.binary()) {
            out.println("  note         no binary layers (a full-precision run): the file holds 32-bit weights only");
        }
        RunExport.Check c = r.check();
        if (c == null) {
            out.println("  check        skipped (--no-check)");
            return;
        }
        out.printf(Locale.ROOT, "  check        %,d test images: packed top-1 %.2f%% (read back from the file),"
                + " training engine top-1 %.2f%%, %d predictions differ%n", c.images(), 100 * c.packedTop1(),
                100 * c.engineTop1(), c.differing());
        if (r.epochsExported() == r.recordEpochs()) {
            out.printf(Locale.ROOT, "  record       test top-1 %.2f%% on its %,d test images; the restored network"
                    + " gets %.2f%% on them%n", 100 * r.recordTop1(), c.recordImages(),
                    100 * c.engineTop1OnRecordImages());
        }
    }

    private static Path path(Options options, String text, String what) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw options.problem(what + " '" + text + "' is not a valid path");
        }
    }
}
