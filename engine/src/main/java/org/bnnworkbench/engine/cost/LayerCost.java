package org.bnnworkbench.engine.cost;

import org.bnnworkbench.engine.spec.FeatureShape;

/**
 * The cost of one primitive operation: its parameters at 1 bit (binary) and at 32 bits, its
 * 32-bit MACs (FLOPs) and binary MACs (BOPs), and the bytes its output occupies per image (1 bit
 * per value after a sign, 4 bytes otherwise).
 */
public record LayerCost(String name, String block, String kind, FeatureShape output, long binaryParams,
                        long fpParams, long flops, long bops, long activationBytes) {

    /** OPs = FLOPs + BOPs / 64. */
    public double ops() {
        return flops + bops / 64.0;
    }

    public double sizeBytes() {
        return binaryParams / 8.0 + fpParams * 4.0;
    }
}
