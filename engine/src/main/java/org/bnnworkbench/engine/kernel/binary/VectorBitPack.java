package org.bnnworkbench.engine.kernel.binary;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link BitPack#packThresholds} for eight pixels at a time on the Vector API: per channel one vector load
 * of eight consecutive pixels (NCHW keeps them together), the sign of (x - t) * s + 0 as a 0/1 lane
 * (the same branch-free test as the plain loop), widened to longs and shifted into the channel's bit of
 * the eight pixels' words, which stay in two registers over the 64 channels of a word.
 */
final class VectorBitPack {

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_256;
    private static final VectorSpecies<Long> L = LongVector.SPECIES_256;
    static final int PIXELS = 8;

    private VectorBitPack() {
    }

    /**
     * Words of pixels [p, p + 8) of one image-group for channels [c0, c0 + count) into out at
     * {@code dst + pixel * wpp}; x of channel c0 at {@code at} (pixel p), channels {@code plane} apart.
     */
    static void words(float[] x, int at, int plane, int count, float[] t, float[] sign, boolean[] never, int c0,
                      long[] out, int dst, int wpp, long[] tmp) {
        LongVector lo = LongVector.zero(L);
        LongVector hi = lo;
        for (int k = 0; k < count; k++) {
            int ch = c0 + k;
            FloatVector d = FloatVector.fromArray(F, x, at + k * plane).sub(t[ch]).mul(sign[ch]).add(0f);
            IntVector bits = d.reinterpretAsInts().lanewise(VectorOperators.LSHR, 31);
            if (never[ch]) {
                bits = IntVector.broadcast(IntVector.SPECIES_256, 1);
            }
            LongVector b0 = (LongVector) bits.convertShape(VectorOperators.I2L, L, 0);
            LongVector b1 = (LongVector) bits.convertShape(VectorOperators.I2L, L, 1);
            lo = lo.or(b0.lanewise(VectorOperators.LSHL, k));
            hi = hi.or(b1.lanewise(VectorOperators.LSHL, k));
        }
        if (wpp == 1) {
            lo.intoArray(out, dst);
            hi.intoArray(out, dst + 4);
        } else {
            lo.intoArray(tmp, 0);
            hi.intoArray(tmp, 4);
            for (int i = 0; i < PIXELS; i++) {
                out[dst + i * wpp] = tmp[i];
            }
        }
    }
}
