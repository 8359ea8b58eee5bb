package org.bnnworkbench.architectures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.bnnworkbench.engine.cost.CostConvention;
import org.bnnworkbench.engine.cost.CostModel;
import org.bnnworkbench.engine.cost.NetworkCost;
import org.bnnworkbench.engine.spec.NetworkSpec;
import org.bnnworkbench.engine.spec.SpecException;
import org.bnnworkbench.engine.spec.SpecJson;
import org.junit.jupiter.api.Test;

/** Custom parameters are costed by the same code as the published networks, and change the cost as they should. */
class CustomParametersTest {

    private static NetworkSpec meliusNet22(String... assignments) {
        NamedNetwork n = Architectures.get("meliusnet22");
        return n.spec(n.parameters().withAssignments(List.of(assignments)));
    }

    private static NetworkCost cost(NetworkSpec spec, CostConvention convention) {
        return CostModel.of(spec, convention);
    }

    @Test
    void aSmallMeliusNetForCifarIsValidAndSmallerInEveryCount() {
        NetworkSpec small = meliusNet22("blocks=3,3,3,3", "input=32x32x3", "classes=10");
        assertThat(small.problems()).isEmpty();
        assertThat(small.classes()).isEqualTo(10);
        NetworkCost s = cost(small, CostConvention.BMXNET);
        NetworkCost full = cost(meliusNet22(), CostConvention.BMXNET);
        assertThat(s.binaryParams()).isPositive().isLessThan(full.binaryParams());
        assertThat(s.fpParams()).isPositive().isLessThan(full.fpParams());
        assertThat(s.flops()).isPositive().isLessThan(full.flops());
        assertThat(s.bops()).isPositive().isLessThan(full.bops());
        assertThat(s.modelSizeBytes()).isLessThan(full.modelSizeBytes());
        assertThat(SpecJson.read(SpecJson.write(small))).isEqualTo(small);
    }

    @Test
    void fewerClassesChangeOnlyTheClassifier() {
        NetworkCost c1000 = cost(meliusNet22(), CostConvention.BMXNET);
        NetworkCost c10 = cost(meliusNet22("classes=10"), CostConvention.BMXNET);
        assertThat(c1000.fpParams() - c10.fpParams()).isEqualTo((512 + 1) * (1000 - 10));
        assertThat(c10.binaryParams()).isEqualTo(c1000.binaryParams());
        assertThat(c10.bops()).isEqualTo(c1000.bops());
        assertThat(c10.flops()).as("BMXNet leaves the classifier out of FLOPs").isEqualTo(c1000.flops());
        long larqDifference = cost(meliusNet22(), CostConvention.LARQ).flops()
                - cost(meliusNet22("classes=10"), CostConvention.LARQ).flops();
        assertThat(larqDifference).as("larq counts its MACs").isEqualTo(512 * (1000 - 10));
    }

    @Test
    void twiceTheResolutionIsFourTimesTheMacsAndTheSameWeights() {
        NetworkCost base = cost(meliusNet22(), CostConvention.BMXNET);
        NetworkCost big = cost(meliusNet22("input=448x448x3"), CostConvention.BMXNET);
        assertThat(big.binaryParams()).isEqualTo(base.binaryParams());
        assertThat(big.fpParams()).isEqualTo(base.fpParams());
        assertThat(big.flops()).isEqualTo(4 * base.flops());
        assertThat(big.bops()).isEqualTo(4 * base.bops());
    }

    /**
     * One more dense + improvement block in stage 4 (7x7, 512 channels in): binary 3x3 convs from 512
     * and from 576 channels to 64, two more BNs of 512 and 576 channels, and 64 more channels into the
     * head's BN and classifier.
     */
    @Test
    void oneMoreBlockAddsExactlyItsWeights() {
        NetworkCost base = cost(meliusNet22(), CostConvention.BMXNET);
        NetworkCost more = cost(meliusNet22("blocks=4,5,4,5"), CostConvention.BMXNET);
        long weights = 9L * 64 * (512 + 576);
        assertThat(more.binaryParams() - base.binaryParams()).isEqualTo(weights);
        assertThat(more.bops() - base.bops()).isEqualTo(weights * 7 * 7);
        assertThat(more.batchNormChannels() - base.batchNormChannels()).isEqualTo(512 + 576 + 64);
        assertThat(more.fpParams() - base.fpParams()).isEqualTo(2L * (512 + 576 + 64) + 64 * 1000);
        assertThat(more.flops()).isEqualTo(base.flops());
    }

    @Test
    void aStageCountThatDoesNotFitTheReductionsIsAClearError() {
        assertThatThrownBy(() -> meliusNet22("blocks=3,3,3")).isInstanceOf(SpecException.class)
                .hasMessageContaining("reductions needs 2 values");
    }
}
