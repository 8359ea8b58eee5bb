package org.bnnworkbench.architectures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.Stream;
import org.bnnworkbench.engine.cost.CostConvention;
import org.bnnworkbench.engine.cost.CostModel;
import org.bnnworkbench.engine.graph.Network;
import org.bnnworkbench.engine.inference.PackedModelExport;
import org.bnnworkbench.engine.inference.PackedModelFormat;
import org.bnnworkbench.engine.spec.NetworkSpec;
import org.bnnworkbench.engine.spec.SpecCompiler;
import org.bnnworkbench.engine.train.TrainingConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The packed model file of every small named network is its cost-model size (BMXNet convention) within 1%. */
class PackedModelSizeTest {

    static Stream<String> smallNetworks() {
        return Stream.of("bnn-small", "fp-small", "binarydensenet-mini", "meliusnet-mini", "resnete-mini",
                "birealnet-mini");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("smallNetworks")
    void packedFileIsTheCostModelSizeWithinOnePercent(String name) {
        NetworkSpec spec = Architectures.get(name).spec();
        Network network = SpecCompiler.compile(spec, TrainingConfig.defaults().binaryOptions(), new Random(1));
        long file = PackedModelFormat.sizeBytes(PackedModelExport.export(spec, network, null));
        long cost = CostModel.of(spec, CostConvention.BMXNET).modelSizeBytes();
        assertThat((double) file / cost).as("%s: file %d bytes, cost model %d bytes", name, file, cost)
                .isBetween(0.99, 1.01);
    }
}
