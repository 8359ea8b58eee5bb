package org.bnnworkbench.architectures.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.bnnworkbench.architectures.Architectures;
import org.bnnworkbench.engine.cost.CostConvention;
import org.bnnworkbench.engine.cost.CostModel;
import org.bnnworkbench.engine.cost.NetworkCost;
import org.bnnworkbench.engine.spec.NetworkSpec;
import org.bnnworkbench.engine.spec.ResolvedNetwork;
import org.bnnworkbench.engine.spec.SpecJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every named network's spec survives the file format, and its full-precision twin is the same design in 32 bits. */
class NamedSpecTest {

    static Stream<String> names() {
        return Architectures.names().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void jsonRoundTripGivesEqualRecordsAndStableText(String name) {
        NetworkSpec spec = Architectures.get(name).spec();
        String json = SpecJson.write(spec);
        NetworkSpec back = SpecJson.read(json);
        assertThat(back).isEqualTo(spec);
        assertThat(SpecJson.write(back)).isEqualTo(json);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void fullPrecisionTwinHasNoBinaryParametersAndTheSameShapes(String name) {
        NetworkSpec spec = Architectures.get(name).spec();
        ResolvedNetwork a = spec.resolve();
        ResolvedNetwork b = spec.fullPrecisionTwin().resolve();
        assertThat(b.shapes()).isEqualTo(a.shapes());
        NetworkCost original = CostModel.of(a, CostConvention.BMXNET);
        NetworkCost twin = CostModel.of(b, CostConvention.BMXNET);
        assertThat(twin.binaryParams()).isZero();
        assertThat(twin.bops()).isZero();
        assertThat(twin.parameters()).isEqualTo(original.parameters());
        assertThat(twin.flops()).isEqualTo(original.flops() + original.bops());
    }
}
