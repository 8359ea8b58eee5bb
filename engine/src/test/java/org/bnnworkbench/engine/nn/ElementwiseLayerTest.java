package org.bnnworkbench.engine.nn;

import java.util.Random;
import org.bnnworkbench.engine.reference.Agreement;
import org.bnnworkbench.engine.reference.Float64Tensor;
import org.bnnworkbench.engine.reference.GradientCheck;
import org.bnnworkbench.engine.reference.RandomTensors;
import org.bnnworkbench.engine.reference.ReferenceOps;
import org.bnnworkbench.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ReLU and channel shuffle: layers without parameters that act per element or per channel. */
class ElementwiseLayerTest {

    @Test
    void reluMatchesReferenceAndFiniteDifferencesAwayFromZero() {
        Random rng = new Random(51);
        Tensor x = RandomTensors.awayFrom(rng, -2f, 2f, 0.05, new double[] {0}, 2, 3, 4, 5);
        Agreement.assertForward("relu", new ReLU().forward(x, false), ReferenceOps.relu(Float64Tensor.of(x)));
        GradientCheck.layer("relu", new ReLU(), x, (xd, p) -> ReferenceOps.relu(xd), rng);
    }

    @ParameterizedTest(name = "{0} groups")
    @ValueSource(ints = {1, 2, 3, 4})
    void channelShuffleMatchesReferenceAndItsBackwardIsTheInversePermutation(int groups) {
        Random rng = new Random(52);
        Tensor x = RandomTensors.gaussian(rng, 2, 12, 3, 2);
        Agreement.assertForward("channel shuffle " + groups, new ChannelShuffle(groups).forward(x, false),
                ReferenceOps.channelShuffle(Float64Tensor.of(x), groups));
        GradientCheck.layer("channel shuffle " + groups, new ChannelShuffle(groups), x,
                (xd, p) -> ReferenceOps.channelShuffle(xd, groups), rng);
    }
}
