package org.bnnworkbench.engine.cost;

import java.util.Locale;

/**
 * How parameters and operations are counted. Both count binary conv weights at 1 bit and every
 * other parameter at 32 bits, BatchNorm as 2 values per channel, and convolutions and dense
 * layers as multiply-accumulates (one MAC = one FLOP or BOP).
 * <ul>
 * <li>{@link #BMXNET}: BMXNet 2's {@code print_summary}, behind the published BinaryDenseNet and
 * MeliusNet tables: the classifier's dense layer is excluded from FLOPs ("FC layers are not counted
 * in related work").</li>
 * <li>{@link #LARQ}: larq's {@code models.summary}: the dense layer counts as 32-bit MACs.</li>
 * </ul>
 * In both, OPs = FLOPs + BOPs / 64 (a 64-bit word does 64 binary MACs per XNOR-popcount).
 */
public enum CostConvention {
    BMXNET,
    LARQ;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CostConvention parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "bmxnet" -> BMXNET;
            case "larq" -> LARQ;
            default -> throw new IllegalArgumentException("unknown cost convention '" + text + "' (use bmxnet or larq)");
        };
    }
}
