package org.bnnworkbench.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.bnnworkbench.engine.nn.Param;
import org.bnnworkbench.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

class OptimizerTest {

    private static Param param(Param.Kind kind, float... values) {
        return new Param("p", kind, new Tensor(values.clone(), values.length));
    }

    @Test
    void sgdWithMomentumFollowsTheHeavyBallRecurrence() {
        Param p = param(Param.Kind.WEIGHT, 1f);
        Optimizer sgd = new SgdMomentum(List.of(p), 0f, 0.9f);
        p.grad().data()[0] = 2f;
        sgd.step(0.1f); // v = 2, w = 1 - 0.2
        assertThat(p.value().data()[0]).isCloseTo(0.8f, within(1e-7f));
        sgd.step(0.1f); // v = 0.9 * 2 + 2 = 3.8, w = 0.8 - 0.38
        assertThat(p.value().data()[0]).isCloseTo(0.42f, within(1e-6f));
    }

    @Test
    void adamFirstStepMovesEachWeightByTheLearningRate() {
        // with bias correction, m_hat / sqrt(v_hat) = g / |g| on the first step
        Param p = param(Param.Kind.WEIGHT, 0.5f, -0.5f, 0f);
        p.grad().data()[0] = 3f;
        p.grad().data()[1] = -0.001f;
        p.grad().data()[2] = 0f;
        new Adam(List.of(p), 0f).step(0.01f);
        assertThat(p.value().data()[0]).isCloseTo(0.49f, within(1e-6f));
        assertThat(p.value().data()[1]).isCloseTo(-0.49f, within(1e-5f));
        assertThat(p.value().data()[2]).isEqualTo(0f);
    }

    @Test
    void weightDecayAppliesToFullPrecisionWeightsOnly() {
        Param weight = param(Param.Kind.WEIGHT, 1f);
        Param latent = param(Param.Kind.BINARY_LATENT, 1f);
        latent.setClip(2f);
        Param norm = param(Param.Kind.NORM, 1f);
        Param bias = param(Param.Kind.BIAS, 1f);
        Optimizer sgd = new SgdMomentum(List.of(weight, latent, norm, bias), 0.5f, 0f);
        sgd.step(0.1f); // zero gradients: only decay moves a value
        assertThat(weight.value().data()[0]).isCloseTo(0.95f, within(1e-7f));
        assertThat(latent.value().data()[0]).isEqualTo(1f);
        assertThat(norm.value().data()[0]).isEqualTo(1f);
        assertThat(bias.value().data()[0]).isEqualTo(1f);
    }

    @Test
    void binaryLatentWeightsAreClippedToTheThresholdAfterTheUpdate() {
        Param latent = param(Param.Kind.BINARY_LATENT, 1.25f, -1.25f, 0.2f);
        latent.setClip(1.3f);
        latent.grad().data()[0] = -10f;
        latent.grad().data()[1] = 10f;
        latent.grad().data()[2] = 1f;
        new SgdMomentum(List.of(latent), 0f, 0f).step(0.1f);
        assertThat(latent.value().data()).containsExactly(1.3f, -1.3f, 0.1f);
    }

    @Test
    void stepCountsBinaryWeightsWhoseSignFlipped() {
        Param latent = param(Param.Kind.BINARY_LATENT, 0.05f, -0.05f, 0.5f, 0f);
        latent.setClip(1.3f);
        latent.grad().data()[0] = 1f;   // 0.05 -> -0.05: flips
        latent.grad().data()[1] = -1f;  // -0.05 -> 0.05: flips
        latent.grad().data()[2] = 1f;   // 0.5 -> 0.4: keeps its sign
        latent.grad().data()[3] = 0f;   // sign(0) = +1 stays +1
        Param weight = param(Param.Kind.WEIGHT, 0.05f);
        weight.grad().data()[0] = 1f;   // full-precision weights are not counted
        long flips = new SgdMomentum(List.of(latent, weight), 0f, 0f).step(0.1f);
        assertThat(flips).isEqualTo(2);
    }

    @Test
    void schedulesGiveTheDocumentedRates() {
        assertThat(new LearningRateSchedule.Constant(0.1f).rate(5.5)).isEqualTo(0.1f);
        LearningRateSchedule step = new LearningRateSchedule.Step(1f, 3, 0.1f);
        assertThat(step.rate(2.99)).isEqualTo(1f);
        assertThat(step.rate(3.0)).isCloseTo(0.1f, within(1e-7f));
        assertThat(step.rate(6.5)).isCloseTo(0.01f, within(1e-8f));
        LearningRateSchedule cosine = new LearningRateSchedule.Cosine(1f, 10);
        assertThat(cosine.rate(0)).isEqualTo(1f);
        assertThat(cosine.rate(5)).isCloseTo(0.5f, within(1e-6f));
        assertThat(cosine.rate(10)).isCloseTo(0f, within(1e-7f));
        assertThatThrownBy(() -> LearningRateSchedule.parse("linear", 1f, 3))
                .hasMessageContaining("unknown schedule 'linear'");
    }

    @Test
    void stateHoldsOneBufferPerMomentAndParameter() {
        Param a = param(Param.Kind.WEIGHT, 1f, 2f);
        Param b = param(Param.Kind.NORM, 3f);
        assertThat(new Adam(List.of(a, b), 0f).state()).hasSize(4);
        assertThat(new SgdMomentum(List.of(a, b), 0f, 0.9f).state()).hasSize(2);
        assertThatThrownBy(() -> Optimizer.create("rmsprop", List.of(a), 0f, 0f))
                .hasMessageContaining("unknown optimiser 'rmsprop'");
    }
}
