package org.bnnworkbench.engine.nn;

import java.util.List;
import java.util.Random;
import org.bnnworkbench.engine.reference.Agreement;
import org.bnnworkbench.engine.reference.Float64Tensor;
import org.bnnworkbench.engine.reference.GradientCheck;
import org.bnnworkbench.engine.reference.RandomTensors;
import org.bnnworkbench.engine.reference.ReferenceOps;
import org.bnnworkbench.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Concat (dense blocks), slice-add (improvement blocks) and add (residual shortcuts). */
class MergeTest {

    private static List<Float64Tensor> float64(List<Tensor> inputs) {
        return inputs.stream().map(Float64Tensor::of).toList();
    }

    @Test
    void concatMatchesReferenceAndSplitsTheGradientByChannel() {
        Random rng = new Random(61);
        List<Tensor> in = List.of(RandomTensors.gaussian(rng, 2, 3, 3, 5), RandomTensors.gaussian(rng, 2, 1, 3, 5),
                RandomTensors.gaussian(rng, 2, 2, 3, 5));
        Agreement.assertForward("concat", new Concat().forward(in), ReferenceOps.concat(float64(in)));
        GradientCheck.merge("concat", new Concat(), in, ReferenceOps::concat, rng);
    }

    @Test
    void sliceAddMatchesReferenceAndRoutesTheLastChannelsGradientToTheImprovement() {
        Random rng = new Random(62);
        List<Tensor> in = List.of(RandomTensors.gaussian(rng, 2, 5, 3, 4), RandomTensors.gaussian(rng, 2, 2, 3, 4));
        Agreement.assertForward("slice-add", new SliceAdd().forward(in), ReferenceOps.sliceAdd(float64(in).get(0),
                float64(in).get(1)));
        GradientCheck.merge("slice-add", new SliceAdd(), in, xs -> ReferenceOps.sliceAdd(xs.get(0), xs.get(1)), rng);
    }

    @Test
    void sliceAddOfAllChannelsIsAnAdd() {
        Random rng = new Random(63);
        List<Tensor> in = List.of(RandomTensors.gaussian(rng, 1, 3, 2, 2), RandomTensors.gaussian(rng, 1, 3, 2, 2));
        GradientCheck.merge("slice-add full", new SliceAdd(), in, ReferenceOps::add, rng);
    }

    @Test
    void addMatchesReferenceAndCopiesTheGradientToEveryInput() {
        Random rng = new Random(64);
        List<Tensor> in = List.of(RandomTensors.gaussian(rng, 2, 3, 3, 3), RandomTensors.gaussian(rng, 2, 3, 3, 3),
                RandomTensors.gaussian(rng, 2, 3, 3, 3));
        Agreement.assertForward("add", new Add().forward(in), ReferenceOps.add(float64(in)));
        GradientCheck.merge("add", new Add(), in, ReferenceOps::add, rng);
    }
}
