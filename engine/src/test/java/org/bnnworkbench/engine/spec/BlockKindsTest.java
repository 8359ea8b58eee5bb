package org.bnnworkbench.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BlockKindsTest {

    private static List<Block> oneOfEach() {
        return List.of(
                new StemBlock("stem", List.of("input"), StemBlock.Type.GROUPED, 64, false),
                new BinaryConvBlock("b", List.of("stem"), 32, 3, 2, 1, 2, false),
                new DenseBlock("d", List.of("b"), 16, 2),
                new ImprovementBlock("i", List.of("d"), 16, 1),
                new ShortcutBlock("s", List.of("i", "d"), ShortcutBlock.Downsample.CONV, true),
                new TransitionBlock("t", List.of("s"), 64, TransitionBlock.Pooling.AVG, 2, 4),
                new ConvBlock("c", List.of("t"), 64, 5, 1, 2, 1, 1, false, true, true),
                new NormBlock("n", List.of("c"), true),
                new PoolBlock("p", List.of("n"), false, 3, 1, 1),
                new ClassifierBlock("cls", List.of("p"), 7, false, true));
    }

    @Test
    void everyKindRoundTripsThroughItsParameterValues() {
        for (Block b : oneOfEach()) {
            BlockKind kind = BlockKinds.of(b);
            assertThat(kind.create(b.id(), b.inputs(), kind.values(b))).as(b.kind()).isEqualTo(b);
        }
        assertThat(BlockKinds.all()).extracting(BlockKind::id)
                .containsExactlyInAnyOrderElementsOf(oneOfEach().stream().map(Block::kind).toList());
    }

    @Test
    void defaultsOfEveryKindMakeAValidBlock() {
        for (BlockKind kind : BlockKinds.all()) {
            List<String> inputs = kind.inputNames().stream().map(n -> "x").toList();
            Block b = kind.create("new", inputs, kind.defaults());
            assertThat(b.kind()).isEqualTo(kind.id());
            assertThat(b.inputs()).hasSize(kind.inputNames().size());
        }
    }

    @Test
    void parameterChangeIsCheckedAndNamed() {
        Block d = new DenseBlock("d", List.of("x"), 16, 1);
        assertThat(BlockKinds.withParameter(d, "growth", "32")).isEqualTo(new DenseBlock("d", List.of("x"), 32, 1));
        assertThatThrownBy(() -> BlockKinds.withParameter(d, "growth", "0"))
                .hasMessageContaining("growth=0").hasMessageContaining("outside 1..1024");
        assertThatThrownBy(() -> BlockKinds.withParameter(d, "growth", "many"))
                .hasMessageContaining("'many' is not a whole number");
    }

    @Test
    void unconnectedInputsAreReportedNotThrown() {
        NetworkSpec spec = new NetworkSpec("n", new InputShape(8, 8, 1), Precision.BINARY, List.of(
                new StemBlock("stem", List.of("input"), StemBlock.Type.SMALL, 8, true),
                new DenseBlock("d", List.of(""), 8, 1),
                new DenseBlock("after", List.of("d"), 8, 1),
                new ClassifierBlock("cls", List.of("after"), 4, true, true)));
        SpecAnalysis analysis = spec.analyze();
        assertThat(analysis.problems()).extracting(SpecException::getMessage)
                .contains("block 'd': input 1 is not connected", "block 'stem': its output is not connected to anything")
                .noneMatch(m -> m.contains("cycle"));
        assertThat(analysis.resolved().outputShape("stem")).isEqualTo(new FeatureShape(8, 8, 8));
        assertThat(analysis.resolved().outputShape("after")).isNull();
    }
}
