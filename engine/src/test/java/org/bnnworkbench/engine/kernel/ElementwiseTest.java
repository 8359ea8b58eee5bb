package org.bnnworkbench.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The vector kernels of {@link Elementwise} against their plain loops, bit for bit, on data with
 * the awkward values: both zeros, NaN, infinities, values exactly at the threshold, and ties.
 * Ranges start at odd offsets and end off the vector length so that both loop parts run.
 */
class ElementwiseTest {

    private static final float T = 1f;

    private static float[] awkward(Random rng, int size) {
        float[] special = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, T, -T,
                Math.nextUp(T), Math.nextDown(-T), Float.MIN_VALUE, -Float.MIN_VALUE};
        float[] d = new float[size];
        for (int i = 0; i < size; i++) {
            d[i] = rng.nextInt(4) == 0 ? special[rng.nextInt(special.length)] : (float) rng.nextGaussian();
        }
        return d;
    }

    private static void assertSameBits(float[] actual, float[] expected) {
        assertThat(actual.length).isEqualTo(expected.length);
        for (int i = 0; i < actual.length; i++) {
            assertThat(Float.floatToRawIntBits(actual[i])).as("element %d: %s vs %s", i, actual[i], expected[i])
                    .isEqualTo(Float.floatToRawIntBits(expected[i]));
        }
    }

    @Test
    void vectorKernelsAreInUseWhenTheModuleIsThere() {
        assertThat(Gemm.vectorized()).isTrue();
    }

    @Test
    void signAndItsSaturationCountMatchThePlainLoop() {
        Random rng = new Random(1);
        for (int size : new int[] {0, 5, 8, 37, 1000}) {
            float[] in = awkward(rng, size + 3);
            float[] fast = new float[in.length];
            float[] plain = new float[in.length];
            long n = Elementwise.sign(in, fast, 3, in.length, T);
            assertThat(n).isEqualTo(Elementwise.signPlain(in, plain, 3, in.length, T));
            assertSameBits(fast, plain);
        }
    }

    @Test
    void reluAndTheGradientSelectsMatchThePlainLoops() {
        Random rng = new Random(2);
        for (int size : new int[] {0, 7, 16, 41, 999}) {
            float[] in = awkward(rng, size + 1);
            float[] g = awkward(rng, size + 1);
            float[][] fast = new float[3][in.length];
            float[][] plain = new float[3][in.length];
            Elementwise.relu(in, fast[0], 1, in.length);
            Elementwise.reluPlain(in, plain[0], 1, in.length);
            Elementwise.passPositive(in, g, fast[1], 1, in.length);
            Elementwise.passPositivePlain(in, g, plain[1], 1, in.length);
            Elementwise.passWithin(in, g, fast[2], 1, in.length, T);
            Elementwise.passWithinPlain(in, g, plain[2], 1, in.length, T);
            for (int k = 0; k < 3; k++) {
                assertSameBits(fast[k], plain[k]);
            }
        }
    }

    @Test
    void batchNormLoopsMatchThePlainLoops() {
        Random rng = new Random(3);
        for (int size : new int[] {3, 8, 49, 196, 785}) {
            float[] x = awkward(rng, size);
            float[] dy = awkward(rng, size);
            float mean = (float) rng.nextGaussian();
            float inv = 1.7f;
            float[] fast = new float[size];
            float[] plain = new float[size];
            Elementwise.normalize(x, fast, 1, size, mean, inv, 0.8f, -0.3f);
            Elementwise.normalizePlain(x, plain, 1, size, mean, inv, 0.8f, -0.3f);
            assertSameBits(fast, plain);
            Elementwise.normalizeGradient(dy, x, fast, 1, size, mean, inv, 1.3f, 0.2f, -0.4f);
            Elementwise.normalizeGradientPlain(dy, x, plain, 1, size, mean, inv, 1.3f, 0.2f, -0.4f);
            assertSameBits(fast, plain);
            Elementwise.affine(x, fast, 1, size, 0.37f, -1.1f);
            Elementwise.affinePlain(x, plain, 1, size, 0.37f, -1.1f);
            assertSameBits(fast, plain);
        }
    }

    @Test
    void maxPoolPlanesPickTheFirstMaximumAsThePlainLoopDoes() {
        Random rng = new Random(4);
        for (int[] size : new int[][] {{1, 1}, {7, 7}, {3, 8}, {14, 14}, {5, 17}}) {
            int oh = size[0];
            int ow = size[1];
            int w = 2 * ow + 1;
            int h = 2 * oh + 1;
            float[] in = new float[3 + h * w];
            for (int i = 0; i < in.length; i++) {
                // few distinct values, so windows tie often; some NaN and signed zeros
                int pick = rng.nextInt(6);
                in[i] = pick == 0 ? Float.NaN : pick == 1 ? -0f : pick == 2 ? 0f : rng.nextInt(3);
            }
            int[] corner = Elementwise.windowCorners(oh, ow, w);
            float[] fast = new float[oh * ow + 2];
            float[] plain = new float[oh * ow + 2];
            int[] fastArg = new int[oh * ow + 2];
            int[] plainArg = new int[oh * ow + 2];
            Elementwise.maxPool2x2Plane(in, 3, w, corner, fast, fastArg, 2);
            Elementwise.maxPool2x2PlanePlain(in, 3, w, corner, plain, plainArg, 2, 0, oh * ow);
            assertSameBits(fast, plain);
            assertThat(fastArg).containsExactly(plainArg);
        }
    }

    @Test
    void dotProductsAgreeWithDoubleSumsAndRepeat() {
        Random rng = new Random(5);
        for (int n : new int[] {0, 3, 8, 31, 32, 812}) {
            float[] a = new float[n + 2];
            float[] b = new float[n + 5];
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) rng.nextGaussian();
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = (float) rng.nextGaussian();
            }
            double exact = 0;
            double scale = 0;
            for (int j = 0; j < n; j++) {
                exact += (double) a[2 + j] * b[5 + j];
                scale += Math.abs((double) a[2 + j] * b[5 + j]);
            }
            float dot = Elementwise.dot(a, 2, b, 5, n);
            assertThat((double) dot).isCloseTo(exact, org.assertj.core.data.Offset.offset(1e-6 * (1 + scale)));
            assertThat(Elementwise.dot(a, 2, b, 5, n)).isEqualTo(dot);
        }
    }
}
