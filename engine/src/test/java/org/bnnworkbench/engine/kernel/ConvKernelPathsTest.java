package org.bnnworkbench.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.bnnworkbench.engine.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stride-1 convolutions run on padded image stacks ({@link StackedConv}), the rest on im2col views;
 * both must compute the same convolution. Batches are large enough for several tasks per thread
 * and several weight-gradient parts. The two paths add in different orders, so they agree to
 * rounding, not to the bit.
 */
class ConvKernelPathsTest {

    record Case(ConvGeometry g, int n, int h, int w, float pad) {
        @Override
        public String toString() {
            return String.format("%dx%d k%d p%d d%d g%d on %dx%d x %d, pad %s", g.inChannels(), g.outChannels(),
                    g.kernel(), g.padding(), g.dilation(), g.groups(), h, w, n, pad);
        }
    }

    static Stream<Case> cases() {
        Random rng = new Random(9);
        List<Case> cases = new ArrayList<>();
        cases.add(new Case(new ConvGeometry(16, 8, 3, 1, 1, 1, 1), 20, 7, 7, -1f));
        cases.add(new Case(new ConvGeometry(8, 16, 3, 1, 1, 1, 1), 9, 14, 14, 0f));
        cases.add(new Case(new ConvGeometry(12, 6, 1, 1, 0, 1, 1), 13, 7, 7, 0f));
        cases.add(new Case(new ConvGeometry(1, 8, 3, 1, 1, 1, 1), 5, 28, 28, 0f));
        while (cases.size() < 24) {
            int groups = 1 + rng.nextInt(3);
            int k = 1 + rng.nextInt(4);
            int dilation = 1 + rng.nextInt(2);
            int padding = rng.nextInt(dilation * (k - 1) + 1);
            int h = 2 + rng.nextInt(12);
            int w = 2 + rng.nextInt(12);
            ConvGeometry g = new ConvGeometry(groups * (1 + rng.nextInt(4)), groups * (1 + rng.nextInt(6)), k, 1,
                    padding, dilation, groups);
            if (g.outSize(h) <= 0 || g.outSize(w) <= 0) {
                continue;
            }
            cases.add(new Case(g, 1 + rng.nextInt(24), h, w, rng.nextBoolean() ? 0f : -1f));
        }
        return cases.stream();
    }

    private static float[] gaussian(Random rng, int size) {
        float[] d = new float[size];
        for (int i = 0; i < size; i++) {
            d[i] = (float) rng.nextGaussian();
        }
        return d;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void stackedAndIm2colPathsComputeTheSameConvolution(Case c) {
        ConvGeometry g = c.g();
        assertThat(PaddedStack.fits(g)).isTrue();
        Random rng = new Random(10);
        Tensor x = new Tensor(gaussian(rng, c.n() * g.inChannels() * c.h() * c.w()), c.n(), g.inChannels(), c.h(), c.w());
        float[] w = gaussian(rng, g.weightCount());
        float[] bias = gaussian(rng, g.outChannels());
        ConvKernel stacked = new ConvKernel(g, c.pad(), true);
        ConvKernel general = new ConvKernel(g, c.pad(), false);
        Tensor y = stacked.forward(x, w, bias);
        Tensor yRef = general.forward(x, w, bias);
        assertClose(y.data(), yRef.data());
        Tensor dy = new Tensor(gaussian(rng, y.size()), y.shape());
        float[] dw = gaussian(new Random(11), w.length);
        float[] dwRef = dw.clone();
        float[] db = new float[bias.length];
        float[] dbRef = new float[bias.length];
        Tensor dx = stacked.backward(x, w, dy, dw, db, true);
        Tensor dxRef = general.backward(x, w, dy, dwRef, dbRef, true);
        assertClose(dx.data(), dxRef.data());
        assertClose(dw, dwRef);
        assertThat(db).containsExactly(dbRef);
        // and the stacked path repeats its own bits
        float[] dwAgain = gaussian(new Random(11), w.length);
        assertThat(stacked.backward(x, w, dy, dwAgain, null, true).data()).containsExactly(dx.data());
        assertThat(dwAgain).containsExactly(dw);
        assertThat(stacked.forward(x, w, bias).data()).containsExactly(y.data());
    }

    private static void assertClose(float[] actual, float[] expected) {
        double scale = 0;
        for (float v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) actual[i]).as("element %d", i).isCloseTo(expected[i],
                    org.assertj.core.data.Offset.offset(1e-5 * (1 + scale)));
        }
    }
}
