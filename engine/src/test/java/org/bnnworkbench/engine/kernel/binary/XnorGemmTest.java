package org.bnnworkbench.engine.kernel.binary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class XnorGemmTest {

    /** The plain definition: sum over j of popcount(w[o][j] ^ a[p][j]), row-major both. */
    static int[] reference(long[] w, long[] a, int m, int n, int kw) {
        int[] c = new int[m * n];
        for (int o = 0; o < m; o++) {
            for (int p = 0; p < n; p++) {
                int s = 0;
                for (int j = 0; j < kw; j++) {
                    s += Long.bitCount(w[o * kw + j] ^ a[p * kw + j]);
                }
                c[o * n + p] = s;
            }
        }
        return c;
    }

    private static long[] random(Random rng, int size) {
        long[] v = new long[size];
        for (int i = 0; i < size; i++) {
            v[i] = rng.nextLong();
        }
        return v;
    }

    @Test
    void popcountsMatchTheDefinitionForOddRowsPixelsAndDepths() {
        Random rng = new Random(11);
        // depths around the Harley-Seal block (8 words), the plane limits (15, 31, 63) and the chunk splits
        int[] depths = {1, 2, 3, 7, 8, 9, 15, 16, 17, 18, 29, 31, 32, 36, 61, 63, 64, 75, 127, 130};
        for (int kw : depths) {
            for (int[] mn : new int[][] {{1, 1}, {2, 4}, {3, 5}, {7, 13}, {16, 33}}) {
                int m = mn[0];
                int n = mn[1];
                long[] w = random(rng, m * kw);
                long[] a = random(rng, n * kw);
                long[] panel = new long[XnorGemm.panelSize(n, kw)];
                XnorGemm.packPanel(a, 0, n, kw, panel);
                int[] expected = reference(w, a, m, n, kw);
                int[] fast = new int[m * n];
                XnorGemm.popcounts(w, 0, m, kw, panel, n, fast, 0, n);
                int[] plain = new int[m * n];
                XnorGemm.popcountsPlain(w, 0, m, kw, panel, n, plain, 0, n);
                assertThat(fast).as("m %d n %d kw %d", m, n, kw).containsExactly(expected);
                assertThat(plain).as("plain m %d n %d kw %d", m, n, kw).containsExactly(expected);
            }
        }
    }

    @Test
    void allOnesAgainstAllZerosCountsEveryBit() {
        int kw = 40;
        long[] w = new long[2 * kw];
        java.util.Arrays.fill(w, -1L);
        long[] a = new long[4 * kw];
        long[] panel = new long[XnorGemm.panelSize(4, kw)];
        XnorGemm.packPanel(a, 0, 4, kw, panel);
        int[] c = new int[8];
        XnorGemm.popcounts(w, 0, 2, kw, panel, 4, c, 0, 4);
        assertThat(c).containsOnly(64 * kw);
    }

    @Test
    void multiplyGivesPlusMinusOneDotProducts() {
        Random rng = new Random(2);
        int m = 6;
        int n = 37;
        int kBits = 100;
        int kw = BitPack.words(kBits);
        long tail = (1L << (kBits - 64)) - 1;
        long[] w = random(rng, m * kw);
        long[] a = random(rng, n * kw);
        for (int r = 0; r < m; r++) {
            w[r * kw + 1] &= tail;
        }
        for (int p = 0; p < n; p++) {
            a[p * kw + 1] &= tail;
        }
        float[] c = new float[m * n];
        XnorGemm.multiply(w, m, kw, kBits, a, n, c);
        for (int o = 0; o < m; o++) {
            for (int p = 0; p < n; p++) {
                int dot = 0;
                for (int b = 0; b < kBits; b++) {
                    int wv = ((w[o * kw + b / 64] >>> (b % 64)) & 1) == 0 ? 1 : -1;
                    int av = ((a[p * kw + b / 64] >>> (b % 64)) & 1) == 0 ? 1 : -1;
                    dot += wv * av;
                }
                assertThat(c[o * n + p]).isEqualTo((float) dot);
            }
        }
    }
}
