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
     * where below[c]), else -1; thresholds null for a plain sign (x &gt;= 0). The output is bit-packed for a
     * binary convolution with {@code groups} groups.
     */
    record SignThreshold(int channels, float[] threshold, boolean[] below, int groups) implements PackedOp {
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
