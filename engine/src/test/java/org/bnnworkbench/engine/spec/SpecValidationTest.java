package org.bnnworkbench.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bnnworkbench.engine.spec.SpecFixtures.chain;
import static org.bnnworkbench.engine.spec.SpecFixtures.from;

import java.util.List;
import org.bnnworkbench.engine.cost.CostConvention;
import org.bnnworkbench.engine.cost.CostModel;
import org.bnnworkbench.engine.cost.NetworkCost;
import org.junit.jupiter.api.Test;

/** An invalid spec gives one clear problem naming the block; problems() lists all of them at once. */
class SpecValidationTest {

    /** Resolving throws one SpecException for {@code block}, and it is the only problem of the spec. */
    private static void assertOneProblem(NetworkSpec spec, String block, String message) {
        assertThatThrownBy(spec::resolve).isInstanceOfSatisfying(SpecException.class, e -> {
            assertThat(e.blockId()).isEqualTo(block);
            assertThat(e.getMessage()).contains(message);
        });
        assertThat(spec.problems()).extracting(Throwable::getMessage).hasSize(1);
    }

    @Test
    void addingMapsOfDifferentShapesNamesTheShortcut() {
        NetworkSpec spec = chain(
                new ConvBlock("wide", from("stem"), 32, 3, 1, 1, 1, 1, true, true, false),
                new ShortcutBlock("add", from("wide", "stem"), ShortcutBlock.Downsample.IDENTITY, false));
        assertOneProblem(spec, "add", "cannot add 32x32x32 and 16x32x32");
    }

    @Test
    void anImprovementWiderThanItsInputNamesTheBlock() {
        assertOneProblem(chain(new ImprovementBlock("improve", from("stem"), 64, 1)), "improve",
                "input has 16 channels, fewer than the 64 it would improve");
    }

    @Test
    void transitionGroupsThatDoNotDivideTheChannelsNameTheTransition() {
        assertOneProblem(chain(new TransitionBlock("t1", from("stem"), 30, TransitionBlock.Pooling.MAX, 4, 0)), "t1",
                "groups 4 must divide");
        assertOneProblem(chain(new TransitionBlock("t1", from("stem"), 32, TransitionBlock.Pooling.MAX, 1, 6)), "t1",
                "channel shuffle groups 6 must divide the 16 channels");
    }

    @Test
    void aCycleNamesItsBlocksAndNothingElse() {
        NetworkSpec spec = chain(
                new ShortcutBlock("a", from("stem", "b"), ShortcutBlock.Downsample.IDENTITY, false),
                new DenseBlock("b", from("a"), 16, 1));
        assertOneProblem(spec, "a", "is part of a cycle through a, b");
        assertThat(spec.problems().get(0).getMessage()).doesNotContain("classifier");
    }

    @Test
    void aBlockReadingItselfIsACycle() {
        assertOneProblem(chain(new ShortcutBlock("a", from("stem", "a"), ShortcutBlock.Downsample.IDENTITY, false)),
                "a", "reads its own output");
    }

    @Test
    void aReferenceToNoBlockNamesTheReader() {
        assertOneProblem(chain(new DenseBlock("d", from("stem"), 16, 1),
                        new ShortcutBlock("add", from("d", "dd"), ShortcutBlock.Downsample.IDENTITY, false)),
                "add", "reads from 'dd', which is not a block");
    }

    @Test
    void aWindowLargerThanTheMapNamesTheBlock() {
        assertOneProblem(chain(new PoolBlock("pool", from("stem"), true, 33, 1, 0)), "pool",
                "a 33x33 pooling window does not fit the 32x32 input");
    }

    @Test
    void zeroAndNegativeSizesAreRefusedWhenTheBlockIsMade() {
        assertThatThrownBy(() -> new ConvBlock("c", from("stem"), 0, 3, 1, 1, 1, 1, true, true, false))
                .isInstanceOf(SpecException.class).hasMessage("block 'c': channels must be positive, got 0");
        assertThatThrownBy(() -> new BinaryConvBlock("b", from("stem"), 16, -1, 1, 1, 1, true))
                .isInstanceOf(SpecException.class).hasMessage("block 'b': kernel must be positive, got -1");
        assertThatThrownBy(() -> new DenseBlock("d", from("stem"), 0, 1))
                .isInstanceOf(SpecException.class).hasMessage("block 'd': growth rate must be positive, got 0");
        assertThatThrownBy(() -> new InputShape(0, 32, 3)).isInstanceOf(SpecException.class);
    }

