package org.bnnworkbench.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The batch-norm channel sums: compensated float lanes on the Vector API against the plain double
 * loops. They add in different orders, so they agree to rounding of the double sums (far below
 * float precision), also when the mean is large against the spread, where a plain float sum of
 * squares would lose every digit.
 */
class ChannelReductionsTest {

    private static float[] data(Random rng, int size, double offset, double spread) {
        float[] d = new float[size];
        for (int i = 0; i < size; i++) {
            d[i] = (float) (offset + spread * rng.nextGaussian());
        }
        return d;
    }

    @Test
    void channelSumsAgreeWithThePlainDoubleLoops() {
        Random rng = new Random(1);
        for (int[] shape : new int[][] {{5, 3, 49}, {7, 4, 196}, {3, 2, 784}, {4, 5, 3}, {6, 1, 17}}) {
            int n = shape[0];
            int channels = shape[1];
            int plane = shape[2];
            for (double offset : new double[] {0, 3, 1000}) {
                float[] x = data(rng, n * channels * plane, offset, 1);
                float[] dy = data(rng, x.length, 0, 0.01);
                for (int c = 0; c < channels; c++) {
                    int base = c * plane;
                    int stride = channels * plane;
                    double sum = Reductions.channelSumPlain(x, base, stride, n, plane);
                    assertThat(Reductions.channelSum(x, base, stride, n, plane)).isCloseTo(sum, within(1e-12 * (1 + Math.abs(sum))));
                    double mean = sum / (n * plane);
                    double sq = Reductions.channelSquaredDeviationsPlain(x, base, stride, n, plane, mean);
                    assertThat(Reductions.channelSquaredDeviations(x, base, stride, n, plane, mean))
                            .isCloseTo(sq, within(1e-10 * sq));
                    double[] fast = new double[2];
                    double[] plain = new double[2];
                    float invStd = (float) (1 / Math.sqrt(sq / (n * plane) + 1e-5));
                    Reductions.channelGradientSums(dy, x, base, stride, n, plane, (float) mean, invStd, fast);
                    Reductions.channelGradientSumsPlain(dy, x, base, stride, n, plane, (float) mean, invStd, plain);
                    double scale = 1e-12 * n * plane;
                    assertThat(fast[0]).isCloseTo(plain[0], within(scale));
                    assertThat(fast[1]).isCloseTo(plain[1], within(scale));
                }
            }
        }
    }

    @Test
    void channelSumsRepeatTheirBits() {
        float[] x = data(new Random(2), 8 * 3 * 196, 2, 1);
        double first = Reductions.channelSquaredDeviations(x, 196, 3 * 196, 8, 196, 2.0);
        assertThat(Reductions.channelSquaredDeviations(x, 196, 3 * 196, 8, 196, 2.0)).isEqualTo(first);
    }
}
