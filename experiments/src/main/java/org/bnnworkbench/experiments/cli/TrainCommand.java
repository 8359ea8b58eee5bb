package org.bnnworkbench.experiments.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.bnnworkbench.engine.data.DatasetSplit;
import org.bnnworkbench.engine.data.LabelledImages;
import org.bnnworkbench.engine.spec.InputShape;
import org.bnnworkbench.engine.spec.NetworkSpec;
import org.bnnworkbench.engine.spec.SpecException;
import org.bnnworkbench.engine.train.Checkpoint;
import org.bnnworkbench.engine.train.TrainingConfig;
import org.bnnworkbench.experiments.run.ProgressPrinter;
import org.bnnworkbench.experiments.run.RunDirectory;
import org.bnnworkbench.experiments.run.RunInUseException;
import org.bnnworkbench.experiments.run.RunRecord;
import org.bnnworkbench.experiments.run.RunRecordJson;
import org.bnnworkbench.experiments.run.RunSettings;
import org.bnnworkbench.experiments.run.RunStatus;
import org.bnnworkbench.experiments.run.TrainingRun;

/**
 * {@code bnn train}: trains a named architecture on a data set and keeps the run's record in {@code --out DIR}.
 * Problems with the arguments end it before any training with exit code 2; problems of the data or the disk with 1;
 * each as one line on standard error.
 */
final class TrainCommand implements Subcommand {

    static final String COMMAND = "bnn train";
    static final String DEFAULT_ARCH = RunSettings.DEFAULT_ARCH;
    static final String DEFAULT_DATASET = RunSettings.DEFAULT_DATASET;
    /** The exit code of a run stopped by Ctrl+C, as shells report a process ended by SIGINT. */
    static final int CANCELLED = 130;
    /** How long a Ctrl+C waits for the current batch to end and the record to be written. */
    private static final long CANCEL_WAIT_SECONDS = 30;

    @Override
    public String name() {
        return "train";
    }

    @Override
    public String summary() {
        return "train a network on a data set; writes the run record DIR/run.json ('bnn help train')";
    }

    @Override
    public String usage() {
        return String.join(System.lineSeparator(),
                "usage: bnn train --out DIR [--arch NAME|FAMILY|FILE] [--param name=value ...] [--full-precision]",
                "                 [--dataset NAME|PATH] [hyperparameters] [--json] [--no-checkpoint] [--resume]",
                "  --arch        a named network or family from 'bnn architectures', or a network file (default "
                        + DEFAULT_ARCH + ")",
                "  --param       override a parameter of the network or family, e.g. --param growthRate=32 (repeatable)",
                "  --full-precision      train the design's full-precision twin (32-bit convs, ReLU for sign)",
                "  --dataset     a name from 'bnn datasets' or a folder (default " + DEFAULT_DATASET + ")",
                "  --optimizer   " + String.join("|", TrainingOptions.OPTIMIZERS)
                        + "   --schedule " + String.join("|", TrainingOptions.SCHEDULES)
                        + "   --estimator " + String.join("|", TrainingOptions.ESTIMATORS),
                "  --scaling, --flip     flags: scaled binary weights, random horizontal flips",
                "  --no-checkpoint       do not write DIR/checkpoint.bin after each epoch (written by default: --resume",
                "                        continues from it, 'bnn export' packs its weights); --checkpoint is the default",
                "  --json                print the final run record on standard output, nothing else",
                "  defaults: " + TrainingOptions.defaultsText());
    }