    @Test
    void aFeatureMapLargerThanOneTensorIsRefused() {
        NetworkSpec spec = new NetworkSpec("huge", new InputShape(65536, 65536, 3), Precision.BINARY, List.of(
                new StemBlock("stem", from("input"), StemBlock.Type.SMALL, 16, true),
                new ClassifierBlock("classifier", from("stem"), 10, true, true)));
        assertOneProblem(spec, "stem", "the output would be 16x65536x65536, more values than one tensor can hold");
    }

    @Test
    void channelsThatWouldOverflowAnIntAreRefused() {
        // a growth rate near 2^31 once overflowed the concatenated channel count into a negative number
        assertOneProblem(chain(new DenseBlock("d", from("stem"), Integer.MAX_VALUE, 1)), "d",
                "has more weights than one tensor can hold");
        assertOneProblem(chain(new DenseBlock("d", from("stem"), 16, 1), new DenseBlock("e", from("d"), Integer.MAX_VALUE - 16, 1)),
                "e", "more weights than one tensor can hold");
    }

    @Test
    void paddingThatWouldOverflowTheGeometryIsRefused() {
        assertOneProblem(chain(new ConvBlock("c", from("stem"), 16, 3, 1, Integer.MAX_VALUE, 1, 1, true, true, false)),
                "c", "is too large");
    }

    /**
     * Three 1-channel 46339x46339 convolutions on a 46340x46340 map: each op fits a tensor, but their
     * MACs (about 4.6e18 each) exceed a long together; the cost model says so instead of wrapping around.
     */
    @Test
    void costsBeyondALongAreASpecException() {
        List<Block> blocks = new java.util.ArrayList<>();
        String last = "input";
        for (String id : List.of("c1", "c2", "c3")) {
            blocks.add(new ConvBlock(id, from(last), 1, 46339, 1, 23169, 1, 1, false, false, false));
            last = id;
        }
        blocks.add(new ClassifierBlock("classifier", from(last), 10, false, false));
        NetworkSpec spec = new NetworkSpec("wide", new InputShape(46340, 46340, 1), Precision.BINARY, blocks);
        assertThat(spec.problems()).isEmpty();
        assertThatThrownBy(() -> CostModel.of(spec, CostConvention.BMXNET)).isInstanceOfSatisfying(SpecException.class,
                e -> assertThat(e.blockId()).isEqualTo("c3"));
    }

    @Test
    void problemsListsEveryProblemAtOnce() {
        NetworkSpec spec = new NetworkSpec("broken", new InputShape(32, 32, 3), Precision.BINARY, List.of(
                new StemBlock("stem", from("input"), StemBlock.Type.SMALL, 16, true),
                new ImprovementBlock("improve", from("stem"), 64, 1),
                new DenseBlock("ghost-reader", from("ghost"), 16, 1),
                new DenseBlock("d", from("stem"), 16, 1),
                new ShortcutBlock("add", from("d", "stem"), ShortcutBlock.Downsample.IDENTITY, false),
                new ShortcutBlock("add2", from("add", "improve"), ShortcutBlock.Downsample.IDENTITY, false),
                new ClassifierBlock("classifier", from("add2"), 10, true, true),
                new DenseBlock("d", from("stem"), 8, 1)));
        List<SpecException> problems = spec.problems();
        assertThat(problems).extracting(SpecException::blockId)
                .contains("d", "improve", "ghost-reader", "add");
        assertThat(problems.size()).isGreaterThanOrEqualTo(4);
        assertThatThrownBy(spec::resolve).isInstanceOf(SpecException.class).hasMessage(problems.get(0).getMessage());
    }

    @Test
    void aValidSpecHasNoProblems() {
        assertThat(SpecFixtures.everyKind().problems()).isEmpty();
    }

    @Test
    void theFullPrecisionTwinHasNoBinaryParametersAndTheSameShapes() {
        NetworkSpec spec = SpecFixtures.everyKind();
        NetworkSpec twin = spec.fullPrecisionTwin();
        ResolvedNetwork a = spec.resolve();
        ResolvedNetwork b = twin.resolve();
        assertThat(b.shapes()).isEqualTo(a.shapes());
        NetworkCost binary = CostModel.of(a, CostConvention.BMXNET);
        NetworkCost fp = CostModel.of(b, CostConvention.BMXNET);
        assertThat(fp.binaryParams()).isZero();
        assertThat(fp.bops()).isZero();
        assertThat(binary.binaryParams()).isPositive();
        assertThat(fp.fpParams()).as("every binary weight becomes one 32-bit weight")
                .isEqualTo(binary.fpParams() + binary.binaryParams());
        assertThat(fp.flops()).isEqualTo(binary.flops() + binary.bops());
        assertThat(b.allOps()).noneMatch(op -> op.op() instanceof Op.Sign);
    }
}
