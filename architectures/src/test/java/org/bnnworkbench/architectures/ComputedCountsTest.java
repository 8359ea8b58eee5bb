package org.bnnworkbench.architectures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Predicate;
import org.bnnworkbench.architectures.published.PublishedValue;
import org.bnnworkbench.engine.cost.CostConvention;
import org.bnnworkbench.engine.cost.CostModel;
import org.bnnworkbench.engine.cost.LayerCost;
import org.bnnworkbench.engine.cost.NetworkCost;
import org.bnnworkbench.engine.spec.ResolvedNetwork;
import org.bnnworkbench.engine.spec.TransitionBlock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The exact counts of the project's references: {@code architectures.md} (BMXNet 2 and larq zoo
 * definitions re-derived layer by layer) and {@code counting.md} (BMXNet's {@code print_summary},
 * larq's {@code summary}). Rounded values are compared at the precision they are written with.
 */
class ComputedCountsTest {

    static NetworkCost bmxnet(String name) {
        return CostModel.of(Architectures.get(name).spec(), CostConvention.BMXNET);
    }

    static NetworkCost larq(String name) {
        return CostModel.of(Architectures.get(name).spec(), CostConvention.LARQ);
    }

    /** Asserts that {@code computed} prints as {@code written} at the written precision. */
    static void assertPrints(String what, String written, double computed) {
        PublishedValue v = PublishedValue.parse(written);
        assertThat(v.atSamePrecision(computed)).as(what).isEqualTo(v.numberText());
    }

    /** architectures.md section 2 (MeliusNet) and 3 (BinaryDenseNet), "computed totals" tables. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            meliusnet22              |  6119424 |  287072 | 12544 |  3.88 | 1.359 |  4.624 | 2.081
            meliusnet29              | 10321920 |  324960 | 20224 |  5.07 | 1.289 |  5.470 | 2.143
            meliusnet42              | 24956928 |  718176 | 46720 | 10.10 | 1.740 |  9.693 | 3.255
            meliusnet59              | 52641792 | 1408352 | 96096 | 17.39 | 2.458 | 18.316 | 5.320
            meliusneta               |  8441856 |   90464 | 16832 |  4.05 | 0.867 |  4.852 | 1.625
            meliusnetb               | 11280384 |  209760 | 22016 |  5.00 | 1.064 |  5.722 | 1.958
            meliusnetc               | 11427840 |   95072 | 22176 |  4.46 | 0.822 |  4.353 | 1.502
            meliusnet22-7x7          |  6119424 |  291008 | 12480 |  3.89 | 1.852 |  4.624 | 2.575
            meliusnet29-7x7          | 10321920 |  328896 | 20160 |  5.08 | 1.782 |  5.470 | 2.637
            binarydensenet28         |  4202496 |  332992 |  9504 |  4.04 | 2.019 |  3.587 | 2.580
            binarydensenet37         |  7593984 |  435392 | 15936 |  5.13 | 1.991 |  4.507 | 2.695
            binarydensenet37-dilated |  7593984 |  435392 | 15936 |  5.13 | 4.520 |  7.774 | 5.735
            binarydensenet45         | 12349440 |  689344 | 24864 |  7.35 | 2.433 |  6.431 | 3.438
            birealnet18              | 10985472 |  181440 |  4800 |  4.00 | 1.373 |  1.676 | 1.635
            """)
    void totalsMatchTheReferenceTables(String name, long binary, long fpConv, long bnChannels, String mib,
                                       String flops1e8, String bops1e9, String ops1e8) {
        NetworkCost c = bmxnet(name);
        assertThat(c.binaryParams()).as("binary weights").isEqualTo(binary);
        assertThat(c.fpConvParams()).as("32-bit conv weights").isEqualTo(fpConv);
        assertThat(c.batchNormChannels()).as("BN channels").isEqualTo(bnChannels);
        assertPrints("size MiB", mib, c.modelSizeMiB());
        assertPrints("FLOPs x1e8", flops1e8, c.flops() / 1e8);
        assertPrints("BOPs x1e9", bops1e9, c.bops() / 1e9);
        assertPrints("OPs x1e8", ops1e8, c.ops() / 1e8);
    }

    /** architectures.md sections 4 and 5: ResNetE and Bi-Real Net. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            resnete18         | 10985472 | 4.00 | 1.676 | 1.635
            resnete34         | 21086208 | 5.23 | 3.526 | 1.924
            resnete18-grouped | 10985472 | 3.98 | 1.676 | 1.141
            resnete34-grouped | 21086208 | 5.21 | 3.526 | 1.430
            birealnet34       | 21086208 | 5.23 | 3.526 | 1.924
            """)
    void resNetEAndBiRealTotals(String name, long binary, String mib, String bops1e9, String ops1e8) {
        NetworkCost c = bmxnet(name);
        assertThat(c.binaryParams()).isEqualTo(binary);
        assertPrints("size MiB", mib, c.modelSizeMiB());
        assertPrints("BOPs x1e9", bops1e9, c.bops() / 1e9);
        assertPrints("OPs x1e8", ops1e8, c.ops() / 1e8);
    }

    /** architectures.md section 5: Bi-Real Net 18 exact counts, and larq's 11,699,112 Keras parameters (BN 4/channel). */
    @Test
    void biReal18ExactCounts() {
        NetworkCost c = bmxnet("birealnet18");
        assertThat(c.fpConvParams()).isEqualTo(181_440);
        assertThat(c.batchNormChannels()).isEqualTo(4_800);
        assertThat(c.flops()).isEqualTo(137_281_536L);
        assertThat(c.bops()).isEqualTo(1_676_279_808L);
        long fc = 512 * 1000 + 1000;
        assertThat(c.binaryParams() + c.fpConvParams() + 4 * c.batchNormChannels() + fc).isEqualTo(11_699_112);
        assertThat(bmxnet("resnete18").fpConvParams()).isEqualTo(181_440);
        assertPrints("ResNetE18 FLOPs x1e8", "1.373", bmxnet("resnete18").flops() / 1e8);
    }

    /** counting.md, worked example: MeliusNet22 bytes part by part, and OPs = 208,130,048. */
    @Test
    void meliusNet22WorkedExample() {
        NetworkCost c = bmxnet("meliusnet22");
        assertThat(c.binaryParams() / 8).isEqualTo(764_928);
        assertThat(c.fpConvParams() * 4).isEqualTo(1_148_288);
        assertThat(c.batchNormChannels() * 2 * 4).isEqualTo(100_352);
        assertThat(sum(c, l -> l.kind().equals("dense"), LayerCost::fpParams) * 4).isEqualTo(2_052_000);
        assertThat(c.modelSizeBytes()).isEqualTo(4_065_568);
        assertThat(c.flops()).isEqualTo(135_876_608L);
        assertThat(c.bops() / 64).isEqualTo(72_253_440L);
        assertThat(c.ops()).isEqualTo(208_130_048.0);
    }

    /** counting.md and the larq docs' zoo_hero data (published_results.csv:117): larq counts MeliusNet22 the same. */
    @Test
    void meliusNet22LarqCounts() {
        NetworkCost c = larq("meliusnet22");
        assertThat(c.modelSizeBytes()).isEqualTo(4_065_568);
        assertThat(c.bops()).as("1-bit MACs").isEqualTo(4_624_220_160L);
        assertThat(c.flops()).as("32-bit MACs, classifier included").isEqualTo(136_388_608L);
        assertThat(c.parameters()).as("larq zoo's parameter count (BN 2/channel)").isEqualTo(6_944_584);
    }

    /** architectures.md section 3 and the zoo_hero data: larq's MACs of the BinaryDenseNets, and their model sizes. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            binarydensenet28         | 3587383296 | 202484224 | 576 |  5131496
            binarydensenet37         | 4506808320 | 199738368 | 640 |  8702248
            binarydensenet37-dilated | 7774470144 | 452625408 | 640 |  8702248
            binarydensenet45         | 6430556160 | 244103424 | 800 | 13889512
            """)
    void binaryDenseNetLarqCounts(String name, long oneBitMacs, long fpMacs, int lastFeatures, long parameters) {
        NetworkCost c = larq(name);
        assertThat(c.bops()).isEqualTo(oneBitMacs);
        assertThat(c.flops()).isEqualTo(fpMacs);
        assertThat(c.parameters()).as("larq docs after #85 (published_results.csv notes)").isEqualTo(parameters);
        ResolvedNetwork r = Architectures.get(name).spec().resolve();
        assertThat(r.outputShape(r.classifier().inputs().get(0)).channels()).as("larq models_test last features")
                .isEqualTo(lastFeatures);
    }

    /** counting.md: larq's BinaryDenseNet28 model size 4,241,312 bytes. */
    @Test
    void binaryDenseNet28LarqModelSize() {
        assertThat(larq("binarydensenet28").modelSizeBytes()).isEqualTo(4_241_312);
    }

    /**
     * zoo_hero's exact model sizes (published_results.csv:117, 121, 123 notes) in bytes. larq's
     * BinaryResNetE18 (:122, 3.995758056640625 MiB = 4,189,856 B) has no BN on the input image, BMXNet's
     * ResNetE has one (architectures.md section 4): 3 channels x 2 values x 4 bytes = 24 bytes more here.
     */
    @Test
    void zooHeroExactSizes() {
        assertThat(bmxnet("meliusnet22").modelSizeMiB()).isEqualTo(3.877227783203125);
        assertThat(bmxnet("binarydensenet28").modelSizeMiB()).isEqualTo(4.044830322265625);
        assertThat(bmxnet("birealnet18").modelSizeMiB()).isEqualTo(3.995269775390625);
        assertThat(bmxnet("resnete18").modelSizeBytes() - (long) (3.995758056640625 * NetworkCost.MIB)).isEqualTo(24);
    }

    /** architectures.md section 1: the two ImageNet stems. */
    @Test
    void stems() {
        NetworkCost imagenet = bmxnet("binarydensenet28");
        assertThat(sum(imagenet, stem(), LayerCost::fpParams)).isEqualTo(9_408);
        assertThat(sum(imagenet, stem(), LayerCost::flops)).isEqualTo(118_013_952L);
        NetworkCost grouped = bmxnet("meliusnet22");
        assertThat(sum(grouped, stem(), LayerCost::fpParams)).isEqualTo(5_472);
        assertThat(sum(grouped, stem(), LayerCost::flops)).isEqualTo(68_640_768L);
        assertThat(grouped.layers().stream().filter(l -> l.block().equals("stem") && l.kind().equals("conv"))
                .map(l -> l.fpParams() + "/" + l.flops()).toList())
                .containsExactly("864/10838016", "2304/28901376", "2304/28901376");
    }

    /** architectures.md section 8: MeliusNet22 layer by layer (weights, MACs per stage and transition). */
    @Test
    void meliusNet22LayerListing() {
        NetworkCost c = bmxnet("meliusnet22");
        assertStage(c, "s1b", 884_736, 2_774_532_096L);
        assertTransition(c, "t1", 51_200, 40_140_800);
        assertStage(c, "s2b", 1_843_200, 1_445_068_800L);
        assertTransition(c, "t2", 107_520, 21_073_920);
        assertStage(c, "s3b", 1_622_016, 317_915_136L);
        assertTransition(c, "t3", 122_880, 6_021_120);
        assertStage(c, "s4b", 1_769_472, 86_704_128L);
        assertThat(sum(c, l -> l.kind().equals("dense"), LayerCost::fpParams)).isEqualTo(513_000);
        assertThat(sum(larq("meliusnet22"), l -> l.kind().equals("dense"), LayerCost::flops)).isEqualTo(512_000);
    }

    /** architectures.md section 8: BinaryDenseNet28 layer by layer. */
    @Test
    void binaryDenseNet28LayerListing() {
        NetworkCost c = bmxnet("binarydensenet28");
        assertStage(c, "s1b", 774_144, 2_427_715_584L);
        assertTransition(c, "t1", 71_680, 56_197_120);
        assertStage(c, "s2b", 1_105_920, 867_041_280L);
        assertTransition(c, "t2", 104_448, 20_471_808);
        assertStage(c, "s3b", 1_216_512, 238_436_352L);
        assertTransition(c, "t3", 147_456, 7_225_344);
        assertStage(c, "s4b", 1_105_920, 54_190_080L);
        assertThat(sum(c, l -> l.kind().equals("dense"), LayerCost::fpParams)).isEqualTo(577_000);
        assertThat(c.flops()).isEqualTo(201_908_224L);
    }

    /** architectures.md section 7 and counting.md: the 32-bit ResNets (BN 2 per channel, FC with bias). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            resnet18 | 11689512 | 1813561344 | 1.8141 | 46.76 | 44.59
            resnet34 | 21797672 | 3663249408 | 3.6638 | 87.19 | 83.15
            """)
    void fullPrecisionResNets(String name, long params, long macs, String macsWithFc1e9, String mb, String mib) {
        NetworkCost c = bmxnet(name);
        assertThat(c.parameters()).isEqualTo(params);
        assertThat(c.binaryParams()).isZero();
        assertThat(c.flops()).isEqualTo(macs);
        assertPrints("MACs incl. FC", macsWithFc1e9, larq(name).flops() / 1e9);
        assertPrints("MB", mb, c.modelSizeMB());
        assertPrints("MiB", mib, c.modelSizeMiB());
    }

    /**
     * architectures.md section 2 and 3 tables: the transition channels (in->out) and the final channels of
     * every MeliusNet and BinaryDenseNet row, and the 1x1 conv groups and shuffle of A/B/C. MeliusNet23 is
     * listed there as code only (fractions 128/192, 192/384, 288/576, groups 8): it is built from the family.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            meliusnet22              | 320->160 480->224 480->256  | 512  | 1 | 0
            meliusnet29              | 320->128 512->192 704->256  | 640  | 1 | 0
            meliusnet42              | 384->160 672->256 1152->416 | 1056 | 1 | 0
            meliusnet59              | 448->192 960->320 1856->544 | 1312 | 1 | 0
            meliusneta               | 320->160 480->256 576->288  | 672  | 4 | 16
            meliusnetb               | 320->160 544->224 736->320  | 704  | 2 | 16
            meliusnetc               | 256->128 448->192 832->288  | 672  | 4 | 16
            meliusnet23              | 192->128 384->192 576->288  | 672  | 8 | 16
            binarydensenet28         | 448->160 544->192 576->256  | 576  | 1 | 0
            binarydensenet37         | 448->128 640->192 960->256  | 640  | 1 | 0
            binarydensenet37-dilated | 448->128 640->192 960->256  | 640  | 1 | 0
            binarydensenet45         | 448->160 928->288 1184->288 | 800  | 1 | 0
            """)
    void transitionChannels(String name, String transitions, int finalChannels, int groups, int shuffle) {
        NamedNetwork n = name.equals("meliusnet23")
                ? new NamedNetwork("meliusnet23", Architectures.DENSE, List.of("stem=grouped", "improvement=true",
                "blocks=2,4,6,6", "reductions=1.5,2,2", "transitionGroups=8", "channelShuffle=16"), false,
                "MeliusNet23 (BMXNet code only)", List.of())
                : Architectures.get(name);
        ResolvedNetwork r = n.spec().resolve();
        List<TransitionBlock> ts = r.order().stream().filter(TransitionBlock.class::isInstance)
                .map(TransitionBlock.class::cast).toList();
        assertThat(ts.stream().map(t -> r.outputShape(t.inputs().get(0)).channels() + "->" + t.channels()).toList())
                .containsExactly(transitions.split(" "));
        assertThat(ts).allSatisfy(t -> {
            assertThat(t.groups()).isEqualTo(groups);
            assertThat(t.shuffleGroups()).isEqualTo(shuffle);
        });
        assertThat(r.outputShape(r.classifier().inputs().get(0)).channels()).isEqualTo(finalChannels);
    }

    /** architectures.md section 3: the dilated variant keeps 28x28 in stages 3 and 4 (no pooling in transitions 2, 3). */
    @Test
    void dilatedBinaryDenseNetKeepsTheResolution() {
        ResolvedNetwork r = Architectures.get("binarydensenet37-dilated").spec().resolve();
        assertThat(r.outputShape("s3b1-dense").height()).isEqualTo(28);
        assertThat(r.outputShape("s4b6-dense").height()).isEqualTo(28);
        assertThat(Architectures.get("binarydensenet37").spec().resolve().outputShape("s4b6-dense").height()).isEqualTo(7);
    }

    private static Predicate<LayerCost> stem() {
        return l -> l.block().equals("stem") && l.kind().equals("conv");
    }

    private static void assertStage(NetworkCost c, String prefix, long weights, long macs) {
        assertThat(sum(c, l -> l.block().startsWith(prefix), LayerCost::binaryParams)).as(prefix + " weights").isEqualTo(weights);
        assertThat(sum(c, l -> l.block().startsWith(prefix), LayerCost::bops)).as(prefix + " MACs").isEqualTo(macs);
    }

    private static void assertTransition(NetworkCost c, String id, long weights, long macs) {
        Predicate<LayerCost> conv = l -> l.block().equals(id) && l.kind().equals("conv");
        assertThat(sum(c, conv, LayerCost::fpParams)).as(id + " weights").isEqualTo(weights);
        assertThat(sum(c, conv, LayerCost::flops)).as(id + " MACs").isEqualTo(macs);
    }

    private static long sum(NetworkCost c, Predicate<LayerCost> which, java.util.function.ToLongFunction<LayerCost> f) {
        return c.layers().stream().filter(which).mapToLong(f).sum();
    }
}
