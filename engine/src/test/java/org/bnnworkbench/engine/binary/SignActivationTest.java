package org.bnnworkbench.engine.binary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.bnnworkbench.engine.reference.Agreement;
import org.bnnworkbench.engine.reference.Float64Tensor;
import org.bnnworkbench.engine.reference.GradientCheck;
import org.bnnworkbench.engine.reference.NumericGradient;
import org.bnnworkbench.engine.reference.RandomTensors;
import org.bnnworkbench.engine.reference.ReferenceSign;
import org.bnnworkbench.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SignActivationTest {

    static Stream<SignEstimator> estimators() {
        return Stream.of(new SignEstimator.Ste(1.3f), new SignEstimator.Ste(0.5f), new SignEstimator.ApproxSign(1.3f),
                new SignEstimator.ApproxSign(0.7f), new SignEstimator.SwishSign(5f, 1.3f),
                new SignEstimator.SwishSign(5f, 0.5f));
    }

    private static SignActivation surrogate(SignEstimator e) {
        SignActivation sign = new SignActivation(e);
        sign.useSurrogate(true);
        return sign;
    }

    @Test
    void signOfZeroIsPlusOne() {
        Tensor x = new Tensor(new float[] {0f, -0f, 1e-30f, -1e-30f, 2f, -2f, Float.MIN_VALUE, -Float.MIN_VALUE}, 1, 8);
        Tensor y = new SignActivation(new SignEstimator.Ste(1.3f)).forward(x, false);
        assertThat(y.data()).containsExactly(1f, 1f, 1f, -1f, 1f, -1f, 1f, -1f);
    }

    @ParameterizedTest
    @MethodSource("estimators")
    void surrogateForwardMatchesReference(SignEstimator e) {
        Tensor x = RandomTensors.uniform(new Random(81), -2f, 2f, 2, 3, 4, 4);
        Agreement.assertForward("sign surrogate " + e, surrogate(e).forward(x, false),
                ReferenceSign.apply(Float64Tensor.of(x), ReferenceSign.surrogateOf(e)));
    }

    @ParameterizedTest
    @MethodSource("estimators")
    void surrogateGradientMatchesFiniteDifferencesAwayFromKinks(SignEstimator e) {
        Random rng = new Random(82);
        double t = e.clip();
        Tensor x = RandomTensors.awayFrom(rng, -2f, 2f, 0.02, new double[] {0, 1, -1, t, -t}, 2, 3, 4, 4);
        DoubleUnaryOperator q = ReferenceSign.surrogateOf(e);
        GradientCheck.layer("sign " + e, surrogate(e), x, (xd, p) -> ReferenceSign.apply(xd, q), rng);
    }

    /** Values 0.05 inside and outside +-t: the upstream gradient passes inside and is cancelled outside. */
    @ParameterizedTest(name = "t = {0}")
    @ValueSource(floats = {1.3f, 0.5f})
    void steGradientIsZeroBeyondClipThreshold(float t) {
        SignEstimator ste = new SignEstimator.Ste(t);
        float[] values = {t - 0.05f, t + 0.05f, -t + 0.05f, -t - 0.05f, 0.1f, -0.1f, t + 2f, -t - 2f};
        boolean[] inside = {true, false, true, false, true, true, false, false};
        Tensor x = new Tensor(values.clone(), 1, values.length);
        Tensor u = RandomTensors.uniform(new Random(83), 0.5f, 1.5f, 1, values.length);
        SignActivation sign = surrogate(ste);
        sign.forward(x, true);
        float[] dx = sign.backward(u).data();
        double[] ud = Float64Tensor.toDouble(u.data());
        double[] numeric = NumericGradient.of(v -> {
            double s = 0;
            for (int i = 0; i < v.length; i++) {
                s += ud[i] * ReferenceSign.ste(v[i], t);
            }
            return s;
        }, Float64Tensor.toDouble(values));
        for (int i = 0; i < values.length; i++) {
            assertThat(dx[i]).as("x = %s", values[i]).isEqualTo(inside[i] ? u.data()[i] : 0f);
        }
        Agreement.assertGradient("STE around t = " + t, dx, numeric);
    }

    @Test
    void trainingCountsInputsBeyondTheClipThresholdAsSaturated() {
        SignActivation sign = new SignActivation(new SignEstimator.Ste(1.3f));
        sign.forward(new Tensor(new float[] {1.3f, 1.31f, -2f, 0f}, 1, 4), true);
        sign.forward(new Tensor(new float[] {5f, 5f, 5f, 5f}, 1, 4), false);
        assertThat(sign.saturationCounts()).containsExactly(2L, 4L);
        sign.resetSaturation();
        assertThat(sign.saturationCounts()).containsExactly(0L, 0L);
    }
}
