package org.bnnworkbench.engine.spec;

import org.bnnworkbench.engine.kernel.ConvGeometry;

/**
 * The primitive operations a block expands into. Both the compiler (which builds engine layers)
 * and the cost model (which counts parameters and MACs) read these, so they can never disagree
 * about what a block contains.
 */
public sealed interface Op {

    /** A convolution, binary (sign of latent weights, input already binary) or 32-bit. */
    record Conv(ConvGeometry geometry, boolean binary, boolean bias) implements Op {
    }

    record BatchNorm(int channels) implements Op {
    }

    record Relu() implements Op {
    }

    /** Binarises activations with the run's sign estimator and clip threshold. */
    record Sign() implements Op {
    }

    record MaxPool(int kernel, int stride, int padding) implements Op {
    }

    record AvgPool(int kernel, int stride, int padding) implements Op {
    }

    record GlobalAvgPool() implements Op {
    }

    /** Fully connected 32-bit layer with bias. */
    record Dense(int in, int out) implements Op {
    }

    record ChannelShuffle(int groups) implements Op {
    }

    /** Merges: several inputs. */
    record Concat() implements Op {
    }

    /** Adds the second input into the last channels of the first (MeliusNet improvement). */
    record SliceAdd() implements Op {
    }

    record Add() implements Op {
    }

    default boolean isMerge() {
        return this instanceof Concat || this instanceof SliceAdd || this instanceof Add;
    }
}
