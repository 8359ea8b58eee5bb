package org.bnnworkbench.app.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.atomic.AtomicInteger;
import org.bnnworkbench.engine.train.EpochMetrics;
import org.bnnworkbench.engine.train.TrainingEvent;
import org.junit.jupiter.api.Test;

class RunProgressTest {

    private static TrainingEvent.Batch batch(int epoch, int batch, double loss) {
        return new TrainingEvent.Batch(epoch, batch, 4, loss, 0.5, 100, 10);
    }

    @Test
    void theSmoothedLossStartsAtTheFirstBatchsLossAndFollowsAMovingAverage() {
        var progress = new RunProgress(() -> { });
        progress.onEvent(batch(1, 1, 2.0));
        progress.onEvent(batch(1, 2, 1.0));

        var points = progress.drain().smoothedLoss();

        // bias-corrected: the first value is the first loss, not 0.1 of it
        assertThat(points.get(0).y()).isCloseTo(2.0, within(1e-12));
        assertThat(points.get(1).y()).isCloseTo((0.09 * 2.0 + 0.1 * 1.0) / (1 - 0.81), within(1e-12));
        assertThat(points).extracting(RunProgress.Point::x).containsExactly(0.25, 0.5);
    }

    @Test
    void aDrainHandsOverEveryEpochOnceAndKeepsTheLatestBatch() {
        var calls = new AtomicInteger();
        var progress = new RunProgress(calls::incrementAndGet);
        var metrics = new EpochMetrics(1, 1.5, 0.4, 1.2, 0.5, 0.9, 0.1, 0.01, 3, 100, 1e-3);
        progress.onEvent(batch(1, 4, 1.0));
        progress.onEvent(new TrainingEvent.Epoch(metrics));

        var first = progress.drain();
        var second = progress.drain();

        assertThat(calls.get()).isEqualTo(2);
        assertThat(first.epochs()).containsExactly(metrics);
        assertThat(second.epochs()).isEmpty();
        assertThat(second.smoothedLoss()).isEmpty();
        assertThat(second.latestBatch()).isEqualTo(first.latestBatch());
    }
}
