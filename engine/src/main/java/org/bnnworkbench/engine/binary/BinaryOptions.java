package org.bnnworkbench.engine.binary;

/**
 * Training choices for the binary layers of a network: the sign estimator (with the clip
 * threshold t), per-channel weight scaling on or off, and the value binary convolutions pad with.
 */
public record BinaryOptions(SignEstimator estimator, boolean scaling, float padValue) {

    public static BinaryOptions defaults() {
        return new BinaryOptions(new SignEstimator.Ste(SignEstimator.DEFAULT_CLIP), false, BinaryConv2d.PAD_MINUS_ONE);
    }

    public float clip() {
        return estimator.clip();
    }
}
