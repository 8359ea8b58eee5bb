package org.bnnworkbench.engine.kernel.binary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.bnnworkbench.engine.kernel.ConvGeometry;
import org.bnnworkbench.engine.reference.Float64Tensor;
import org.bnnworkbench.engine.reference.ReferenceConv;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The packed binary convolution gives exactly the float64 reference convolution of sign(x) and sign(W)
 * (integers), times alpha in float when scaled, for both paddings.
 */
class BinaryConvKernelTest {

    record Case(ConvGeometry g, int n, int h, int w, float pad, boolean scaled) {
        @Override
        public String toString() {
            return "in " + g.inChannels() + " out " + g.outChannels() + " k" + g.kernel() + " s" + g.stride() + " p"
                    + g.padding() + " d" + g.dilation() + " g" + g.groups() + " " + n + "x" + h + "x" + w + " pad "
                    + (int) pad + (scaled ? " scaled" : "");
        }
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        int[][] shapes = {
                // in, out, k, stride, pad, dilation, groups, n, h, w
                {64, 64, 3, 1, 1, 1, 1, 2, 7, 7},
                {3, 5, 3, 1, 1, 1, 1, 1, 5, 6},
                {65, 7, 3, 1, 1, 1, 1, 2, 5, 5},
                {130, 10, 3, 2, 1, 1, 2, 1, 9, 7},
                {128, 16, 3, 1, 2, 2, 1, 1, 8, 9},
                {70, 6, 5, 1, 2, 1, 1, 1, 7, 5},
                {64, 8, 1, 1, 0, 1, 1, 2, 3, 3},
                {12, 8, 3, 3, 1, 1, 4, 1, 11, 10},
                {200, 3, 3, 1, 3, 1, 1, 1, 4, 4},
                {33, 4, 2, 2, 1, 1, 1, 1, 6, 5},
                {256, 32, 3, 1, 1, 1, 1, 1, 14, 14},
        };
        for (int[] s : shapes) {
            ConvGeometry g = new ConvGeometry(s[0], s[1], s[2], s[3], s[4], s[5], s[6]);
            for (float pad : new float[] {-1f, 0f}) {
                cases.add(new Case(g, s[7], s[8], s[9], pad, false));
            }
            cases.add(new Case(g, s[7], s[8], s[9], 0f, true));
        }
        Random rng = new Random(99);
        for (int r = 0; r < 12; r++) {
            int groups = 1 + rng.nextInt(3);
            int in = groups * (1 + rng.nextInt(90));
            int out = groups * (1 + rng.nextInt(6));
            int k = 1 + rng.nextInt(4);
            int d = 1 + rng.nextInt(2);
            int p = rng.nextInt(3);
            int stride = 1 + rng.nextInt(3);
            int h = d * (k - 1) + 1 + rng.nextInt(6);
            int w = d * (k - 1) + 1 + rng.nextInt(6);
            cases.add(new Case(new ConvGeometry(in, out, k, stride, p, d, groups), 1 + rng.nextInt(2), h, w,
                    rng.nextBoolean() ? -1f : 0f, rng.nextBoolean()));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void packedConvolutionEqualsTheFloatReferenceExactly(Case c) {
        ConvGeometry g = c.g();
        Random rng = new Random(g.hashCode());
        float[] x = new float[c.n() * g.inChannels() * c.h() * c.w()];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextBoolean() ? 1f : -1f;
        }
        float[] w = new float[g.weightCount()];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) rng.nextGaussian();
        }
        float[] alpha = null;
        if (c.scaled()) {
            alpha = new float[g.outChannels()];
            for (int o = 0; o < alpha.length; o++) {
                alpha[o] = 0.01f + rng.nextFloat();
            }
        }
        double[] signs = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            signs[i] = w[i] >= 0f ? 1 : -1;
        }
        Float64Tensor ref = ReferenceConv.conv2d(new Float64Tensor(Float64Tensor.toDouble(x),
                new int[] {c.n(), g.inChannels(), c.h(), c.w()}), signs, null, g, c.pad());

        long[] bits = new long[c.n() * c.h() * c.w() * BitPack.wordsPerPixel(g.inChannels(), g.groups())];
        BitPack.packSigns(x, c.n(), g.inChannels(), c.h(), c.w(), g.groups(), bits);
        float[] out = new float[ref.size()];
        new BinaryConvKernel(g, c.pad()).forward(bits, c.n(), c.h(), c.w(), PackedWeights.of(w, g), alpha, out);

        int plane = ref.size() / (c.n() * g.outChannels());
        for (int i = 0; i < out.length; i++) {
            double v = ref.data()[i];
            float expected = alpha == null ? (float) v : alpha[(i / plane) % g.outChannels()] * (float) v;
            assertThat(out[i]).as("output %d", i).isEqualTo(expected);
        }
    }
}
