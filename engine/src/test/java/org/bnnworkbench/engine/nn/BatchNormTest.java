package org.bnnworkbench.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.bnnworkbench.engine.reference.Agreement;
import org.bnnworkbench.engine.reference.Float64Tensor;
import org.bnnworkbench.engine.reference.GradientCheck;
import org.bnnworkbench.engine.reference.RandomTensors;
import org.bnnworkbench.engine.reference.ReferenceNorm;
import org.bnnworkbench.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BatchNormTest {

    private static final double EPS = BatchNorm.DEFAULT_EPSILON;

    /** A BatchNorm with random gamma (away from 0) and beta. */
    private static BatchNorm randomBatchNorm(int channels, Random rng) {
        BatchNorm bn = new BatchNorm("bn", channels);
        RandomTensors.fill(bn.gamma().value().data(), RandomTensors.uniform(rng, 0.5f, 1.5f, channels));
        RandomTensors.fill(bn.beta().value().data(), RandomTensors.gaussian(rng, channels));
        return bn;
    }

    /** Inputs with a channel-dependent offset and scale, so normalisation has work to do. */
    private static Tensor shiftedInput(Random rng, int... shape) {
        Tensor x = RandomTensors.gaussian(rng, shape);
        int channels = shape[1];
        int plane = x.size() / (shape[0] * channels);
        for (int i = 0; i < x.size(); i++) {
            int c = (i / plane) % channels;
            x.data()[i] = x.data()[i] * (1 + c) + 2 * c - 1;
        }
        return x;
    }

    private static double[] d(Param p) {
        return Float64Tensor.toDouble(p.value().data());
    }

    @ParameterizedTest(name = "rank {0}")
    @ValueSource(ints = {2, 4})
    void trainingForwardUsesBiasedBatchStatistics(int rank) {
        Random rng = new Random(21);
        BatchNorm bn = randomBatchNorm(3, rng);
        Tensor x = rank == 4 ? shiftedInput(rng, 4, 3, 5, 3) : shiftedInput(rng, 7, 3);
        Agreement.assertForward("batch norm training rank " + rank, bn.forward(x, true),
                ReferenceNorm.batchNormTraining(Float64Tensor.of(x), d(bn.gamma()), d(bn.beta()), EPS));
    }

    @Test
    void evaluationForwardUsesRunningStatistics() {
        Random rng = new Random(22);
        BatchNorm bn = randomBatchNorm(3, rng);
        RandomTensors.fill(bn.runningMean(), RandomTensors.gaussian(rng, 3));
        RandomTensors.fill(bn.runningVar(), RandomTensors.uniform(rng, 0.2f, 3f, 3));
        Tensor x = shiftedInput(rng, 2, 3, 4, 5);
        Agreement.assertForward("batch norm eval", bn.forward(x, false), ReferenceNorm.batchNormEval(Float64Tensor.of(x),
                d(bn.gamma()), d(bn.beta()), Float64Tensor.toDouble(bn.runningMean()),
                Float64Tensor.toDouble(bn.runningVar()), EPS));
    }

    @Test
    void trainingUpdatesRunningStatisticsWithMomentumAndUnbiasedVariance() {
        BatchNorm bn = new BatchNorm("bn", 1);
        bn.forward(new Tensor(new float[] {1, 3, 5, 7}, 2, 1, 2, 1), true);
        // mean 4, unbiased variance 20 / 3; running values start at 0 and 1
        assertThat(bn.runningMean()[0]).isCloseTo(0.1f * 4, within(1e-6f));
        assertThat(bn.runningVar()[0]).isCloseTo(0.9f + 0.1f * 20 / 3f, within(1e-6f));
    }

    @ParameterizedTest(name = "rank {0}")
    @ValueSource(ints = {2, 4})
    void inputGammaAndBetaGradientsMatchFiniteDifferences(int rank) {
        Random rng = new Random(23);
        BatchNorm bn = randomBatchNorm(3, rng);
        Tensor x = rank == 4 ? shiftedInput(rng, 3, 3, 3, 4) : shiftedInput(rng, 6, 3);
        GradientCheck.layer("batch norm rank " + rank, bn, x,
                (xd, p) -> ReferenceNorm.batchNormTraining(xd, p.get(0), p.get(1), EPS), rng);
    }

    @Test
    void backwardAfterAnEvaluationPassIsRefused() {
        BatchNorm bn = new BatchNorm("bn", 2);
        Tensor x = RandomTensors.gaussian(new Random(24), 2, 2, 2, 2);
        bn.forward(x, false);
        assertThatThrownBy(() -> bn.backward(x)).isInstanceOf(IllegalStateException.class);
    }
}
