package org.bnnworkbench.engine.kernel.binary;

import org.bnnworkbench.engine.kernel.ConvGeometry;
import org.bnnworkbench.engine.kernel.Gemm;
import org.bnnworkbench.engine.kernel.Parallel;

/**
 * Bit-packing of binary values along channels into 64-bit words, as the binary kernels read them.
 *
 * <p>Encoding (LCE's, larq/compute-engine {@code core/bitpacking/bitpack.h}): <b>bit = 1 for -1, bit = 0
 * for +1</b>; a value is -1 when x &lt; 0, so sign(0) = +1 and sign(-0.0) = +1, exactly as
 * {@code SignActivation} and {@code BinaryConv2d} binarise. Channel c of a group sits at bit c % 64 of
 * the group's word c / 64. Words past the last channel of a group keep 0 bits (+1) in activations and
 * weights alike, so they XOR to 0 and add nothing to a popcount: the tail of K needs no mask. With
 * this encoding the dot product of two K-long vectors is {@code K - 2 * popcount(a XOR w)}.
 *
 * <p>Feature maps are packed per pixel: a batch of n images of c channels, h x w, in g groups is
 * {@code long[n][h][w][g][wordsPerGroup]} flattened, the layout LCE and daBNN use (channels
 * innermost), so that one kernel tap of one pixel is a run of consecutive words.
 */
public final class BitPack {

    private BitPack() {
    }

    /** 64-bit words that hold {@code bits} bits. */
    public static int words(int bits) {
        return (bits + 63) >>> 6;
    }

    /** Words per pixel of a feature map with {@code channels} channels in {@code groups} groups. */
    public static int wordsPerPixel(int channels, int groups) {
        return groups * words(channels / groups);
    }

    /** The word of a pad pixel's group that reads -1 in every real channel (bits 1), the rest 0. */
    public static long minusOnes(int channelsInWord) {
        return channelsInWord >= 64 ? -1L : (1L << channelsInWord) - 1;
    }

    /**
     * Packs sign(x) of an NCHW tensor (images [0, n)), bit = 1 where x &lt; 0, into
     * {@code out[n][h][w][groups][words(c / groups)]}; {@code out} is overwritten.
     */
    public static void packSigns(float[] x, int n, int c, int h, int w, int groups, long[] out) {
        packThresholds(x, n, c, h, w, groups, null, null, out);
    }

    /**
     * Packs per-channel comparisons: the value of channel ch is +1 (bit 0) when {@code x >= threshold[ch]}
     * or, for channels with {@code below[ch]}, when {@code x <= threshold[ch]}; -1 (bit 1) otherwise.
     * Null arrays mean threshold 0 and "x &gt;= 0", i.e. sign(x). This is the BatchNorm + sign output
     * transform of LCE ({@code core/bconv2d/output_transform.h}) on a float input.
     */
    public static void packThresholds(float[] x, int n, int c, int h, int w, int groups, float[] threshold,
                                      boolean[] below, long[] out) {
        int plane = h * w;
        int cg = c / groups;
        int wpg = words(cg);
        int wpp = groups * wpg;
        // per channel: the value compared with 0 is (x - t) or (t - x); NaN thresholds mean "never +1"
        float[] t = new float[c];
        float[] sign = new float[c];
        boolean[] never = new boolean[c];
        for (int ch = 0; ch < c; ch++) {
            t[ch] = threshold == null ? 0f : threshold[ch];
            sign[ch] = below != null && below[ch] ? -1f : 1f;
            never[ch] = Float.isNaN(t[ch]);
        }
        Parallel.forRange(n * groups, 1, (from, to) -> {
            for (int task = from; task < to; task++) {
                int i = task / groups;
                int g = task % groups;
                int base = i * plane * wpp + g * wpg;
                int[] tmp = new int[2 * VectorBitPack.PIXELS];
                for (int q = 0; q < wpg; q++) {
                    int c0 = g * cg + 64 * q;
                    int count = Math.min(64, cg - 64 * q);
                    int p = 0;
                    if (Gemm.vectorized()) {
                        for (; p + VectorBitPack.PIXELS <= plane; p += VectorBitPack.PIXELS) {
                            VectorBitPack.words(x, (i * c + c0) * plane + p, plane, count, t, sign, never, c0, out,
                                    base + p * wpp + q, wpp, tmp);
                        }
                    }
                    for (; p < plane; p++) {
                        out[base + p * wpp + q] = word(x, (i * c + c0) * plane + p, plane, count, t, sign, never, c0);
                    }
                }
            }
        });
    }

