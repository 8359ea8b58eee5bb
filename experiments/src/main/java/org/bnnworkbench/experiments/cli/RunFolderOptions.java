package org.bnnworkbench.experiments.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.bnnworkbench.engine.train.Checkpoint;
import org.bnnworkbench.engine.train.TrainingConfig;
import org.bnnworkbench.experiments.run.RunDirectory;
import org.bnnworkbench.experiments.run.RunRecord;

/** {@code --out DIR} and {@code --resume} of {@code bnn train}: the run's folder, and whether it can be continued. */
final class RunFolderOptions {

    private RunFolderOptions() {
    }

    static Path folder(Options options) {
        String text = options.required("out");
        Path folder;
        try {
            folder = Path.of(text);
        } catch (InvalidPathException e) {
            throw options.problem("--out '" + text + "' is not a valid path (" + e.getReason() + ")");
        }
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw options.problem("--out '" + text + "' is a file; give a folder for the run");
        }
        return folder;
    }

    static void create(Options options, Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw options.problem("--out '" + folder + "': cannot create the folder (" + reason(e) + ")");
        }
        if (!Files.isWritable(folder)) {
            throw options.problem("--out '" + folder + "' is not writable");
        }
    }

    /**
     * Checks that {@code --resume} can continue the run in the folder with these settings, and reads its checkpoint.
     * A checkpoint only knows the hyperparameters, so the run's record is asked for the architecture and data set.
     */
    static Checkpoint checkpointToResume(Options options, RunDirectory directory, String arch, boolean fullPrecision,
                                         String dataset, TrainingConfig config, PrintStream err) {
        if (!directory.hasCheckpoint()) {
            throw options.problem("--resume: no checkpoint at '" + directory.checkpointFile()
                    + "' (bnn train writes one after each epoch unless --no-checkpoint)");
        }
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.read(directory.checkpointFile());
        } catch (IOException e) {
            throw new CommandFailedException(TrainCommand.COMMAND + ": --resume: " + reason(e));
        }
        if (checkpoint.epochsDone() >= config.epochs()) {
            throw options.problem("--resume: the checkpoint has done " + checkpoint.epochsDone() + " epochs already; "
                    + "give --epochs above " + checkpoint.epochsDone() + " to train on");
        }
        try {
            checkpoint.checkCompatible(config);
        } catch (IllegalArgumentException e) {
            throw options.problem("--resume: " + e.getMessage());
        }
        if (directory.hasRecord()) {
            RunRecord before;
            try {
                before = directory.readRecord();
            } catch (IOException e) {
                return checkpoint; // a damaged record does not stop a resume; the run writes a new one
            }
            if (!arch.equals(before.arch()) || before.fullPrecision() != fullPrecision || before.dataset() == null
                    || !dataset.equals(before.dataset().name())) {
                throw options.problem("--resume: '" + directory.path() + "' holds a run of " + label(before.arch(),
                        before.fullPrecision()) + " on " + (before.dataset() == null ? "?" : before.dataset().name())
                        + ", not of " + label(arch, fullPrecision) + " on " + dataset);
            }
            warnIfTheScheduleStretches(before, config, err);
        }
        return checkpoint;
    }

    private static String label(String arch, boolean fullPrecision) {
        return fullPrecision ? arch + " (full-precision twin)" : arch;
    }

    /** Cosine and step schedules depend on the number of epochs, which a resume may change. */
    private static void warnIfTheScheduleStretches(RunRecord before, TrainingConfig config, PrintStream err) {
        Object epochsBefore = before.config().get("epochs");
        if (!config.schedule().equals("constant") && epochsBefore instanceof Number n
                && n.intValue() != config.epochs()) {
            err.println(TrainCommand.COMMAND + ": note: the run began with --epochs " + n.intValue() + "; its "
                    + config.schedule() + " schedule now spans " + config.epochs()
                    + " epochs, so the result differs from a run of " + config.epochs() + " epochs from the start");
        }
    }

    private static String reason(IOException e) {
        if (e instanceof FileAlreadyExistsException) {
            return "'" + e.getMessage() + "' is in the way: it is a file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied: '" + e.getMessage() + "'";
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
