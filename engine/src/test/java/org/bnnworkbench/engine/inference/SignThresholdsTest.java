package org.bnnworkbench.engine.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SignThresholdsTest {

    private static boolean viaThreshold(float x, SignThresholds.Threshold t) {
        return t.below() ? x <= t.threshold() : x >= t.threshold();
    }

    @Test
    void thresholdAgreesWithTheFloatBatchNormAroundTheBoundaryAndEverywhere() {
        Random rng = new Random(8);
        for (int trial = 0; trial < 2000; trial++) {
            float scale = (float) (rng.nextGaussian() * Math.pow(10, rng.nextInt(7) - 3));
            float shift = (float) (rng.nextGaussian() * Math.pow(10, rng.nextInt(5) - 2));
            SignThresholds.Threshold t = SignThresholds.of(scale, shift);
            float b = t.threshold();
            float[] probes = {b, Math.nextUp(b), Math.nextDown(b), Math.nextUp(Math.nextUp(b)), 0f, -0f,
                    (float) rng.nextGaussian(), -shift / scale, Math.nextUp(-shift / scale), Math.nextDown(-shift / scale),
                    1e30f, -1e30f, Float.MAX_VALUE, -Float.MAX_VALUE};
            for (float x : probes) {
                if (Float.isNaN(x)) {
                    continue;
                }
                assertThat(viaThreshold(x, t)).as("scale %s shift %s x %s threshold %s", scale, shift, x, t)
                        .isEqualTo(SignThresholds.positive(x, scale, shift));
            }
        }
    }

    @Test
    void integerInputsOfABinaryConvolutionNeedOnlyTheThreshold() {
        // the dot products of a 3x3x64 binary conv are the odd and even integers in [-576, 576]
        Random rng = new Random(9);
        for (int trial = 0; trial < 200; trial++) {
            float scale = (float) rng.nextGaussian() * 0.05f;
            float shift = (float) rng.nextGaussian();
            SignThresholds.Threshold t = SignThresholds.of(scale, shift);
            for (int v = -576; v <= 576; v++) {
                assertThat(viaThreshold(v, t)).isEqualTo(SignThresholds.positive(v, scale, shift));
            }
        }
    }

    @Test
    void zeroScaleGivesTheSignOfTheShiftEverywhere() {
        SignThresholds.Threshold plus = SignThresholds.of(0f, 0f);
        SignThresholds.Threshold minus = SignThresholds.of(-0f, -1f);
        for (float x : new float[] {-5f, 0f, 3f}) {
            assertThat(viaThreshold(x, plus)).isTrue();
            assertThat(viaThreshold(x, minus)).isFalse();
        }
    }
}
