package org.bnnworkbench.engine.inference;

import org.bnnworkbench.engine.kernel.ConvGeometry;
import org.bnnworkbench.engine.kernel.binary.PackedWeights;

/**
 * The operations of an exported model ({@link PackedModel}): what is left of a trained network when
 * only inference matters. Binary convolutions keep their weight signs as bits, BatchNorm becomes a scale
 * and a shift per channel, and a BatchNorm followed by sign becomes one threshold per channel.
 */
public sealed interface PackedOp {

    /** The network's input image, already normalised. */
    record Input(int channels, int height, int width) implements PackedOp {
    }

    /** A 32-bit convolution; bias may be null. */
    record FloatConv(ConvGeometry geometry, float[] weights, float[] bias) implements PackedOp {
    }

    /**
     * A binary convolution on a packed input: weight signs as bits, the value the padding reads (-1 or 0)
     * and, when the network was trained with scaling, alpha per output channel (else null).
     */
    record BinaryConv(PackedWeights weights, float padValue, float[] alpha) implements PackedOp {
        public ConvGeometry geometry() {
            return weights.geometry();
        }
    }

    /** BatchNorm in evaluation: y = x * scale + shift per channel. */
    record Affine(float[] scale, float[] shift) implements PackedOp {
    }

    /**
     * sign(x), or sign(BatchNorm(x)) fused: channel c is +1 when x &gt;= threshold[c] (x &lt;= threshold[c]
     * where below[c]), else -1. A fused BatchNorm keeps its folded scale and shift (what the file stores,
     * the two parameters per channel the cost model counts); the thresholds are derived from them exactly
     * ({@link SignThresholds}). All four arrays are null for a plain sign (x &gt;= 0). The output is
     * bit-packed for a binary convolution with {@code groups} groups.
     */
    record SignThreshold(int channels, float[] scale, float[] shift, float[] threshold, boolean[] below, int groups)
            implements PackedOp {

        public static SignThreshold plain(int channels, int groups) {
            return new SignThreshold(channels, null, null, null, null, groups);
        }

        /** sign(x * scale + shift) per channel, as one comparison each. */
        public static SignThreshold fused(float[] scale, float[] shift, int groups) {
            float[] t = new float[scale.length];
            boolean[] below = new boolean[scale.length];
            for (int c = 0; c < scale.length; c++) {
                SignThresholds.Threshold th = SignThresholds.of(scale[c], shift[c]);
                t[c] = th.threshold();
                below[c] = th.below();
            }
            return new SignThreshold(scale.length, scale.clone(), shift.clone(), t, below, groups);
        }

        public boolean isFused() {
            return scale != null;
        }
    }

    /** A fully connected layer: weights [out][in], bias [out]. */
    record Dense(int in, int out, float[] weights, float[] bias) implements PackedOp {
    }

    record Relu() implements PackedOp {
    }

    record MaxPool(int kernel, int stride, int padding) implements PackedOp {
    }

    record AvgPool(int kernel, int stride, int padding) implements PackedOp {
    }

    record GlobalAvgPool() implements PackedOp {
    }

    record ChannelShuffle(int groups) implements PackedOp {
    }

    record Concat() implements PackedOp {
    }

    /** Adds the second input into the last channels of the first. */
    record SliceAdd() implements PackedOp {
    }

    record Add() implements PackedOp {
    }
}
