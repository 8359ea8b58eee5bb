package org.bnnworkbench.engine.kernel.binary;

import static jdk.incubator.vector.VectorOperators.XOR;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link XnorGemm#popcounts} with a lane-wise popcount on 512-bit vectors: one vector holds word j of the eight
 * pixels of a panel group ({@link XnorGemm#PIXELS}), is XORed with a broadcast weight word and counted lane by lane
 * (AVX-512 VPOPCNTQ), and the counts are summed in 64-bit lanes. Four weight rows times sixteen pixels (two
 * groups) stay in eight accumulators, so each panel load serves four rows and each weight word two vectors.
 *
 * <p>The lane-wise bit count ({@code VectorOperators.BIT_COUNT}) came with JDK 19's Vector API; JDK 17 has none.
 * The engine is compiled for Java 17, so the operator is looked up by reflection once ({@link #BIT_COUNT}, null
 * when absent); as a static final it is a constant to the JIT, which then emits the instruction as if the code
 * had named it. {@link #usable()} says whether this kernel can run: the operator exists and the JVM's preferred
 * vectors are 512 bits wide (on narrower hardware the operator would be emulated, and the Harley-Seal kernel
 * is the better choice).
 */
final class XnorLaneKernel {

    static final VectorOperators.Unary BIT_COUNT = lookupBitCount();
    private static final VectorSpecies<Long> S = LongVector.SPECIES_512;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_256;
    private static final int G = XnorGemm.PIXELS;

    private XnorLaneKernel() {
    }

    private static VectorOperators.Unary lookupBitCount() {
        try {
            return (VectorOperators.Unary) VectorOperators.class.getField("BIT_COUNT").get(null);
        } catch (ReflectiveOperationException | ClassCastException e) {
            return null;
        }
    }

    static boolean usable() {
        return BIT_COUNT != null && LongVector.SPECIES_PREFERRED.vectorBitSize() >= S.vectorBitSize()
                && S.length() == G;
    }

    static void popcounts(long[] w, int wOff, int rows, int kw, long[] panel, int pixels,
                          int[] counts, int cOff, int ldc) {
        long[] tmp = new long[8 * G];
        int groups = (pixels + G - 1) / G;
        int o = 0;
        for (; o + 4 <= rows; o += 4) {
            int wb = wOff + o * kw;
            int cb = cOff + o * ldc;
            int g = 0;
            for (; g + 2 <= groups; g += 2) {
                int p = g * G;
                quad(w, wb, kw, panel, p * kw, counts, cb + p, ldc, Math.min(2 * G, pixels - p), tmp);
            }
            if (g < groups) {
                int p = g * G;
                for (int r = 0; r < 4; r++) {
                    single(w, wb + r * kw, kw, panel, p * kw, counts, cb + r * ldc + p, pixels - p, tmp);
                }
            }
        }
        for (; o < rows; o++) {
            int wb = wOff + o * kw;
            for (int g = 0; g < groups; g++) {
                int p = g * G;
                single(w, wb, kw, panel, p * kw, counts, cOff + o * ldc + p, Math.min(G, pixels - p), tmp);
            }
        }
    }

    /**
     * Rows wb .. wb + 3 (kw words apart) against the two pixel groups at panel offset ab (the second kw * G
     * further on); counts of the first {@code lanes} of the sixteen pixels go to c[cb + r * ldc + p].
     * A separate method with one hot loop, so that HotSpot keeps the eight accumulators in registers.
     */
    private static void quad(long[] w, int wb, int kw, long[] panel, int ab, int[] c, int cb, int ldc, int lanes,
                             long[] tmp) {
        LongVector s00 = LongVector.zero(S);
        LongVector s01 = s00;
        LongVector s10 = s00;
        LongVector s11 = s00;
        LongVector s20 = s00;
        LongVector s21 = s00;
        LongVector s30 = s00;
        LongVector s31 = s00;
        int ab1 = ab + kw * G;
        int w1 = wb + kw;
        int w2 = w1 + kw;
        int w3 = w2 + kw;
        for (int j = 0; j < kw; j++) {
            LongVector a0 = LongVector.fromArray(S, panel, ab + j * G);
            LongVector a1 = LongVector.fromArray(S, panel, ab1 + j * G);
            long x = w[wb + j];
            s00 = s00.add(a0.lanewise(XOR, x).lanewise(BIT_COUNT));
            s01 = s01.add(a1.lanewise(XOR, x).lanewise(BIT_COUNT));
            x = w[w1 + j];
            s10 = s10.add(a0.lanewise(XOR, x).lanewise(BIT_COUNT));
            s11 = s11.add(a1.lanewise(XOR, x).lanewise(BIT_COUNT));
            x = w[w2 + j];
            s20 = s20.add(a0.lanewise(XOR, x).lanewise(BIT_COUNT));
            s21 = s21.add(a1.lanewise(XOR, x).lanewise(BIT_COUNT));
            x = w[w3 + j];
            s30 = s30.add(a0.lanewise(XOR, x).lanewise(BIT_COUNT));
            s31 = s31.add(a1.lanewise(XOR, x).lanewise(BIT_COUNT));
        }
        // the epilogue hands no vector to another method: a call C2 does not inline would box all eight
        if (lanes == 2 * G) {
            ((IntVector) s00.convertShape(VectorOperators.L2I, I, 0)).intoArray(c, cb);
            ((IntVector) s01.convertShape(VectorOperators.L2I, I, 0)).intoArray(c, cb + G);
            ((IntVector) s10.convertShape(VectorOperators.L2I, I, 0)).intoArray(c, cb + ldc);
            ((IntVector) s11.convertShape(VectorOperators.L2I, I, 0)).intoArray(c, cb + ldc + G);
            ((IntVector) s20.convertShape(VectorOperators.L2I, I, 0)).intoArray(c, cb + 2 * ldc);
            ((IntVector) s21.convertShape(VectorOperators.L2I, I, 0)).intoArray(c, cb + 2 * ldc + G);
            ((IntVector) s30.convertShape(VectorOperators.L2I, I, 0)).intoArray(c, cb + 3 * ldc);
            ((IntVector) s31.convertShape(VectorOperators.L2I, I, 0)).intoArray(c, cb + 3 * ldc + G);
        } else {
            s00.intoArray(tmp, 0);
            s01.intoArray(tmp, G);
            s10.intoArray(tmp, 2 * G);
            s11.intoArray(tmp, 3 * G);
            s20.intoArray(tmp, 4 * G);
            s21.intoArray(tmp, 5 * G);
            s30.intoArray(tmp, 6 * G);
            s31.intoArray(tmp, 7 * G);
            for (int r = 0; r < 4; r++) {
                for (int l = 0; l < lanes; l++) {
                    c[cb + r * ldc + l] = (int) tmp[r * 2 * G + l];
                }
            }
        }
    }

    /** One row against one pixel group; counts of its first {@code lanes} (at most G) pixels go to c[cb + p]. */
    private static void single(long[] w, int wb, int kw, long[] panel, int ab, int[] c, int cb, int lanes,
                               long[] tmp) {
        LongVector s = LongVector.zero(S);
        for (int j = 0; j < kw; j++) {
            s = s.add(LongVector.fromArray(S, panel, ab + j * G).lanewise(XOR, w[wb + j]).lanewise(BIT_COUNT));
        }
        if (lanes >= G) {
            ((IntVector) s.convertShape(VectorOperators.L2I, I, 0)).intoArray(c, cb);
        } else {
            s.intoArray(tmp, 0);
            for (int l = 0; l < lanes; l++) {
                c[cb + l] = (int) tmp[l];
            }
        }
    }
}
