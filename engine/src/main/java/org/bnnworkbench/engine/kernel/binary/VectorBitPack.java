package org.bnnworkbench.engine.kernel.binary;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link BitPack#packThresholds} for eight pixels at a time on the Vector API: per channel one vector load
 * of eight consecutive pixels (NCHW keeps them together), the sign of (x - t) * s + 0 as a 0/1 lane
 * (the same branch-free test as the plain loop), shifted into the channel's bit of the eight pixels' low
 * (channels 0-31 of the word) or high (32-63) halves, which stay in two int registers; the halves are
 * joined into words at the end.
 *
 * <p>Only int and float vectors of one shape: widening ints to longs ({@code convertShape(I2L)}) made
 * HotSpot 17 load a second long vector class, after which the {@code LongVector} calls of
 * {@link XnorVectorKernel} no longer bound statically and ran boxed, six to ten times slower, for the rest
 * of the run (measured: a binary conv of bnn-small, 12 ms alone, 90-100 ms once packing had run).
 */
final class VectorBitPack {

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_256;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_256;
    static final int PIXELS = 8;

    private VectorBitPack() {
    }

    /**
     * Words of pixels [p, p + 8) of one image-group for channels [c0, c0 + count) into out at
     * {@code dst + pixel * wpp}; x of channel c0 at {@code at} (pixel p), channels {@code plane} apart.
     * {@code tmp} holds at least 2 * {@value #PIXELS} ints.
     */
    static void words(float[] x, int at, int plane, int count, float[] t, float[] sign, boolean[] never, int c0,
                      long[] out, int dst, int wpp, int[] tmp) {
        IntVector lo = IntVector.zero(I);
        IntVector hi = lo;
        IntVector one = IntVector.broadcast(I, 1);
        for (int k = 0; k < count; k++) {
            int ch = c0 + k;
            FloatVector d = FloatVector.fromArray(F, x, at + k * plane).sub(t[ch]).mul(sign[ch]).add(0f);
            IntVector bits = never[ch] ? one : d.reinterpretAsInts().lanewise(VectorOperators.LSHR, 31);
            if (k < 32) {
                lo = lo.or(bits.lanewise(VectorOperators.LSHL, k));
            } else {
                hi = hi.or(bits.lanewise(VectorOperators.LSHL, k - 32));
            }
        }
        lo.intoArray(tmp, 0);
        hi.intoArray(tmp, PIXELS);
        for (int i = 0; i < PIXELS; i++) {
            out[dst + i * wpp] = (tmp[i] & 0xFFFF_FFFFL) | ((long) tmp[PIXELS + i] << 32);
        }
    }
}
