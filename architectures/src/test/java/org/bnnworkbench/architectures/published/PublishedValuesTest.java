package org.bnnworkbench.architectures.published;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bnnworkbench.architectures.Architectures;
import org.bnnworkbench.architectures.NamedNetwork;
import org.bnnworkbench.engine.cost.CostConvention;
import org.bnnworkbench.engine.cost.CostModel;
import org.bnnworkbench.engine.cost.NetworkCost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The computed size and OPs of every named ImageNet network against every value the tables publish
 * for it, rounded as the table rounded it. A value that does not match must carry its reason in
 * {@link KnownDiscrepancies}; one that carries a reason must really differ.
 */
class PublishedValuesTest {

    static Stream<String> imageNetNetworks() {
        return Architectures.named().stream().filter(n -> n.spec().input().height() == 224).map(NamedNetwork::name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("imageNetNetworks")
    void computedValuesMatchEveryPublishedValueOrSayWhyNot(String name) {
        List<Comparison> comparisons = Comparisons.of(Architectures.get(name));
        assertThat(comparisons).as("published values of " + name).isNotEmpty();
        for (Comparison c : comparisons) {
            String what = name + " " + c.quantity().label() + " of " + c.row().source() + " (" + c.row().model()
                    + "): published " + c.published().text() + ", computed " + c.computedText() + " [" + c.convention() + "]";
            if (c.explanation().isEmpty()) {
                assertThat(c.matches()).as(what).isTrue();
            } else {
                assertThat(c.matches()).as(what + " is listed as differing, but matches: " + c.explanation()).isFalse();
            }
        }
    }

    @Test
    void everyExplainedDiscrepancyBelongsToARowOfANamedNetwork() {
        Map<String, Long> explained = Architectures.named().stream().flatMap(n -> Comparisons.of(n).stream())
                .filter(c -> !c.explanation().isEmpty())
                .collect(Collectors.groupingBy(c -> KnownDiscrepancies.key(c.row().source(), c.quantity()),
                        Collectors.counting()));
        assertThat(explained.keySet()).containsExactlyInAnyOrderElementsOf(KnownDiscrepancies.all().keySet());
    }

    private static NetworkCost bmxnet(String name) {
        return CostModel.of(Architectures.get(name).spec(), CostConvention.BMXNET);
    }

    /** BMXNet wiki CurrentBestResults (published_results.csv:11): 3.88 "MB" (MiB) and 2.08e8 OPs. */
    @Test
    void meliusNet22SizeAndOpsMatchTheBmxnetWiki() {
        NetworkCost c = bmxnet("meliusnet22");
        assertThat(String.format(Locale.ROOT, "%.2f", c.modelSizeMiB())).isEqualTo("3.88");
        assertThat(String.format(Locale.ROOT, "%.2f", c.ops() / 1e8)).isEqualTo("2.08");
    }

    /** BMXNet wiki CurrentBestResults (published_results.csv:6): 4.04 MiB and 2.58e8 OPs. */
    @Test
    void binaryDenseNet28SizeAndOpsMatchTheBmxnetWiki() {
        NetworkCost c = bmxnet("binarydensenet28");
        assertThat(String.format(Locale.ROOT, "%.2f", c.modelSizeMiB())).isEqualTo("4.04");
        assertThat(String.format(Locale.ROOT, "%.2f", c.ops() / 1e8)).isEqualTo("2.58");
    }

    /** ReActNet README (published_results.csv:130) and the MeliusNet slide (seed-tables.csv:29): 1.63e8. */
    @Test
    void biReal18OpsMatchLiuEtAl() {
        assertThat(String.format(Locale.ROOT, "%.2f", bmxnet("birealnet18").ops() / 1e8)).isEqualTo("1.63");
    }

    /** He et al. 2016 as the slides cite it (seed-tables.csv:41): 46.8 MB (10^6 bytes) and 18.1e8 MACs. */
    @Test
    void resNet18SizeInDecimalMegabytesAndMacsMatch() {
        NetworkCost c = bmxnet("resnet18");
        assertThat(String.format(Locale.ROOT, "%.1f", c.modelSizeMB())).isEqualTo("46.8");
        assertThat(String.format(Locale.ROOT, "%.1f", c.ops() / 1e8)).isEqualTo("18.1");
        NetworkCost withFc = CostModel.of(Architectures.get("resnet18").spec(), CostConvention.LARQ);
        assertThat(String.format(Locale.ROOT, "%.1f", withFc.ops() / 1e8)).as("the classifier does not change the rounding")
                .isEqualTo("18.1");
    }

    /** seed-tables.csv:42: 87.2 MB and 36.6e8. */
    @Test
    void resNet34SizeInDecimalMegabytesAndMacsMatch() {
        NetworkCost c = bmxnet("resnet34");
        assertThat(String.format(Locale.ROOT, "%.1f", c.modelSizeMB())).isEqualTo("87.2");
        assertThat(String.format(Locale.ROOT, "%.1f", c.ops() / 1e8)).isEqualTo("36.6");
    }
}
