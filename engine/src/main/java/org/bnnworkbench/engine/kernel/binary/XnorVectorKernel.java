package org.bnnworkbench.engine.kernel.binary;

import static jdk.incubator.vector.VectorOperators.XOR;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link XnorGemm#popcounts} on 256-bit vectors (AVX2): a vector holds one word of four pixels, XORed with
 * a broadcast weight word. The popcounts of a row and four pixels are summed in five bit-planes
 * (ones, twos, fours, eights, sixteens, thirty-twos) by carry-save adders (Harley-Seal, see {@link #micro}), so each
 * vector operation counts 256 bit positions and only the final planes go through the scalar POPCNT:
 * count = pc(ones) + 2 pc(twos) + ... + 32 pc(thirty-twos). Six planes count up to
 * 63 words; longer rows are summed in chunks of {@value #CHUNK} words. Two output rows share each panel
 * load. Everything is in local variables: HotSpot 17 boxes vectors kept elsewhere.
 */
final class XnorVectorKernel {

    private static final VectorSpecies<Long> S = LongVector.SPECIES_256;
    private static final int L = 4;
    /** Pixels in a panel group: word j of pixel p of a group is at j * G + p, so four lanes are half a group. */
    private static final int G = XnorGemm.PIXELS;
    /** Words summed by the bit-planes before they are counted (at most 31 for five planes). */
    static final int CHUNK = 63;

    private XnorVectorKernel() {
    }

    static void popcounts(long[] w, int wOff, int rows, int kw, long[] panel, int pixels,
                          int[] counts, int cOff, int ldc) {
        long[] planes = new long[12 * L];
        // equal chunks of at most CHUNK words (72 words: 36 + 36, not 63 + 9)
        int chunks = (kw + CHUNK - 1) / CHUNK;
        int size = (kw + chunks - 1) / chunks;
        for (int j0 = 0; j0 < kw; j0 += size) {
            int j1 = Math.min(kw, j0 + size);
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
        int planes = j1 - j0 < 16 ? 4 : j1 - j0 < 32 ? 5 : 6;
        for (int p = 0; p < pixels; p += L) {
            // the four pixels from p: one half of the panel group of G pixels that holds them
            micro(w, w0, w1, panel, (p / G) * G * kw + p % G, j0, j1, tmp);
            int lanes = Math.min(L, pixels - p);
            for (int l = 0; l < lanes; l++) {
                int n0 = count(tmp, l, planes);
                c[r0 + p + l] = add ? c[r0 + p + l] + n0 : n0;
                if (r1 >= 0) {
                    int n1 = count(tmp, 6 * L + l, planes);
                    c[r1 + p + l] = add ? c[r1 + p + l] + n1 : n1;
                }
            }
        }
    }

    /** pc(ones) + 2 pc(twos) + ... of one lane, the planes L longs apart from {@code at}. */
    private static int count(long[] tmp, int at, int planes) {
        int n = Long.bitCount(tmp[at]) + 2 * Long.bitCount(tmp[at + L]) + 4 * Long.bitCount(tmp[at + 2 * L])
                + 8 * Long.bitCount(tmp[at + 3 * L]);
        if (planes > 4) {
            n += 16 * Long.bitCount(tmp[at + 4 * L]);
            if (planes > 5) {
                n += 32 * Long.bitCount(tmp[at + 5 * L]);
            }
        }
        return n;
    }

    /**
     * The bit-planes of rows w0 and w1 against the four pixels of the panel block at ab, words [j0, j1),
     * into tmp (ones, twos, fours, eights, sixteens, thirty-twos of row 0, then of row 1). Eight words at a time go
     * through a Harley-Seal tree of seven carry-save adders (u = a ^ b; sum = u ^ c; carry = (a & b) | (u & c)):
     * pairs into ones, their carries pairwise into twos, those into fours, and one carry into eights;
     * the rest two and one at a time. A separate method with a single hot loop, as {@code VectorGemm}'s
     * micro-kernel: HotSpot 17 then keeps the planes in registers (in a loop nest it boxed them).
     */
    static void micro(long[] w, int w0, int w1, long[] panel, int ab, int j0, int j1, long[] tmp) {
        LongVector o0 = LongVector.zero(S);
        LongVector t0 = o0;
        LongVector f0 = o0;
        LongVector e0 = o0;
        LongVector s0 = o0;
        LongVector o1 = o0;
        LongVector t1 = o0;
        LongVector f1 = o0;
        LongVector e1 = o0;
        LongVector s1 = o0;
        LongVector z0 = o0;
        LongVector z1 = o0;
        int j = j0;
        for (; j + 8 <= j1; j += 8) {
            int a = ab + j * G;
            LongVector a0 = LongVector.fromArray(S, panel, a);
            LongVector a1 = LongVector.fromArray(S, panel, a + G);
            LongVector a2 = LongVector.fromArray(S, panel, a + 2 * G);
            LongVector a3 = LongVector.fromArray(S, panel, a + 3 * G);
            LongVector a4 = LongVector.fromArray(S, panel, a + 4 * G);
            LongVector a5 = LongVector.fromArray(S, panel, a + 5 * G);
            LongVector a6 = LongVector.fromArray(S, panel, a + 6 * G);
            LongVector a7 = LongVector.fromArray(S, panel, a + 7 * G);
            LongVector u;
            LongVector twosA;
            LongVector twosB;
            LongVector foursA;
            LongVector foursB;
            LongVector eightsA;
            // row 0
            LongVector x0 = a0.lanewise(XOR, w[w0 + j]);
            LongVector x1 = a1.lanewise(XOR, w[w0 + j + 1]);
            u = o0.lanewise(XOR, x0);
            twosA = o0.and(x0).or(u.and(x1));
            o0 = u.lanewise(XOR, x1);
            x0 = a2.lanewise(XOR, w[w0 + j + 2]);
            x1 = a3.lanewise(XOR, w[w0 + j + 3]);
            u = o0.lanewise(XOR, x0);
            twosB = o0.and(x0).or(u.and(x1));
            o0 = u.lanewise(XOR, x1);
            u = t0.lanewise(XOR, twosA);
            foursA = t0.and(twosA).or(u.and(twosB));
            t0 = u.lanewise(XOR, twosB);
            x0 = a4.lanewise(XOR, w[w0 + j + 4]);
            x1 = a5.lanewise(XOR, w[w0 + j + 5]);
            u = o0.lanewise(XOR, x0);
            twosA = o0.and(x0).or(u.and(x1));
            o0 = u.lanewise(XOR, x1);
            x0 = a6.lanewise(XOR, w[w0 + j + 6]);
            x1 = a7.lanewise(XOR, w[w0 + j + 7]);
            u = o0.lanewise(XOR, x0);
            twosB = o0.and(x0).or(u.and(x1));
            o0 = u.lanewise(XOR, x1);
            u = t0.lanewise(XOR, twosA);
            foursB = t0.and(twosA).or(u.and(twosB));
            t0 = u.lanewise(XOR, twosB);
            u = f0.lanewise(XOR, foursA);
            eightsA = f0.and(foursA).or(u.and(foursB));
            f0 = u.lanewise(XOR, foursB);
            LongVector cy = e0.and(eightsA);
            e0 = e0.lanewise(XOR, eightsA);
            z0 = z0.lanewise(XOR, s0.and(cy));
            s0 = s0.lanewise(XOR, cy);
            // row 1
            x0 = a0.lanewise(XOR, w[w1 + j]);
            x1 = a1.lanewise(XOR, w[w1 + j + 1]);
            u = o1.lanewise(XOR, x0);
            twosA = o1.and(x0).or(u.and(x1));
            o1 = u.lanewise(XOR, x1);
            x0 = a2.lanewise(XOR, w[w1 + j + 2]);
            x1 = a3.lanewise(XOR, w[w1 + j + 3]);
            u = o1.lanewise(XOR, x0);
            twosB = o1.and(x0).or(u.and(x1));
            o1 = u.lanewise(XOR, x1);
            u = t1.lanewise(XOR, twosA);
            foursA = t1.and(twosA).or(u.and(twosB));
            t1 = u.lanewise(XOR, twosB);
            x0 = a4.lanewise(XOR, w[w1 + j + 4]);
            x1 = a5.lanewise(XOR, w[w1 + j + 5]);
            u = o1.lanewise(XOR, x0);
            twosA = o1.and(x0).or(u.and(x1));
            o1 = u.lanewise(XOR, x1);
            x0 = a6.lanewise(XOR, w[w1 + j + 6]);
            x1 = a7.lanewise(XOR, w[w1 + j + 7]);
            u = o1.lanewise(XOR, x0);
            twosB = o1.and(x0).or(u.and(x1));
            o1 = u.lanewise(XOR, x1);
            u = t1.lanewise(XOR, twosA);
            foursB = t1.and(twosA).or(u.and(twosB));
            t1 = u.lanewise(XOR, twosB);
            u = f1.lanewise(XOR, foursA);
            eightsA = f1.and(foursA).or(u.and(foursB));
            f1 = u.lanewise(XOR, foursB);
            cy = e1.and(eightsA);
            e1 = e1.lanewise(XOR, eightsA);
            z1 = z1.lanewise(XOR, s1.and(cy));
            s1 = s1.lanewise(XOR, cy);
        }
        for (; j < j1; j++) {
            // one word: a half adder into ones, the carry rippled up
            LongVector a0 = LongVector.fromArray(S, panel, ab + j * G);
            LongVector x = a0.lanewise(XOR, w[w0 + j]);
            LongVector cy = o0.and(x);
            o0 = o0.lanewise(XOR, x);
            LongVector c2 = t0.and(cy);
            t0 = t0.lanewise(XOR, cy);
            LongVector c3 = f0.and(c2);
            f0 = f0.lanewise(XOR, c2);
            LongVector c4 = e0.and(c3);
            e0 = e0.lanewise(XOR, c3);
            z0 = z0.lanewise(XOR, s0.and(c4));
            s0 = s0.lanewise(XOR, c4);
            x = a0.lanewise(XOR, w[w1 + j]);
            cy = o1.and(x);
            o1 = o1.lanewise(XOR, x);
            c2 = t1.and(cy);
            t1 = t1.lanewise(XOR, cy);
            c3 = f1.and(c2);
            f1 = f1.lanewise(XOR, c2);
            c4 = e1.and(c3);
            e1 = e1.lanewise(XOR, c3);
            z1 = z1.lanewise(XOR, s1.and(c4));
            s1 = s1.lanewise(XOR, c4);
        }
        o0.intoArray(tmp, 0);
        t0.intoArray(tmp, L);
        f0.intoArray(tmp, 2 * L);
        e0.intoArray(tmp, 3 * L);
        s0.intoArray(tmp, 4 * L);
        z0.intoArray(tmp, 5 * L);
        o1.intoArray(tmp, 6 * L);
        t1.intoArray(tmp, 7 * L);
        f1.intoArray(tmp, 8 * L);
        e1.intoArray(tmp, 9 * L);
        s1.intoArray(tmp, 10 * L);
        z1.intoArray(tmp, 11 * L);
    }
}
