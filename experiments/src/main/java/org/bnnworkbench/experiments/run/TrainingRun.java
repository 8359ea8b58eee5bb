package org.bnnworkbench.experiments.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import org.bnnworkbench.engine.data.DatasetSplit;
import org.bnnworkbench.engine.spec.NetworkSpec;
import org.bnnworkbench.engine.train.Checkpoint;
import org.bnnworkbench.engine.train.Trainer;
import org.bnnworkbench.engine.train.TrainingConfig;
import org.bnnworkbench.engine.train.TrainingListener;

/**
 * One training run that keeps its record in a {@link RunDirectory}: the trainer, the recorder that writes
 * {@code run.json} as it goes, the log {@code run.log}, and optionally a checkpoint after every epoch. While it trains
 * it holds the folder's lock file, so that anyone can tell a live run from one whose process died. Headless, so the
 * command line, the app and a sweep run it the same way.
 *
 * <pre>{@code
 * var run = new TrainingRun(settings, spec, data, directory, RunRecord.Environment.current());
 * run.checkpointEachEpoch();
 * RunRecord record = run.run();
 * }</pre>
 */
public final class TrainingRun {

    private final Trainer trainer;
    private final RunRecorder recorder;
    private final RunLog log;
    private final RunDirectory directory;
    private final TrainingConfig config;

    /**
     * Compiles the network; its weights come from the config's seed.
     *
     * @param spec        the network, built for the data set's input shape and classes
     * @param datasetName the name or path the data set was asked for by, as the record shall show it
     * @throws IllegalArgumentException or {@link org.bnnworkbench.engine.spec.SpecException} if the network cannot
     *                                  be built or the data set is too small to train on
     */
    public TrainingRun(String arch, NetworkSpec spec, String datasetName, DatasetSplit data, TrainingConfig config,
                       RunDirectory directory, RunRecord.Environment environment) {
        this(new RunSettings(arch, Map.of(), false, datasetName, config), spec, data, directory, environment);
    }

    /**
     * Compiles the network; its weights come from the config's seed. The record keeps the settings, the spec and its
     * cost.
     *
     * @param spec the network the settings make, built for the data set's input shape and classes
     * @throws IllegalArgumentException or {@link org.bnnworkbench.engine.spec.SpecException} if the network cannot
     *                                  be built or the data set is too small to train on
     */
    public TrainingRun(RunSettings settings, NetworkSpec spec, DatasetSplit data, RunDirectory directory,
                       RunRecord.Environment environment) {
        this.config = settings.config();
        this.trainer = Trainer.forSpec(spec, data, config);
        this.recorder = new RunRecorder(directory, settings, spec, data, environment);
        this.log = new RunLog(directory.logFile(), title(settings));
        this.directory = directory;
        trainer.addListener(recorder);
        trainer.addListener(log);
    }

    private static String title(RunSettings settings) {
        return settings.arch() + (settings.params().isEmpty() ? "" : " " + settings.params())
                + (settings.fullPrecision() ? " (full-precision twin)" : "") + " on " + settings.dataset() + ", "
                + TrainingParameters.values(settings.config()).asText();
    }

    public RunDirectory directory() {
        return directory;
    }

    /** Writes {@link RunDirectory#checkpointFile()} after every epoch, so that the run can be resumed. */
    public void checkpointEachEpoch() {
        trainer.checkpointTo(directory.checkpointFile());
    }

    /**
     * Continues from a checkpoint: its weights, optimiser state, shuffling state and finished epochs.
     *
     * @throws IllegalArgumentException if the checkpoint was written with other settings or another network
     */
    public void resumeFrom(Checkpoint checkpoint) {
        checkpoint.checkCompatible(config);
        trainer.restore(checkpoint);
        recorder.restoreHistory(checkpoint.history());
    }

    /** Listeners hear every event after the recorder has written the record for it. */
    public void addListener(TrainingListener listener) {
        trainer.addListener(listener);
    }

    /** From any thread: stops after the current batch; {@link #run()} then returns a {@code cancelled} record. */
    public void cancel() {
        trainer.cancel();
    }

    /** From any thread: the training thread waits after the current batch until {@link #resume()} or a cancel. */
    public void pause() {
        trainer.pause();
    }

    /** From any thread: a paused run goes on. */
    public void resume() {
        trainer.resume();
    }

    public boolean isPaused() {
        return trainer.isPaused();
    }

    /**
     * Trains to the end, or until cancelled or diverged, and returns the final record, which is also on disk. A
     * failure on the way (a full disk, no memory left) does not escape: it ends the run with status {@code failed}
     * and the reason as the record's message.
     *
     * @throws RunInUseException before anything is written, if another process (or another run in this one) is
     *     training in the folder
     */
    public RunRecord run() {
        Optional<LockFile> lock;
        try {
            lock = LockFile.tryAcquire(directory.lockFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + directory.lockFile() + ": " + e.getMessage(), e);
        }
        if (lock.isEmpty()) {
            throw new RunInUseException("'" + directory.path() + "' is in use: another run is training there now");
        }
        try (LockFile held = lock.get()) {
            return train();
        } catch (IOException e) {
            return recorder.latest(); // only releasing the lock failed; the process's end releases it anyway
        } finally {
            log.close();
        }
    }

    private RunRecord train() {
        try {
            trainer.run();
            return recorder.latest();
        } catch (RuntimeException e) {
            return fail(e.getMessage() != null ? e.getMessage() : e.toString());
        } catch (OutOfMemoryError e) {
            return fail("out of memory (" + e.getMessage() + "): try a smaller batch size, or give Java "
                    + "more memory with -Xmx");
        }
    }

    private RunRecord fail(String message) {
        log.line("failed: " + message);
        return recorder.fail(message);
    }
}
