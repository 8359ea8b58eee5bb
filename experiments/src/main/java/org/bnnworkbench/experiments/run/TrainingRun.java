package org.bnnworkbench.experiments.run;

import org.bnnworkbench.engine.data.DatasetSplit;
import org.bnnworkbench.engine.spec.NetworkSpec;
import org.bnnworkbench.engine.train.Checkpoint;
import org.bnnworkbench.engine.train.Trainer;
import org.bnnworkbench.engine.train.TrainingConfig;
import org.bnnworkbench.engine.train.TrainingListener;

/**
 * One training run that keeps its record in a {@link RunDirectory}: the trainer, the recorder that writes
 * {@code run.json} as it goes, and optionally a checkpoint after every epoch. Headless, so the command line, the
 * app and a sweep run it the same way.
 *
 * <pre>{@code
 * var run = new TrainingRun("bnn-small", spec, "fashion-mnist-subset", data, config, directory, environment);
 * run.checkpointEachEpoch();
 * RunRecord record = run.run();
 * }</pre>
 */
public final class TrainingRun {

    private final Trainer trainer;
    private final RunRecorder recorder;
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
        this.trainer = Trainer.forSpec(spec, data, config);
        this.recorder = new RunRecorder(directory, arch, datasetName, data, config, environment);
        this.directory = directory;
        this.config = config;
        trainer.addListener(recorder);
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

    /**
     * Trains to the end, or until cancelled or diverged, and returns the final record, which is also on disk. A
     * failure on the way (a full disk, no memory left) does not escape: it ends the run with status {@code failed}
     * and the reason as the record's message.
     */
    public RunRecord run() {
        try {
            trainer.run();
            return recorder.latest();
        } catch (RuntimeException e) {
            return recorder.fail(e.getMessage() != null ? e.getMessage() : e.toString());
        } catch (OutOfMemoryError e) {
            return recorder.fail("out of memory (" + e.getMessage() + "): try a smaller batch size, or give Java "
                    + "more memory with -Xmx");
        }
    }
}
