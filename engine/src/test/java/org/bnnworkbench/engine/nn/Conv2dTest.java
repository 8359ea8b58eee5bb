package org.bnnworkbench.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.stream.Stream;
import org.bnnworkbench.engine.kernel.ConvGeometry;
import org.bnnworkbench.engine.reference.Agreement;
import org.bnnworkbench.engine.reference.Float64Tensor;
import org.bnnworkbench.engine.reference.GradientCheck;
import org.bnnworkbench.engine.reference.RandomTensors;
import org.bnnworkbench.engine.reference.ReferenceConv;
import org.bnnworkbench.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class Conv2dTest {

    /** A geometry and an input size (batch, height, width). */
    record Case(String name, ConvGeometry g, int n, int h, int w) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("3x3 odd sizes", new ConvGeometry(3, 5, 3, 1, 1, 1, 1), 2, 7, 6),
                new Case("3x3 stride 2 groups 2", new ConvGeometry(4, 6, 3, 2, 1, 1, 2), 2, 9, 7),
                new Case("3x3 dilation 2 groups 4", new ConvGeometry(4, 8, 3, 1, 2, 2, 4), 1, 7, 7),
                new Case("3x3 stride 2 dilation 2 unpadded", new ConvGeometry(3, 2, 3, 2, 0, 2, 1), 1, 9, 10),
                new Case("1x1", new ConvGeometry(5, 3, 1, 1, 0, 1, 1), 3, 5, 3),
                new Case("1x1 stride 2 groups 4", new ConvGeometry(8, 4, 1, 2, 0, 1, 4), 2, 6, 5),
                new Case("5x5 stride 2", new ConvGeometry(2, 3, 5, 2, 2, 1, 1), 2, 11, 8),
                new Case("output 1x1", new ConvGeometry(1, 1, 3, 1, 0, 1, 1), 1, 3, 3),
                new Case("padding wider than kernel reach", new ConvGeometry(2, 2, 2, 3, 2, 1, 1), 1, 4, 5));
    }

    private static Conv2d convWithRandomBias(ConvGeometry g, Random rng) {
        Conv2d conv = new Conv2d("conv", g, true, true, rng);
        RandomTensors.fill(conv.params().get(1).value().data(), RandomTensors.gaussian(rng, g.outChannels()));
        return conv;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void forwardMatchesFloat64Reference(Case c) {
        Random rng = new Random(11);
        Conv2d conv = convWithRandomBias(c.g(), rng);
        Tensor x = RandomTensors.gaussian(rng, c.n(), c.g().inChannels(), c.h(), c.w());
        Float64Tensor expected = ReferenceConv.conv2d(Float64Tensor.of(x),
                Float64Tensor.toDouble(conv.weight().value().data()),
                Float64Tensor.toDouble(conv.params().get(1).value().data()), c.g(), 0);
        Agreement.assertForward("conv " + c.name(), conv.forward(x, false), expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void inputWeightAndBiasGradientsMatchFiniteDifferences(Case c) {
        Random rng = new Random(12);
        Conv2d conv = convWithRandomBias(c.g(), rng);
        Tensor x = RandomTensors.gaussian(rng, c.n(), c.g().inChannels(), c.h(), c.w());
        GradientCheck.layer("conv " + c.name(), conv, x,
                (xd, p) -> ReferenceConv.conv2d(xd, p.get(0), p.get(1), c.g(), 0), rng);
    }

    @Test
    void firstLayerSkipsTheInputGradientButStillLearns() {
        Random rng = new Random(13);
        ConvGeometry g = new ConvGeometry(3, 4, 3, 1, 1, 1, 1);
        Conv2d conv = new Conv2d("stem", g, false, false, rng);
        Tensor x = RandomTensors.gaussian(rng, 1, 3, 5, 5);
        Tensor y = conv.forward(x, true);
        assertThat(conv.backward(RandomTensors.gaussian(rng, y.shape()))).isNull();
        assertThat(conv.params()).hasSize(1);
        assertThat(conv.weight().grad().data()).isNotEqualTo(new float[g.weightCount()]);
    }

    /**
     * Enough images that the unfolded matrix exceeds one chunk: forward against the reference, and
     * the backward pass through the bilinearity of convolution, sum(u * conv(x, w)) = <dL/dw, w> =
     * <dL/dx, x>, which holds across chunk boundaries only if every chunk is folded back in place.
     */
    @Test
    void convolutionSplitIntoChunksAgreesWithTheReference() {
        Random rng = new Random(14);
        ConvGeometry g = new ConvGeometry(16, 2, 3, 1, 1, 1, 1);
        int n = 13;
        int side = 48;
        assertThat((long) n * g.patchSize() * side * side).isGreaterThan(1L << 22);
        Conv2d conv = new Conv2d("big", g, false, true, rng);
        Tensor x = RandomTensors.gaussian(rng, n, 16, side, side);
        Tensor y = conv.forward(x, true);
        Agreement.assertForward("conv over two chunks", y, ReferenceConv.conv2d(Float64Tensor.of(x),
                Float64Tensor.toDouble(conv.weight().value().data()), null, g, 0));
        Tensor u = RandomTensors.gaussian(rng, y.shape());
        Tensor dx = conv.backward(u);
        double uy = dot(u.data(), y.data());
        assertThat(dot(conv.weight().grad().data(), conv.weight().value().data())).isCloseTo(uy, within(1e-4 * norm(u) * norm(y)));
        assertThat(dot(dx.data(), x.data())).isCloseTo(uy, within(1e-4 * norm(u) * norm(y)));
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    private static double norm(Tensor t) {
        return Math.sqrt(dot(t.data(), t.data()));
    }
}
