package org.bnnworkbench.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.bnnworkbench.engine.reference.Agreement;
import org.bnnworkbench.engine.reference.Float64Tensor;
import org.bnnworkbench.engine.reference.NumericGradient;
import org.bnnworkbench.engine.reference.RandomTensors;
import org.bnnworkbench.engine.reference.ReferenceOps;
import org.bnnworkbench.engine.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SoftmaxCrossEntropyTest {

    /** Logits with the given offset: large offsets overflow exp without the max-shift. */
    private static Tensor logits(Random rng, float offset) {
        Tensor z = RandomTensors.gaussian(rng, 5, 7);
        for (int i = 0; i < z.size(); i++) {
            z.data()[i] = 3 * z.data()[i] + offset;
        }
        return z;
    }

    @ParameterizedTest(name = "logits offset {0}")
    @ValueSource(floats = {0f, 1000f, -1000f})
    void meanLossAndItsGradientWithRespectToLogitsMatchTheReference(float offset) {
        Random rng = new Random(71);
        Tensor z = logits(rng, offset);
        int[] labels = {0, 6, 3, 3, 1};
        SoftmaxCrossEntropy.Result result = SoftmaxCrossEntropy.compute(z, labels);
        Float64Tensor zd = Float64Tensor.of(z);
        double expected = ReferenceOps.softmaxCrossEntropy(zd, labels);
        assertThat(result.loss()).isFinite().isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
        double[] numeric = NumericGradient.of(v -> ReferenceOps.softmaxCrossEntropy(zd.with(v), labels), zd.data().clone());
        Agreement.assertGradient("softmax cross-entropy offset " + offset, result.gradient().data(), numeric);
    }
}
