package org.bnnworkbench.engine.kernel.binary;

import org.bnnworkbench.engine.kernel.ConvGeometry;

/**
 * The signs of a binary convolution's weights, packed as {@link BitPack#packWeights} lays them out
 * ({@code [out][k * k][words(in / groups)]}), with the sum of each output channel's ±1 weights over
 * each kernel tap, {@code tapSums[o * k * k + t]}: what a pad pixel read as +1 adds, and so what a zero
 * pad must take away again (LCE {@code zero_padding_correction.h}).
 */
public record PackedWeights(ConvGeometry geometry, long[] bits, int[] tapSums) {

    public static PackedWeights of(float[] weights, ConvGeometry g) {
        return of(BitPack.packWeights(weights, g), g);
    }

    public static PackedWeights of(long[] bits, ConvGeometry g) {
        int cg = g.inPerGroup();
        int wpg = BitPack.words(cg);
        int taps = g.kernel() * g.kernel();
        if (bits.length != g.outChannels() * taps * wpg) {
            throw new IllegalArgumentException("packed weights of " + g + " need " + g.outChannels() * taps * wpg
                    + " words, got " + bits.length);
        }
        int[] sums = new int[g.outChannels() * taps];
        for (int o = 0; o < g.outChannels(); o++) {
            for (int t = 0; t < taps; t++) {
                int minus = 0;
                for (int q = 0; q < wpg; q++) {
                    minus += Long.bitCount(bits[(o * taps + t) * wpg + q]);
                }
                sums[o * taps + t] = cg - 2 * minus;
            }
        }
        return new PackedWeights(g, bits, sums);
    }

    /** Words per output channel: k * k taps times the words of one group's input channels. */
    public int rowWords() {
        return geometry.kernel() * geometry.kernel() * BitPack.words(geometry.inPerGroup());
    }
}
