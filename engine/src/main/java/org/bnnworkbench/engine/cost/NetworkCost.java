package org.bnnworkbench.engine.cost;

import java.util.List;

/**
 * The cost of a whole network under one convention. Model size is given in bytes, in MB (10^6
 * bytes) and in MiB (2^20 bytes): BMXNet's and larq's published "MB" are MiB, while the usual
 * 32-bit baselines ("ResNet-18: 46.8 MB") are decimal MB.
 */
public record NetworkCost(String network, CostConvention convention, long binaryParams, long fpParams, long flops,
                          long bops, long activationBytes, List<LayerCost> layers) {

    public static final double MB = 1e6;
    public static final double MIB = 1024.0 * 1024.0;

    /** Binary parameters at 1 bit, all others at 32 bits, rounded up to whole bytes. */
    public long modelSizeBytes() {
        return (binaryParams + 7) / 8 + fpParams * 4;
    }

    public double modelSizeMB() {
        return modelSizeBytes() / MB;
    }

    public double modelSizeMiB() {
        return modelSizeBytes() / MIB;
    }

    /** OPs = FLOPs + BOPs / 64. */
    public double ops() {
        return flops + bops / 64.0;
    }

    public long parameters() {
        return binaryParams + fpParams;
    }

    /** Channels of all BatchNorm layers (each counted as 2 parameters, scale and shift). */
    public long batchNormChannels() {
        return layers.stream().filter(l -> l.kind().equals("batchnorm")).mapToLong(l -> l.fpParams() / 2).sum();
    }

    /** Weights (and biases) of the 32-bit convolutions: stems, transitions, down-sampling shortcuts. */
    public long fpConvParams() {
        return layers.stream().filter(l -> l.kind().equals("conv")).mapToLong(LayerCost::fpParams).sum();
    }

    /** Share of all MACs that are binary. */
    public double binaryMacShare() {
        long total = flops + bops;
        return total == 0 ? 0 : (double) bops / total;
    }
}
