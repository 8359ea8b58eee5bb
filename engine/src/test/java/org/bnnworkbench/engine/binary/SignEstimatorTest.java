package org.bnnworkbench.engine.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.bnnworkbench.engine.reference.ReferenceSign;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SignEstimatorTest {

    static Stream<SignEstimator> estimators() {
        return Stream.of(new SignEstimator.Ste(1.3f), new SignEstimator.Ste(0.5f), new SignEstimator.ApproxSign(1.3f),
                new SignEstimator.ApproxSign(0.7f), new SignEstimator.SwishSign(5f, 1.3f),
                new SignEstimator.SwishSign(5f, 0.5f), new SignEstimator.SwishSign(2f, 3f));
    }

    /** Where the surrogate is not differentiable (or its derivative jumps): 0, +-1, +-t. */
    private static boolean nearKink(double x, SignEstimator e, double margin) {
        double t = e.clip();
        return Math.abs(x) < margin || Math.abs(Math.abs(x) - 1) < margin || Math.abs(Math.abs(x) - t) < margin;
    }

    @ParameterizedTest
    @MethodSource("estimators")
    void gradientIsTheDerivativeOfTheSurrogate(SignEstimator e) {
        double h = 1e-6;
        int checked = 0;
        for (int i = 0; i <= 800; i++) {
            float x = -4f + 0.01f * i;
            if (nearKink(x, e, 1e-3)) {
                continue;
            }
            double numeric = (e.surrogate(x + h) - e.surrogate(x - h)) / (2 * h);
            assertThat((double) e.gradient(x)).as("%s at %s", e, x).isCloseTo(numeric, within(1e-6 + 1e-6 * Math.abs(numeric)));
            checked++;
        }
        assertThat(checked).isGreaterThan(700);
    }

    @ParameterizedTest
    @MethodSource("estimators")
    void surrogateMatchesTheFormulaFromThePaper(SignEstimator e) {
        DoubleUnaryOperator reference = ReferenceSign.surrogateOf(e);
        for (int i = 0; i <= 800; i++) {
            double x = -4 + 0.01 * i;
            assertThat(e.surrogate(x)).as("%s at %s", e, x).isCloseTo(reference.applyAsDouble(x), within(1e-12));
        }
    }

    @ParameterizedTest
    @MethodSource("estimators")
    void everyEstimatorCancelsTheGradientBeyondTheClipThreshold(SignEstimator e) {
        float t = e.clip();
        for (float x : new float[] {Math.nextUp(t), t + 0.01f, t + 1f, 100f, Float.POSITIVE_INFINITY}) {
            assertThat(e.gradient(x)).as("%s at %s", e, x).isZero();
            assertThat(e.gradient(-x)).as("%s at %s", e, -x).isZero();
        }
    }

    @Test
    void steWithClip13PassesAtTheThresholdInclusiveAndNotJustBeyond() {
        SignEstimator ste = new SignEstimator.Ste(1.3f);
        assertThat(ste.gradient(1.3f)).isEqualTo(1f);
        assertThat(ste.gradient(-1.3f)).isEqualTo(1f);
        assertThat(ste.gradient(1.3001f)).isZero();
        assertThat(ste.gradient(-1.3001f)).isZero();
        assertThat(ste.gradient(0f)).isEqualTo(1f);
    }

    @Test
    void approxSignGradientIsOneAtHalfAndZeroBeyondOne() {
        SignEstimator approx = new SignEstimator.ApproxSign(1.3f);
        assertThat(approx.gradient(0.5f)).isEqualTo(1f);
        assertThat(approx.gradient(-0.5f)).isEqualTo(1f);
        assertThat(approx.gradient(0f)).isEqualTo(2f);
        assertThat(approx.gradient(1.2f)).isZero();
        assertThat(approx.gradient(-1.2f)).isZero();
    }

    @Test
    void approxSignGradientIsNeverNegativeEvenWithClipAboveOne() {
        SignEstimator approx = new SignEstimator.ApproxSign(1.3f);
        for (int i = 0; i <= 400; i++) {
            assertThat(approx.gradient(-2f + 0.01f * i)).isGreaterThanOrEqualTo(0f);
        }
    }

    @Test
    void swishSignGradientPeaksAtZeroWithHeightBeta() {
        // dq/dx(0) = beta (2 - 0) / (1 + cosh 0) = beta
        assertThat(new SignEstimator.SwishSign(5f, 1.3f).gradient(0f)).isEqualTo(5f);
    }

    @ParameterizedTest
    @MethodSource("estimators")
    void parseRoundTripsTheIdAndClip(SignEstimator e) {
        SignEstimator parsed = SignEstimator.parse(e.id(), e.clip());
        assertThat(parsed.getClass()).isEqualTo(e.getClass());
        assertThat(parsed.clip()).isEqualTo(e.clip());
        assertThat(e.withClip(0.9f).clip()).isEqualTo(0.9f);
    }
}
