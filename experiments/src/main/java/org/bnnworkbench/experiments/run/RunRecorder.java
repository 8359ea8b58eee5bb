package org.bnnworkbench.experiments.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bnnworkbench.engine.cost.CostConvention;
import org.bnnworkbench.engine.cost.CostModel;
import org.bnnworkbench.engine.data.DatasetSplit;
import org.bnnworkbench.engine.data.LabelledImages;
import org.bnnworkbench.engine.spec.NetworkSpec;
import org.bnnworkbench.engine.spec.SpecJson;
import org.bnnworkbench.engine.train.EpochMetrics;
import org.bnnworkbench.engine.train.TrainingConfig;
import org.bnnworkbench.engine.train.TrainingEvent;
import org.bnnworkbench.engine.train.TrainingListener;
import org.bnnworkbench.engine.train.TrainingResult;

/**
 * Keeps a run's record up to date on disk as the trainer reports: with status {@code running} when training starts
 * and after every epoch (so a run that crashes or is killed still leaves a valid record of the epochs it finished),
 * then once more with how it ended.
 */
public final class RunRecorder implements TrainingListener {

    private static final int[][] NO_CONFUSION = new int[0][0];

    private final RunDirectory directory;
    private final RunSettings settings;
    private final DatasetSplit data;
    private final Map<String, Object> config;
    private final RunRecord.Cost cost;
    private final JsonNode spec;
    private final RunRecord.Environment environment;
    private Instant startedAt = now();
    private long startNanos = System.nanoTime();
    private final List<EpochMetrics> history = new ArrayList<>();
    private int trainImages;
    private int testImages;
    private long parameters;
    private int resumedFromEpoch;
    private RunRecord latest;

    /** @param datasetName the name or path the data set was asked for by */
    public RunRecorder(RunDirectory directory, String arch, String datasetName, DatasetSplit data,
                       TrainingConfig config, RunRecord.Environment environment) {
        this(directory, new RunSettings(arch, Map.of(), false, datasetName, config), null, data, environment);
    }

    /**
     * @param spec the network as trained (the full-precision twin if the settings ask for it), recorded with its cost;
     *             null to record neither
     */
    public RunRecorder(RunDirectory directory, RunSettings settings, NetworkSpec spec, DatasetSplit data,
                       RunRecord.Environment environment) {
        this.directory = directory;
        this.settings = settings;
        this.data = data;
        this.config = settings.config().asMap();
        this.environment = environment;
        this.cost = spec == null ? null : costOf(spec);
        this.spec = spec == null ? null : SpecJson.toTree(spec);
    }

    private static RunRecord.Cost costOf(NetworkSpec spec) {
        try {
            return RunRecord.Cost.of(CostModel.of(spec, CostConvention.BMXNET));
        } catch (RuntimeException e) {
            return null; // a network too large to count still trains (if it fits in memory at all)
        }
    }

    /** The epochs a checkpoint brings along when a run is resumed; they open the history. */
    public synchronized void restoreHistory(List<EpochMetrics> done) {
        history.clear();
        history.addAll(done);
    }

    @Override
    public synchronized void onEvent(TrainingEvent event) {
        if (event instanceof TrainingEvent.Started s) {
            startedAt = now();
            startNanos = System.nanoTime();
            trainImages = s.trainImages();
            testImages = s.testImages();
            parameters = s.parameters();
            resumedFromEpoch = s.startEpoch();
            save(running("training"));
        } else if (event instanceof TrainingEvent.Epoch e) {
            history.add(e.metrics());
            save(running("finished epoch " + e.metrics().epoch()));
        } else if (event instanceof TrainingEvent.Finished f) {
            save(finished(f.result()));
        }
        // batches come too often to write each; the next epoch's record follows
    }

    /**
     * Records that the run stopped with an error (an unwritable checkpoint, no memory left...). The record is written
     * if the disk allows it; either way it is returned.
     */
    public synchronized RunRecord fail(String message) {
        RunRecord record = build(RunStatus.FAILED, message, List.copyOf(history), seconds(), NO_CONFUSION, now());
        try {
            directory.write(record);
        } catch (IOException | UncheckedIOException e) {
            // the run has failed already; the message says why, and the last written record stays valid
        }
        latest = record;
        return record;
    }

    /** The last record built: {@code running} during training, the final one after it. */
    public synchronized RunRecord latest() {
        return latest;
    }

    private RunRecord running(String message) {
        return build(RunStatus.RUNNING, message, List.copyOf(history), seconds(), NO_CONFUSION, null);
    }

    private RunRecord finished(TrainingResult result) {
        history.clear();
        history.addAll(result.history());
        return build(RunStatus.of(result.status()), result.message(), result.history(), result.wallSeconds(),
                result.confusion(), now());
    }

    private RunRecord build(RunStatus status, String message, List<EpochMetrics> epochs, double wallSeconds,
                            int[][] confusion, Instant finishedAt) {
        double top1 = epochs.isEmpty() ? 0 : epochs.get(epochs.size() - 1).testTop1();
        LabelledImages train = data.train();
        var dataset = new RunRecord.Dataset(settings.dataset(), data.source(), trainImages, testImages,
                train.height() + "x" + train.width() + "x" + train.channels(), train.classes(), data.licenceNotice());
        return new RunRecord(RunRecord.FORMAT, RunRecord.VERSION, status, message, settings.arch(),
                settings.params(), settings.fullPrecision(), dataset, config, epochs, top1, epochs.size(),
                resumedFromEpoch, wallSeconds, meanImagesPerSecond(epochs), parameters, cost, confusion, environment,
                startedAt, finishedAt, spec);
    }

    /** Images over seconds of training, summed over epochs: a slow epoch weighs as much as it took. */
    private double meanImagesPerSecond(List<EpochMetrics> epochs) {
        double seconds = epochs.stream().filter(m -> m.imagesPerSecond() > 0)
                .mapToDouble(m -> trainImages / m.imagesPerSecond()).sum();
        return seconds > 0 ? epochs.size() * (double) trainImages / seconds : 0;
    }

    private double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private void save(RunRecord record) {
        latest = record;
        try {
            directory.write(record);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + directory.recordFile() + ": " + e.getMessage(), e);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
