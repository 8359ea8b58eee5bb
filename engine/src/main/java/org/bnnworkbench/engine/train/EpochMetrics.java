package org.bnnworkbench.engine.train;

/**
 * What one epoch produced. Accuracies are fractions in [0, 1]. {@code saturation} is the fraction
 * of pre-sign activations with |x| > t seen in training (their gradient is cancelled);
 * {@code flipRatio} the mean fraction of binary weights whose sign changed per optimiser step
 * (larq's FlipRatio). Both are 0 for networks without binary layers.
 */
public record EpochMetrics(int epoch, double trainLoss, double trainTop1, double testLoss, double testTop1,
                           double testTop5, double saturation, double flipRatio, double seconds,
                           double imagesPerSecond, double learningRate) {
}
