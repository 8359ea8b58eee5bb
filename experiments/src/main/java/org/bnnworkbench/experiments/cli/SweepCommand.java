package org.bnnworkbench.experiments.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.bnnworkbench.engine.data.DatasetSplit;
import org.bnnworkbench.experiments.run.RunInUseException;
import org.bnnworkbench.experiments.sweep.Sweep;
import org.bnnworkbench.experiments.sweep.SweepFile;
import org.bnnworkbench.experiments.sweep.SweepFileException;
import org.bnnworkbench.experiments.sweep.SweepResult;
import org.bnnworkbench.experiments.sweep.SweepRunner;

/**
 * {@code bnn sweep SWEEP.json --out DIR}: trains every point of a sweep file, keeps each run in {@code DIR/runs/}, the
 * journal in {@code DIR/journal.jsonl} and the results in {@code DIR/results.csv}, and prints the results. Run again
 * on the same folder, it goes on where it stopped.
 */
final class SweepCommand implements Subcommand {

    static final String COMMAND = "bnn sweep";
    /** How long a Ctrl+C waits for the running points to stop after their current batch. */
    private static final long CANCEL_WAIT_SECONDS = 30;

    @Override
    public String name() {
        return "sweep";
    }

    @Override
    public String summary() {
        return "train every point of a sweep file; resumes in the same DIR ('bnn help sweep')";
    }

    @Override
    public String usage() {
        return String.join(System.lineSeparator(),
                "usage: bnn sweep SWEEP.json --out DIR [--parallel N] [--json]",
                "  SWEEP.json    {\"name\": ..., \"base\": {\"arch\": ..., <hyperparameters>, \"params\": {...}},",
                "                 \"grid\": {\"clip\": [1.0, 1.3]}, \"random\": {\"samples\": N, \"seconds\": S, \"space\": {...}},",
                "                 \"parallel\": N}  (see README)",
                "  --out         folder for runs/<id>/, journal.jsonl and results.csv; an existing one is resumed",
                "  --parallel    points to train at once (default: the file's parallel, else 1)",
                "  --json        print the results as JSON on standard output instead of a table");
    }

    @Override
    public boolean computeHeavy() {
        return true;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Options options = new Options(COMMAND).value("out").value("parallel").flag("json").parse(args);
        if (options.positional().size() != 1) {
            throw options.problem(options.positional().isEmpty() ? "expects a sweep file, e.g. bnn sweep clip.json "
                    + "--out sweeps/clip" : "expects one sweep file, got '" + options.positional().get(1) + "' too");
        }
        String file = options.positional().get(0);
        Sweep sweep = read(file);
        Path folder = RunFolderOptions.folder(options);
        int parallel = options.positiveInt("parallel", sweep.parallel());
        DatasetSplit data = DatasetArgument.load(sweep.base().dataset(), COMMAND + ": " + file, "base.dataset");
        var runner = new SweepRunner(sweep, folder).parallel(parallel).datasets(name -> data);
        try {
            runner.prepare();
        } catch (SweepFileException e) {
            throw new UsageException(COMMAND + ": " + file + ": " + e.getMessage());
        }
        RunFolderOptions.create(options, folder);
        runner.addListener(new SweepProgress(err));
        SweepResult result = runToTheEnd(runner, file);
        SweepReport.print(result, sweep, options.isSet("json"), out, err);
        if (result.cancelled()) {
            return TrainCommand.CANCELLED;
        }
        return result.failed() > 0 ? ExitCode.FAILURE : ExitCode.OK;
    }

    private static Sweep read(String file) {
        try {
            return SweepFile.read(Path.of(file));
        } catch (NoSuchFileException e) {
            throw new UsageException(COMMAND + ": " + file + ": no such file");
        } catch (InvalidPathException | IOException e) {
            throw new UsageException(COMMAND + ": " + file + ": cannot be read (" + e.getMessage() + ")");
        } catch (SweepFileException e) {
            throw new UsageException(COMMAND + ": " + file + ": " + e.getMessage());
        }
    }

    /** Runs the sweep; Ctrl+C (or a kill) cancels the running points after their current batch. */
    private static SweepResult runToTheEnd(SweepRunner runner, String file) {
        try {
            return CancelOnShutdown.run("bnn-sweep-cancel", runner::cancel, CANCEL_WAIT_SECONDS, runner::run);
        } catch (SweepFileException e) {
            throw new UsageException(COMMAND + ": " + file + ": " + e.getMessage());
        } catch (RunInUseException e) {
            throw new CommandFailedException(COMMAND + ": " + e.getMessage());
        } catch (IOException e) {
            throw new CommandFailedException(COMMAND + ": " + e.getMessage());
        }
    }
}