    /**
     * The word of one pixel over {@code count} channels from c0: bit k = 1 when channel c0 + k is -1, taken
     * branch-free from the sign of (x - t) (or t - x): it is negative exactly when x &lt; t, and + 0 turns
     * a -0 difference (x = -0, t = 0) into +0. Random signs would defeat the branch predictor.
     */
    private static long word(float[] x, int at, int plane, int count, float[] t, float[] sign, boolean[] never, int c0) {
        long word = 0;
        for (int k = 0; k < count; k++) {
            int ch = c0 + k;
            float d = (x[at + k * plane] - t[ch]) * sign[ch] + 0f;
            long bit = never[ch] ? 1L : Float.floatToRawIntBits(d) >>> 31;
            word |= bit << k;
        }
        return word;
    }

    /** The inverse of {@link #packSigns}: writes +1 or -1 into an NCHW float array. */
    public static void unpack(long[] bits, int n, int c, int h, int w, int groups, float[] out) {
        int plane = h * w;
        int cg = c / groups;
        int wpg = words(cg);
        int wpp = groups * wpg;
        Parallel.forRange(n * c, 64, (from, to) -> {
            for (int ic = from; ic < to; ic++) {
                int i = ic / c;
                int ch = ic % c;
                int g = ch / cg;
                int cc = ch % cg;
                int word = i * plane * wpp + g * wpg + (cc >>> 6);
                int shift = cc & 63;
                int dst = ic * plane;
                for (int p = 0; p < plane; p++) {
                    out[dst + p] = 1f - 2f * (int) ((bits[word + p * wpp] >>> shift) & 1L);
                }
            }
        });
    }

    /**
     * Packs sign(W) of conv weights [out][in / groups][k][k] (bit = 1 where W &lt; 0) into
     * {@code [out][k * k][words(in / groups)]}: per output channel the kernel taps in row-major order,
     * each tap a run of words over the group's input channels, matching the per-pixel activation layout.
     */
    public static long[] packWeights(float[] weights, ConvGeometry g) {
        int cg = g.inPerGroup();
        int wpg = words(cg);
        int taps = g.kernel() * g.kernel();
        int rowWords = taps * wpg;
        long[] out = new long[g.outChannels() * rowWords];
        for (int o = 0; o < g.outChannels(); o++) {
            for (int c = 0; c < cg; c++) {
                for (int t = 0; t < taps; t++) {
                    if (weights[(o * cg + c) * taps + t] < 0f) {
                        out[o * rowWords + t * wpg + (c >>> 6)] |= 1L << (c & 63);
                    }
                }
            }
        }
        return out;
    }

    /** The inverse of {@link #packWeights}: +1 or -1 in the [out][in / groups][k][k] order. */
    public static float[] unpackWeights(long[] packed, ConvGeometry g) {
        int cg = g.inPerGroup();
        int wpg = words(cg);
        int taps = g.kernel() * g.kernel();
        int rowWords = taps * wpg;
        float[] out = new float[g.weightCount()];
        for (int o = 0; o < g.outChannels(); o++) {
            for (int c = 0; c < cg; c++) {
                for (int t = 0; t < taps; t++) {
                    long word = packed[o * rowWords + t * wpg + (c >>> 6)];
                    out[(o * cg + c) * taps + t] = ((word >>> (c & 63)) & 1L) == 0 ? 1f : -1f;
                }
            }
        }
        return out;
    }
}
