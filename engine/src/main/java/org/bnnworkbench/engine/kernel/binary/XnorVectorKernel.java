package org.bnnworkbench.engine.kernel.binary;

import static jdk.incubator.vector.VectorOperators.XOR;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link XnorGemm#popcounts} on 256-bit vectors (AVX2): a vector holds one word of four pixels, XORed with
 * a broadcast weight word. The popcounts of a row and four pixels are summed in five bit-planes
 * (ones, twos, fours, eights, sixteens: a carry-save adder takes two words into ones and ripples the
 * carry up), so each vector operation counts 256 bit positions and only the final planes go through the
 * scalar POPCNT: count = pc(ones) + 2 pc(twos) + 4 pc(fours) + 8 pc(eights) + 16 pc(sixteens). Five
 * planes count up to 31 words; longer rows are summed in chunks of {@value #CHUNK} words. Two output
 * rows share each panel load. Everything is in local variables: HotSpot 17 boxes vectors kept elsewhere.
 */
final class XnorVectorKernel {

    private static final VectorSpecies<Long> S = LongVector.SPECIES_256;
    private static final int L = 4;
    /** Words summed by the bit-planes before they are counted (at most 31 for five planes). */
    static final int CHUNK = 30;

    private XnorVectorKernel() {
    }

    static void popcounts(long[] w, int wOff, int rows, int kw, long[] panel, int pixels,
                          int[] counts, int cOff, int ldc) {
        long[] planes = new long[10 * L];
        for (int j0 = 0; j0 < kw; j0 += CHUNK) {
            int j1 = Math.min(kw, j0 + CHUNK);
            boolean add = j0 > 0;
            for (int o = 0; o < rows; o += 2) {
                int w0 = wOff + o * kw;
                boolean two = o + 1 < rows;
                int w1 = two ? w0 + kw : w0;
                rowPair(w, w0, w1, kw, j0, j1, panel, pixels, counts, cOff + o * ldc, two ? cOff + (o + 1) * ldc : -1,
                        add, planes);
            }
        }
    }

    private static void rowPair(long[] w, int w0, int w1, int kw, int j0, int j1, long[] panel, int pixels,
                                int[] c, int r0, int r1, boolean add, long[] tmp) {
        LongVector zero = LongVector.zero(S);
        int pairEnd = j0 + ((j1 - j0) & ~1);
        for (int p = 0; p < pixels; p += L) {
            int ab = p * kw;
            LongVector o0 = zero, t0 = zero, f0 = zero, e0 = zero, s0 = zero;
            LongVector o1 = zero, t1 = zero, f1 = zero, e1 = zero, s1 = zero;
            for (int j = j0; j < pairEnd; j += 2) {
                LongVector a0 = LongVector.fromArray(S, panel, ab + j * L);
                LongVector a1 = LongVector.fromArray(S, panel, ab + (j + 1) * L);
                // row 0: carry-save add of two words into ones, carry rippled into the higher planes
                LongVector x0 = a0.lanewise(XOR, w[w0 + j]);
                LongVector x1 = a1.lanewise(XOR, w[w0 + j + 1]);
                LongVector u = o0.lanewise(XOR, x0);
                LongVector cy = o0.and(x0).or(u.and(x1));
                o0 = u.lanewise(XOR, x1);
                LongVector c2 = t0.and(cy);
                t0 = t0.lanewise(XOR, cy);
                LongVector c3 = f0.and(c2);
                f0 = f0.lanewise(XOR, c2);
                LongVector c4 = e0.and(c3);
                e0 = e0.lanewise(XOR, c3);
                s0 = s0.lanewise(XOR, c4);
                // row 1
                x0 = a0.lanewise(XOR, w[w1 + j]);
                x1 = a1.lanewise(XOR, w[w1 + j + 1]);
                u = o1.lanewise(XOR, x0);
                cy = o1.and(x0).or(u.and(x1));
                o1 = u.lanewise(XOR, x1);
                c2 = t1.and(cy);
                t1 = t1.lanewise(XOR, cy);
                c3 = f1.and(c2);
                f1 = f1.lanewise(XOR, c2);
                c4 = e1.and(c3);
                e1 = e1.lanewise(XOR, c3);
                s1 = s1.lanewise(XOR, c4);
            }
            if (pairEnd < j1) {
                // an odd last word: a half adder into ones
                LongVector a0 = LongVector.fromArray(S, panel, ab + pairEnd * L);
                LongVector x0 = a0.lanewise(XOR, w[w0 + pairEnd]);
                LongVector cy = o0.and(x0);
                o0 = o0.lanewise(XOR, x0);
                LongVector c2 = t0.and(cy);
                t0 = t0.lanewise(XOR, cy);
                LongVector c3 = f0.and(c2);
                f0 = f0.lanewise(XOR, c2);
                LongVector c4 = e0.and(c3);
                e0 = e0.lanewise(XOR, c3);
                s0 = s0.lanewise(XOR, c4);
                x0 = a0.lanewise(XOR, w[w1 + pairEnd]);
                cy = o1.and(x0);
                o1 = o1.lanewise(XOR, x0);
                c2 = t1.and(cy);
                t1 = t1.lanewise(XOR, cy);
                c3 = f1.and(c2);
                f1 = f1.lanewise(XOR, c2);
                c4 = e1.and(c3);
                e1 = e1.lanewise(XOR, c3);
                s1 = s1.lanewise(XOR, c4);
            }
            o0.intoArray(tmp, 0);
            t0.intoArray(tmp, L);
            f0.intoArray(tmp, 2 * L);
            e0.intoArray(tmp, 3 * L);
            s0.intoArray(tmp, 4 * L);
            o1.intoArray(tmp, 5 * L);
            t1.intoArray(tmp, 6 * L);
            f1.intoArray(tmp, 7 * L);
            e1.intoArray(tmp, 8 * L);
            s1.intoArray(tmp, 9 * L);
            int lanes = Math.min(L, pixels - p);
            for (int l = 0; l < lanes; l++) {
                int n0 = Long.bitCount(tmp[l]) + 2 * Long.bitCount(tmp[L + l]) + 4 * Long.bitCount(tmp[2 * L + l])
                        + 8 * Long.bitCount(tmp[3 * L + l]) + 16 * Long.bitCount(tmp[4 * L + l]);
                c[r0 + p + l] = add ? c[r0 + p + l] + n0 : n0;
                if (r1 >= 0) {
                    int n1 = Long.bitCount(tmp[5 * L + l]) + 2 * Long.bitCount(tmp[6 * L + l])
                            + 4 * Long.bitCount(tmp[7 * L + l]) + 8 * Long.bitCount(tmp[8 * L + l])
                            + 16 * Long.bitCount(tmp[9 * L + l]);
                    c[r1 + p + l] = add ? c[r1 + p + l] + n1 : n1;
                }
            }
        }
    }
}
