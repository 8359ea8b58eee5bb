package org.bnnworkbench.engine.train;

import java.util.List;

/**
 * The outcome of a run: its status, the per-epoch history, the final test accuracy (a fraction),
 * wall time, mean training throughput, and the confusion matrix of the final evaluation
 * (rows: true class, columns: predicted).
 */
public record TrainingResult(Status status, String message, List<EpochMetrics> history, double testTop1,
                             double wallSeconds, double imagesPerSecond, int[][] confusion) {

    public enum Status {
        COMPLETED, CANCELLED, DIVERGED
    }

    public int epochs() {
        return history.size();
    }
}
