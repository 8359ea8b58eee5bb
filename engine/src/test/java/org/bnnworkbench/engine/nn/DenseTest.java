package org.bnnworkbench.engine.nn;

import java.util.Random;
import org.bnnworkbench.engine.reference.Agreement;
import org.bnnworkbench.engine.reference.Float64Tensor;
import org.bnnworkbench.engine.reference.GradientCheck;
import org.bnnworkbench.engine.reference.RandomTensors;
import org.bnnworkbench.engine.reference.ReferenceOps;
import org.bnnworkbench.engine.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DenseTest {

    private static Tensor input(int rank, Random rng) {
        return rank == 4 ? RandomTensors.gaussian(rng, 3, 2, 3, 3) : RandomTensors.gaussian(rng, 5, 18);
    }

    @ParameterizedTest(name = "input rank {0}")
    @ValueSource(ints = {2, 4})
    void forwardMatchesReferenceWithInputFlattenedPerSample(int rank) {
        Random rng = new Random(41);
        Dense dense = new Dense("fc", 18, 7, rng);
        Tensor x = input(rank, rng);
        Agreement.assertForward("dense rank " + rank, dense.forward(x, false), ReferenceOps.dense(Float64Tensor.of(x),
                Float64Tensor.toDouble(dense.params().get(0).value().data()),
                Float64Tensor.toDouble(dense.params().get(1).value().data())));
    }

    @ParameterizedTest(name = "input rank {0}")
    @ValueSource(ints = {2, 4})
    void inputWeightAndBiasGradientsMatchFiniteDifferences(int rank) {
        Random rng = new Random(42);
        Dense dense = new Dense("fc", 18, 7, rng);
        GradientCheck.layer("dense rank " + rank, dense, input(rank, rng),
                (xd, p) -> ReferenceOps.dense(xd, p.get(0), p.get(1)), rng);
    }
}
