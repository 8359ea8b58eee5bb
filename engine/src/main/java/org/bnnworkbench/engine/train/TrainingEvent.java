package org.bnnworkbench.engine.train;

/** What a {@link Trainer} tells its listeners, in order: started, batches and epochs, then one end event. */
public sealed interface TrainingEvent {

    record Started(int epochs, int batchesPerEpoch, int trainImages, int testImages, long parameters,
                   int startEpoch) implements TrainingEvent {
    }

    /**
     * After each training batch: progress within the epoch, the batch loss and accuracy, the
     * throughput so far in this epoch and the estimated seconds until the run ends.
     */
    record Batch(int epoch, int batch, int batches, double loss, double top1, double imagesPerSecond,
                 double etaSeconds) implements TrainingEvent {
    }

    record Epoch(EpochMetrics metrics) implements TrainingEvent {
    }

    record Finished(TrainingResult result) implements TrainingEvent {
    }
}
