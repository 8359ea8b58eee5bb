package org.bnnworkbench.app.training;

import java.util.ArrayList;
import java.util.List;
import org.bnnworkbench.engine.train.EpochMetrics;
import org.bnnworkbench.engine.train.TrainingEvent;
import org.bnnworkbench.engine.train.TrainingListener;
import org.bnnworkbench.engine.train.TrainingResult;

/**
 * Collects one run's training events on its training thread, for the FX thread to {@link #drain} a few times a
 * second: every epoch (none is lost), the smoothed batch loss, and the latest batch, start and end (latest wins).
 *
 * <p>The batch loss is smoothed by an exponential moving average with weight {@value #SMOOTHING} on the past
 * (about the last ten batches), bias-corrected as in Adam (Kingma &amp; Ba 2015, eq. in Algorithm 1) so that the
 * first batches are not pulled towards zero.
 */
final class RunProgress implements TrainingListener {

    static final double SMOOTHING = 0.9;

    /** A point of a per-batch curve; {@code x} counts epochs, fractionally: 1.5 is the middle of epoch 2. */
    record Point(double x, double y) {
    }

    /** What happened since the previous drain. */
    record Update(TrainingEvent.Started started, List<EpochMetrics> epochs, List<Point> smoothedLoss,
                  TrainingEvent.Batch latestBatch, TrainingResult result) {
    }

    private TrainingEvent.Started started;
    private final List<EpochMetrics> epochs = new ArrayList<>();
    private final List<Point> losses = new ArrayList<>();
    private TrainingEvent.Batch latest;
    private TrainingResult result;
    private double average;
    private int averaged;
    private final Runnable changed;

    /** @param changed called on the training thread after each event (it requests a throttled publication) */
    RunProgress(Runnable changed) {
        this.changed = changed;
    }

    @Override
    public void onEvent(TrainingEvent event) {
        synchronized (this) {
            if (event instanceof TrainingEvent.Started s) {
                started = s;
            } else if (event instanceof TrainingEvent.Batch b) {
                latest = b;
                averaged++;
                average = SMOOTHING * average + (1 - SMOOTHING) * b.loss();
                double corrected = average / (1 - Math.pow(SMOOTHING, averaged));
                losses.add(new Point(b.epoch() - 1 + (double) b.batch() / b.batches(), corrected));
            } else if (event instanceof TrainingEvent.Epoch e) {
                epochs.add(e.metrics());
            } else if (event instanceof TrainingEvent.Finished f) {
                result = f.result();
            }
        }
        changed.run();
    }

    /** Everything new since the last drain; the lists are handed over, the latest values stay. */
    synchronized Update drain() {
        var update = new Update(started, List.copyOf(epochs), List.copyOf(losses), latest, result);
        epochs.clear();
        losses.clear();
        started = null;
        return update;
    }
}