    @Override
    public boolean computeHeavy() {
        return true;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Options options = TrainingOptions.declare(new Options(COMMAND))
                .value("arch").value("dataset").value("out").repeatable("param")
                .flag("json").flag("checkpoint").flag("no-checkpoint").flag("resume").flag("full-precision")
                .parse(args);
        if (!options.positional().isEmpty()) {
            throw options.problem("unexpected argument '" + options.positional().get(0) + "'");
        }
        if (options.isSet("no-checkpoint") && (options.isSet("checkpoint") || options.isSet("resume"))) {
            throw options.problem("--no-checkpoint cannot go with " + (options.isSet("resume") ? "--resume" : "--checkpoint")
                    + ": a resumed run keeps checkpointing, and --checkpoint is the default");
        }
        String arch = options.string("arch", DEFAULT_ARCH);
        TrainingConfig config = TrainingOptions.read(options);
        String datasetName = options.string("dataset", DEFAULT_DATASET);
        RunDirectory directory = new RunDirectory(RunFolderOptions.folder(options));
        boolean resume = options.isSet("resume");
        Checkpoint checkpoint = resume
                ? RunFolderOptions.checkpointToResume(options, directory, arch, options.isSet("full-precision"),
                        datasetName, config, err)
                : null;
        if (!resume && directory.hasRecord()) {
            throw options.problem("--out '" + directory.path() + "' already holds a run (" + RunDirectory.RECORD
                    + "); give a new folder, or --resume to continue that run");
        }
        DatasetSplit data = DatasetArgument.load(datasetName, COMMAND, "--dataset");
        TrainingRun run = prepare(options, new RunSettings(arch, overrides(options), options.isSet("full-precision"),
                datasetName, config), data, directory);
        RunFolderOptions.create(options, directory.path());
        if (checkpoint != null) {
            try {
                run.resumeFrom(checkpoint);
            } catch (IllegalArgumentException e) {
                throw options.problem("--resume: " + e.getMessage());
            }
        }
        if (!options.isSet("no-checkpoint") || resume) {
            run.checkpointEachEpoch();
        }
        run.addListener(new ProgressPrinter(err, System.console() != null));
        return runToTheEnd(run, options.isSet("json"), directory, out, err);
    }

    private static TrainingRun prepare(Options options, RunSettings settings, DatasetSplit data,
                                       RunDirectory directory) {
        LabelledImages train = data.train();
        var input = new InputShape(train.height(), train.width(), train.channels());
        NetworkSpec spec;
        try {
            spec = settings.spec(input, train.classes());
        } catch (SpecException e) {
            throw options.problem("--arch " + settings.arch() + " does not fit " + settings.dataset() + " (" + input
                    + ", " + train.classes() + " classes): " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw options.problem("--arch " + settings.arch() + ": " + e.getMessage());
        }
        return new TrainingRun(settings, spec, data, directory, RunRecord.Environment.current());
    }

    /** Trains; Ctrl+C (or a kill) cancels after the current batch and still writes the record. */
    private static int runToTheEnd(TrainingRun run, boolean json, RunDirectory directory, PrintStream out,
                                   PrintStream err) {
        try {
            // the report is part of the work: the JVM waits for it to be printed
            return CancelOnShutdown.run("bnn-train-cancel", run::cancel, CANCEL_WAIT_SECONDS, () -> {
                RunRecord record;
                try {
                    record = run.run();
                } catch (RunInUseException e) {
                    throw new CommandFailedException(COMMAND + ": " + e.getMessage());
                }
                report(record, json, directory, out, err);
                return exitCode(record.status());
            });
        } catch (java.io.IOException e) {
            throw new CommandFailedException(COMMAND + ": " + e.getMessage());
        }
    }

    private static void report(RunRecord record, boolean json, RunDirectory directory, PrintStream out,
                               PrintStream err) {
        if (record.status() != RunStatus.COMPLETED) {
            err.println(COMMAND + ": " + oneLine(record.message()));
        }
        if (json) {
            out.print(RunRecordJson.toJson(record));
        } else {
            out.printf(Locale.ROOT, "%s after %d epoch%s: test top-1 %.2f%%, %.1f s, %.0f img/s; record %s%n",
                    record.status().id(), record.epochs(), record.epochs() == 1 ? "" : "s", 100 * record.testTop1(),
                    record.wallSeconds(), record.imagesPerSecond(), directory.recordFile());
        }
        out.flush();
    }

    static int exitCode(RunStatus status) {
        return switch (status) {
            case COMPLETED -> ExitCode.OK;
            case CANCELLED -> CANCELLED;
            case RUNNING, INTERRUPTED, DIVERGED, FAILED -> ExitCode.FAILURE;
        };
    }

    /** Some messages (a data set not found: where it looked) span lines; a usage error is one line. */
    static String oneLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        var text = new StringBuilder();
        for (String line : message.strip().split("\\R")) {
            if (text.length() > 0) {
                text.append(text.charAt(text.length() - 1) == ':' ? " " : "; ");
            }
            text.append(line.strip());
        }
        return text.toString();
    }

    /** The {@code --param name=value} overrides; a malformed one is left for the architecture to name. */
    private static Map<String, String> overrides(Options options) {
        var map = new LinkedHashMap<String, String>();
        for (String assignment : options.strings("param")) {
            int equals = assignment.indexOf('=');
            if (equals < 0) {
                throw options.problem("--param expects name=value, got '" + assignment + "'");
            }
            map.put(assignment.substring(0, equals).strip(), assignment.substring(equals + 1).strip());
        }
        return map;
    }
}
