package org.bnnworkbench.experiments.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.bnnworkbench.engine.data.DatasetCatalog;
import org.bnnworkbench.engine.data.DatasetException;
import org.bnnworkbench.engine.data.DatasetSplit;
import org.bnnworkbench.engine.data.KnownDataset;
import org.bnnworkbench.engine.data.LabelledImages;
import org.bnnworkbench.engine.spec.InputShape;
import org.bnnworkbench.engine.spec.NetworkSpec;
import org.bnnworkbench.engine.spec.SpecException;
import org.bnnworkbench.engine.train.Checkpoint;
import org.bnnworkbench.engine.train.TrainingConfig;
import org.bnnworkbench.experiments.design.ArchitectureArgument;
import org.bnnworkbench.experiments.run.RunDirectory;
import org.bnnworkbench.experiments.run.RunRecord;
import org.bnnworkbench.experiments.run.RunRecordJson;
import org.bnnworkbench.experiments.run.RunStatus;
import org.bnnworkbench.experiments.run.TrainingRun;

/**
 * {@code bnn train}: trains a named architecture on a data set and keeps the run's record in {@code --out DIR}.
 * Problems with the arguments end it before any training with exit code 2; problems of the data or the disk with 1;
 * each as one line on standard error.
 */
final class TrainCommand implements Subcommand {

    static final String COMMAND = "bnn train";
    static final String DEFAULT_ARCH = "bnn-small";
    static final String DEFAULT_DATASET = KnownDataset.FASHION_MNIST_SUBSET.id();
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
                "                 [--dataset NAME|PATH] [hyperparameters] [--json] [--checkpoint] [--resume]",
                "  --arch        a named network or family from 'bnn architectures', or a network file (default "
                        + DEFAULT_ARCH + ")",
                "  --param       override a parameter of the network or family, e.g. --param growthRate=32 (repeatable)",
                "  --full-precision      train the design's full-precision twin (32-bit convs, ReLU for sign)",
                "  --dataset     a name from 'bnn datasets' or a folder (default " + DEFAULT_DATASET + ")",
                "  --optimizer   " + String.join("|", TrainingOptions.OPTIMIZERS)
                        + "   --schedule " + String.join("|", TrainingOptions.SCHEDULES)
                        + "   --estimator " + String.join("|", TrainingOptions.ESTIMATORS),
                "  --scaling, --flip     flags: scaled binary weights, random horizontal flips",
                "  --checkpoint          write DIR/checkpoint.bin after each epoch; --resume continues from it",
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
                .flag("json").flag("checkpoint").flag("resume").flag("full-precision")
                .parse(args);
        if (!options.positional().isEmpty()) {
            throw options.problem("unexpected argument '" + options.positional().get(0) + "'");
        }
        String arch = options.string("arch", DEFAULT_ARCH);
        TrainingConfig config = TrainingOptions.read(options);
        String datasetName = options.string("dataset", DEFAULT_DATASET);
        RunDirectory directory = new RunDirectory(RunFolderOptions.folder(options));
        boolean resume = options.isSet("resume");
        Checkpoint checkpoint = resume
                ? RunFolderOptions.checkpointToResume(options, directory, arch, datasetName, config, err)
                : null;
        if (!resume && directory.hasRecord()) {
            throw options.problem("--out '" + directory.path() + "' already holds a run (" + RunDirectory.RECORD
                    + "); give a new folder, or --resume to continue that run");
        }
        DatasetSplit data = loadDataset(options, datasetName);
        TrainingRun run = prepare(options, arch, datasetName, data, config, directory);
        RunFolderOptions.create(options, directory.path());
        if (checkpoint != null) {
            try {
                run.resumeFrom(checkpoint);
            } catch (IllegalArgumentException e) {
                throw options.problem("--resume: " + e.getMessage());
            }
        }
        if (options.isSet("checkpoint") || resume) {
            run.checkpointEachEpoch();
        }
        run.addListener(new ProgressPrinter(err, System.console() != null));
        return runToTheEnd(run, options.isSet("json"), directory, out, err);
    }

    private static DatasetSplit loadDataset(Options options, String nameOrPath) {
        if (KnownDataset.byId(nameOrPath.strip().toLowerCase(Locale.ROOT)) == null) {
            Path folder;
            try {
                folder = Path.of(nameOrPath.startsWith("~/")
                        ? System.getProperty("user.home") + nameOrPath.substring(1) : nameOrPath);
            } catch (InvalidPathException e) {
                folder = null;
            }
            if (folder == null || !Files.exists(folder)) {
                throw options.problem("--dataset expects one of " + knownDatasets() + " or a folder, got '"
                        + nameOrPath + "' (no such folder)");
            }
            if (!Files.isDirectory(folder)) {
                throw options.problem("--dataset '" + nameOrPath + "' is a file; give the folder that holds it");
            }
        }
        try {
            return new DatasetCatalog().resolve(nameOrPath);
        } catch (DatasetException | IllegalArgumentException e) {
            throw new CommandFailedException(COMMAND + ": " + oneLine(e.getMessage()));
        }
    }

    private static TrainingRun prepare(Options options, String arch, String datasetName, DatasetSplit data,
                                       TrainingConfig config, RunDirectory directory) {
        LabelledImages train = data.train();
        var input = new InputShape(train.height(), train.width(), train.channels());
        NetworkSpec spec;
        try {
            spec = ArchitectureArgument.resolve(arch, options.strings("param"), options.isSet("full-precision"), input,
                    train.classes());
        } catch (SpecException e) {
            throw options.problem("--arch " + arch + " does not fit " + datasetName + " (" + input + ", "
                    + train.classes() + " classes): " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw options.problem("--arch " + arch + ": " + e.getMessage());
        }
        String label = options.isSet("full-precision") ? arch + " (full-precision twin)" : arch;
        return new TrainingRun(label, spec, datasetName, data, config, directory,
                RunRecord.Environment.current(Version.current()));
    }

    /** Trains; Ctrl+C (or a kill) cancels after the current batch and still writes the record. */
    private static int runToTheEnd(TrainingRun run, boolean json, RunDirectory directory, PrintStream out,
                                   PrintStream err) {
        var reported = new CountDownLatch(1);
        Thread onExit = new Thread(() -> {
            run.cancel();
            try {
                reported.await(CANCEL_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bnn-train-cancel");
        Runtime.getRuntime().addShutdownHook(onExit);
        try {
            RunRecord record = run.run();
            report(record, json, directory, out, err);
            return exitCode(record.status());
        } finally {
            reported.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onExit);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook is what stopped the run
            }
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
            case RUNNING, DIVERGED, FAILED -> ExitCode.FAILURE;
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

    private static String knownDatasets() {
        return java.util.Arrays.stream(KnownDataset.values()).map(KnownDataset::id).collect(Collectors.joining(", "));
    }


}
