package org.bnnworkbench.engine.kernel.binary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.bnnworkbench.engine.kernel.ConvGeometry;
import org.junit.jupiter.api.Test;

class BitPackTest {

    private static float[] randomSigns(Random rng, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = rng.nextBoolean() ? 1f : -1f;
        }
        return x;
    }

    @Test
    void activationsRoundTripForOddChannelCountsAndGroups() {
        Random rng = new Random(3);
        int[][] shapes = {{1, 1, 1, 1, 1}, {2, 63, 3, 5, 1}, {1, 64, 4, 4, 1}, {3, 65, 5, 3, 1}, {2, 130, 3, 3, 2},
                {1, 12, 7, 1, 4}, {2, 200, 2, 3, 1}};
        for (int[] s : shapes) {
            int n = s[0];
            int c = s[1];
            int h = s[2];
            int w = s[3];
            int groups = s[4];
            float[] x = randomSigns(rng, n * c * h * w);
            long[] bits = new long[n * h * w * BitPack.wordsPerPixel(c, groups)];
            BitPack.packSigns(x, n, c, h, w, groups, bits);
            float[] back = new float[x.length];
            BitPack.unpack(bits, n, c, h, w, groups, back);
            assertThat(back).as("n %d c %d %dx%d groups %d", n, c, h, w, groups).containsExactly(x);
        }
    }

    @Test
    void wordsPastTheLastChannelStayZero() {
        float[] x = new float[65];
        java.util.Arrays.fill(x, -1f);
        long[] bits = new long[2];
        BitPack.packSigns(x, 1, 65, 1, 1, 1, bits);
        assertThat(bits).containsExactly(-1L, 1L);
    }

    @Test
    void zeroAndNegativeZeroPackAsPlusOne() {
        float[] x = {0f, -0f, -1e-30f, 1e-30f, Float.MIN_VALUE, -Float.MIN_VALUE};
        long[] bits = new long[1];
        BitPack.packSigns(x, 1, x.length, 1, 1, 1, bits);
        // bit = 1 for -1: only the two negative numbers
        assertThat(bits[0]).isEqualTo(0b100100L);
    }

    @Test
    void thresholdsCompareEachChannelInItsDirection() {
        // channel 0: +1 when x >= 0.5; channel 1: +1 when x <= -2
        float[] x = {0.5f, 0.4f, -2f, -1.9f}; // NCHW: channel 0 = (0.5, 0.4), channel 1 = (-2, -1.9)
        long[] bits = new long[2];
        BitPack.packThresholds(x, 1, 2, 1, 2, 1, new float[] {0.5f, -2f}, new boolean[] {false, true}, bits);
        // pixel 0: (0.5 >= 0.5: +1, -2 <= -2: +1) = 0b00; pixel 1: (0.4: -1, -1.9: -1) = 0b11
        assertThat(bits).containsExactly(0b00L, 0b11L);
    }

    @Test
    void thresholdPackingOfWholePlanesMatchesTheComparisons() {
        Random rng = new Random(21);
        int[][] shapes = {{2, 64, 7, 5, 1}, {1, 130, 6, 6, 2}, {3, 12, 9, 3, 3}, {1, 200, 4, 5, 1}};
        for (int[] s : shapes) {
            int n = s[0];
            int c = s[1];
            int h = s[2];
            int w = s[3];
            int groups = s[4];
            float[] x = new float[n * c * h * w];
            for (int i = 0; i < x.length; i++) {
                x[i] = rng.nextInt(10) == 0 ? (rng.nextBoolean() ? 0f : -0f) : (float) rng.nextGaussian();
            }
            float[] t = new float[c];
            boolean[] below = new boolean[c];
            for (int ch = 0; ch < c; ch++) {
                t[ch] = switch (ch % 7) {
                    case 0 -> Float.NaN;
                    case 1 -> Float.NEGATIVE_INFINITY;
                    case 2 -> 0f;
                    default -> (float) rng.nextGaussian();
                };
                below[ch] = rng.nextBoolean();
            }
            // some values exactly on their channel's threshold
            for (int i = 0; i < x.length; i += 5) {
                float th = t[(i / (h * w)) % c];
                if (Float.isFinite(th)) {
                    x[i] = th;
                }
            }
            long[] bits = new long[n * h * w * BitPack.wordsPerPixel(c, groups)];
            BitPack.packThresholds(x, n, c, h, w, groups, t, below, bits);
            float[] back = new float[x.length];
            BitPack.unpack(bits, n, c, h, w, groups, back);
            for (int i = 0; i < x.length; i++) {
                int ch = (i / (h * w)) % c;
                boolean plus = below[ch] ? x[i] <= t[ch] : x[i] >= t[ch];
                assertThat(back[i]).as("value %d = %s, channel %d threshold %s below %s", i, x[i], ch, t[ch], below[ch])
                        .isEqualTo(plus ? 1f : -1f);
            }
        }
    }

    @Test
    void weightsRoundTripPerOutputChannelTapAndWord() {
        Random rng = new Random(5);
        ConvGeometry[] geometries = {new ConvGeometry(3, 5, 3, 1, 1, 1, 1), new ConvGeometry(130, 4, 3, 2, 1, 1, 2),
                new ConvGeometry(64, 64, 1, 1, 0, 1, 1), new ConvGeometry(65, 7, 5, 1, 2, 2, 1)};
        for (ConvGeometry g : geometries) {
            float[] w = new float[g.weightCount()];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) rng.nextGaussian();
            }
            w[0] = 0f;
            float[] back = BitPack.unpackWeights(BitPack.packWeights(w, g), g);
            for (int i = 0; i < w.length; i++) {
                assertThat(back[i]).as("%s weight %d", g, i).isEqualTo(w[i] >= 0f ? 1f : -1f);
            }
        }
    }
}
