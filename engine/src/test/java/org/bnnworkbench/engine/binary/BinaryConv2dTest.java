package org.bnnworkbench.engine.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.bnnworkbench.engine.kernel.ConvGeometry;
import org.bnnworkbench.engine.nn.BatchNorm;
import org.bnnworkbench.engine.reference.Agreement;
import org.bnnworkbench.engine.reference.Float64Tensor;
import org.bnnworkbench.engine.reference.GradientCheck;
import org.bnnworkbench.engine.reference.NumericGradient;
import org.bnnworkbench.engine.reference.RandomTensors;
import org.bnnworkbench.engine.reference.ReferenceConv;
import org.bnnworkbench.engine.reference.ReferenceOps;
import org.bnnworkbench.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BinaryConv2dTest {

    private static final float CLIP = 1.3f;

    record Case(String name, ConvGeometry g, float pad, boolean scaling, int n, int h, int w) {
        @Override
        public String toString() {
            return name + (scaling ? ", scaled" : "") + ", pad " + (int) pad;
        }
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (boolean scaling : new boolean[] {false, true}) {
            for (float pad : new float[] {BinaryConv2d.PAD_MINUS_ONE, BinaryConv2d.PAD_ZERO}) {
                cases.add(new Case("3x3", new ConvGeometry(3, 4, 3, 1, 1, 1, 1), pad, scaling, 2, 5, 6));
                cases.add(new Case("3x3 stride 2 groups 2", new ConvGeometry(4, 4, 3, 2, 1, 1, 2), pad, scaling, 2, 7, 6));
                cases.add(new Case("3x3 dilation 2 groups 4", new ConvGeometry(4, 8, 3, 1, 2, 2, 4), pad, scaling, 1, 5, 6));
                cases.add(new Case("1x1", new ConvGeometry(5, 3, 1, 1, 0, 1, 1), pad, scaling, 2, 3, 4));
            }
        }
        return cases.stream();
    }

    /**
     * A binary conv whose latent weights lie in [-1.8, 1.8], some beyond the clip threshold,
     * none within 0.05 of 0 or +-t (where q(W) = clamp(W, -t, t) and |W| have kinks).
     */
    private static BinaryConv2d conv(Case c, Random rng) {
        BinaryConv2d conv = new BinaryConv2d("bconv", c.g(), CLIP, c.scaling(), c.pad(), rng);
        RandomTensors.fill(conv.weight().value().data(), RandomTensors.awayFrom(rng, -1.8f, 1.8f, 0.05,
                new double[] {0, CLIP, -CLIP}, conv.weight().size()));
        return conv;
    }

    private static double[] latent(BinaryConv2d conv) {
        return Float64Tensor.toDouble(conv.weight().value().data());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void surrogateForwardMatchesReferenceWithClampedWeights(Case c) {
        Random rng = new Random(91);
        BinaryConv2d conv = conv(c, rng);
        conv.useSurrogate(true);
        Tensor x = RandomTensors.gaussian(rng, c.n(), c.g().inChannels(), c.h(), c.w());
        Agreement.assertForward("binary conv surrogate " + c, conv.forward(x, false),
                ReferenceConv.binaryConvSurrogate(Float64Tensor.of(x), latent(conv), CLIP, c.scaling(), c.g(), c.pad()));
    }

    /** With scaling, the latent-weight gradient includes the path through alpha = mean |W|. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void surrogateInputAndLatentWeightGradientsMatchFiniteDifferences(Case c) {
        Random rng = new Random(92);
        BinaryConv2d conv = conv(c, rng);
        conv.useSurrogate(true);
        Tensor x = RandomTensors.gaussian(rng, c.n(), c.g().inChannels(), c.h(), c.w());
        GradientCheck.layer("binary conv surrogate " + c, conv, x,
                (xd, p) -> ReferenceConv.binaryConvSurrogate(xd, p.get(0), CLIP, c.scaling(), c.g(), c.pad()), rng);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void signForwardMatchesReferenceWithSignWeights(Case c) {
        Random rng = new Random(93);
        BinaryConv2d conv = conv(c, rng);
        Tensor x = RandomTensors.binary(rng, c.n(), c.g().inChannels(), c.h(), c.w());
        Tensor y = conv.forward(x, false);
        Float64Tensor expected = ReferenceConv.binaryConvSign(Float64Tensor.of(x), latent(conv), c.scaling(), c.g(), c.pad());
        if (c.scaling()) {
            Agreement.assertForward("binary conv sign " + c, y, expected);
        } else {
            // +-1 inputs and weights: every output is a small integer, exact in float
            assertThat(y.shape()).isEqualTo(expected.shape());
            assertThat(Float64Tensor.toDouble(y.data())).containsExactly(expected.data());
        }
    }

    /** The packed kernel gives alpha times the exact integer dot product, rounded once. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void scaledForwardIsAlphaTimesTheExactIntegerDotProduct(Case c) {
        Random rng = new Random(94);
        BinaryConv2d conv = conv(c, rng);
        Tensor x = RandomTensors.binary(rng, c.n(), c.g().inChannels(), c.h(), c.w());
        Tensor y = conv.forward(x, false);
        Float64Tensor integers = ReferenceConv.binaryConvSign(Float64Tensor.of(x), latent(conv), false, c.g(), c.pad());
        float[] w = conv.weight().value().data();
        int perFilter = c.g().patchSize();
        int plane = y.size() / (c.n() * c.g().outChannels());
        for (int i = 0; i < y.size(); i++) {
            int o = (i / plane) % c.g().outChannels();
            float alpha = 1f;
            if (c.scaling()) {
                double sum = 0;
                for (int k = 0; k < perFilter; k++) {
                    sum += Math.abs(w[o * perFilter + k]);
                }
                alpha = (float) (sum / perFilter);
            }
            assertThat(y.data()[i]).as("output %d", i).isEqualTo(alpha * (float) integers.data()[i]);
        }
    }

    @Test
    void signOfAZeroLatentWeightIsPlusOne() {
        BinaryConv2d conv = new BinaryConv2d("b", new ConvGeometry(2, 1, 1, 1, 0, 1, 1), CLIP, false,
                BinaryConv2d.PAD_ZERO, new Random(94));
        conv.weight().value().data()[0] = 0f;
        conv.weight().value().data()[1] = -0.25f;
        assertThat(conv.effectiveWeights()).containsExactly(1f, -1f);
    }

    /**
     * Padding with -1 instead of 0 changes an output by minus the sum of the weights whose taps fall
     * in the padding, and leaves outputs whose window lies inside the image unchanged.
     */
    @Test
    void padMinusOneDiffersFromPadZeroExactlyByTheWeightsOverThePadding() {
        Random rng = new Random(95);
        ConvGeometry g = new ConvGeometry(3, 4, 3, 1, 1, 1, 1);
        Case c = new Case("3x3", g, BinaryConv2d.PAD_MINUS_ONE, false, 2, 5, 6);
        BinaryConv2d minusOne = conv(c, rng);
        BinaryConv2d zero = new BinaryConv2d("z", g, CLIP, false, BinaryConv2d.PAD_ZERO, rng);
        RandomTensors.fill(zero.weight().value().data(), minusOne.weight().value());
        Tensor x = RandomTensors.binary(rng, 2, 3, 5, 6);
        Tensor a = minusOne.forward(x, false);
        Tensor b = zero.forward(x, false);
        float[] wb = minusOne.effectiveWeights();
        int borderDiffers = 0;
        for (int n = 0; n < 2; n++) {
            for (int o = 0; o < 4; o++) {
                for (int i = 0; i < 5; i++) {
                    for (int j = 0; j < 6; j++) {
                        float paddedTaps = 0;
                        for (int ci = 0; ci < 3; ci++) {
                            for (int ky = 0; ky < 3; ky++) {
                                for (int kx = 0; kx < 3; kx++) {
                                    int yy = i - 1 + ky;
                                    int xx = j - 1 + kx;
                                    if (yy < 0 || yy >= 5 || xx < 0 || xx >= 6) {
                                        paddedTaps += wb[((o * 3 + ci) * 3 + ky) * 3 + kx];
                                    }
                                }
                            }
                        }
                        int idx = ((n * 4 + o) * 5 + i) * 6 + j;
                        assertThat(a.data()[idx]).isEqualTo(b.data()[idx] - paddedTaps);
                        boolean interior = i > 0 && i < 4 && j > 0 && j < 5;
                        if (interior) {
                            assertThat(a.data()[idx]).isEqualTo(b.data()[idx]);
                        } else if (a.data()[idx] != b.data()[idx]) {
                            borderDiffers++;
                        }
                    }
                }
            }
        }
        assertThat(borderDiffers).isGreaterThan(0);
    }

    /**
     * In sign mode without scaling, dL/dW is the gradient with respect to the binary weights where
     * |W| <= t (straight-through) and 0 beyond.
     */
    @Test
    void signModeLatentGradientIsStraightThroughWithinClip() {
        Random rng = new Random(96);
        ConvGeometry g = new ConvGeometry(3, 2, 3, 2, 1, 1, 1);
        BinaryConv2d conv = conv(new Case("3x3", g, BinaryConv2d.PAD_MINUS_ONE, false, 2, 5, 5), rng);
        Tensor x = RandomTensors.binary(rng, 2, 3, 5, 5);
        Tensor u = RandomTensors.gaussian(rng, conv.forward(x, true).shape());
        conv.backward(u);
        double[] ud = Float64Tensor.toDouble(u.data());
        Float64Tensor xd = Float64Tensor.of(x);
        double[] signs = Float64Tensor.toDouble(conv.effectiveWeights());
        double[] dEffective = NumericGradient.of(w -> ReferenceOps.dot(ud, ReferenceConv.conv2d(xd, w, null, g, -1)), signs);
        float[] latent = conv.weight().value().data();
        double[] expected = new double[latent.length];
        for (int i = 0; i < latent.length; i++) {
            expected[i] = Math.abs(latent[i]) <= CLIP ? dEffective[i] : 0;
        }
        assertThat(expected).contains(0.0);
        Agreement.assertGradient("binary conv sign-mode STE", conv.weight().grad().data(), expected);
    }

    /**
     * BN(alpha_o * conv(x)) = BN(conv(x)) for alpha_o > 0: the batch mean scales by alpha_o and the
     * standard deviation by alpha_o, so only eps / alpha_o^2 remains of the scale. The same holds
     * for the input gradient through both layers.
     */
    @Test
    void scalingIsAbsorbedByBatchNormInTraining() {
        Random rng = new Random(97);
        ConvGeometry g = new ConvGeometry(8, 6, 3, 1, 1, 1, 1);
        BinaryConv2d scaled = new BinaryConv2d("s", g, CLIP, true, BinaryConv2d.PAD_MINUS_ONE, rng);
        BinaryConv2d plain = new BinaryConv2d("p", g, CLIP, false, BinaryConv2d.PAD_MINUS_ONE, rng);
        RandomTensors.fill(scaled.weight().value().data(), RandomTensors.uniform(rng, -1.3f, 1.3f, scaled.weight().size()));
        RandomTensors.fill(plain.weight().value().data(), scaled.weight().value());
        BatchNorm bnScaled = new BatchNorm("bs", 6);
        BatchNorm bnPlain = new BatchNorm("bp", 6);
        Tensor gamma = RandomTensors.uniform(rng, 0.5f, 1.5f, 6);
        Tensor beta = RandomTensors.gaussian(rng, 6);
        for (BatchNorm bn : List.of(bnScaled, bnPlain)) {
            RandomTensors.fill(bn.gamma().value().data(), gamma);
            RandomTensors.fill(bn.beta().value().data(), beta);
        }
        Tensor x = RandomTensors.binary(rng, 4, 8, 6, 6);

        Tensor convScaled = scaled.forward(x, true);
        Tensor convPlain = plain.forward(x, true);
        assertThat(convScaled.data()[0]).isNotCloseTo(convPlain.data()[0], within(1e-3f));
        Tensor yScaled = bnScaled.forward(convScaled, true);
        Tensor yPlain = bnPlain.forward(convPlain, true);
        assertThat(yScaled.data()).containsExactly(yPlain.data(), within(1e-4f));

        Tensor u = RandomTensors.gaussian(rng, yPlain.shape());
        Tensor dxScaled = scaled.backward(bnScaled.backward(u));
        Tensor dxPlain = plain.backward(bnPlain.backward(u));
        assertThat(dxScaled.data()).containsExactly(dxPlain.data(), within(1e-4f));
    }
}
