package org.bnnworkbench.experiments.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.bnnworkbench.architectures.published.PublishedTables;
import org.junit.jupiter.api.Test;

class PublishedPointTest {

    @Test
    void onlyImageNetRowsWithAnAccuracyAndACostArePoints() {
        List<PublishedPoint> points = PublishedPoint.all();
        assertThat(points).isNotEmpty().allSatisfy(p -> {
            assertThat(p.row().dataset()).isIn("", "ImageNet");
            assertThat(p.sizeMiB().isPresent() || p.ops1e8().isPresent()).isTrue();
            assertThat(PublishedTables.all().get(p.number() - 1)).isSameAs(p.row());
        });
        assertThat(PublishedTables.all()).anySatisfy(r -> assertThat(r.dataset()).isEqualTo("CIFAR-10"));
    }

    @Test
    void thirtyTwoBitSizesPrintedInDecimalMegabytesAreConvertedToMebibytes() {
        PublishedPoint resnet18 = PublishedPoint.all().stream()
                .filter(p -> p.row().model().equals("ResNet18 (full precision)")).findFirst().orElseThrow();
        assertThat(resnet18.sizeMiB().getAsDouble()).isCloseTo(46.8e6 / (1 << 20), within(1e-9));
        PublishedPoint melius = PublishedPoint.all().stream()
                .filter(p -> p.row().model().equals("MeliusNet22 (4,5,4,4)")).findFirst().orElseThrow();
        assertThat(melius.sizeMiB().getAsDouble()).isEqualTo(melius.row().modelSize().number());
    }

    @Test
    void seedTableRowsGetAFamilyFromTheirModelName() {
        assertThat(PublishedPoint.familyOf("Bi-RealNet (authors' baseline)", "1/1")).isEqualTo("Bi-Real");
        assertThat(PublishedPoint.familyOf("MeliusNetA", "1/1")).isEqualTo("MeliusNet");
        assertThat(PublishedPoint.familyOf("ResNet (32-bit baseline)", "32/32")).isEqualTo("ResNet (32-bit)");
        assertThat(PublishedPoint.familyOf("GroupNet", "(1/1)x5")).isEqualTo("multiple binary bases");
        assertThat(PublishedPoint.familyOf("LQ-Net", "1/2")).isEqualTo("low-bit (2-bit W or A)");
        assertThat(PublishedPoint.all()).allSatisfy(p -> assertThat(p.family()).isNotBlank());
    }

    @Test
    void theTooltipNamesTheModelItsNumbersAndTheCitation() {
        PublishedPoint melius = PublishedPoint.all().stream()
                .filter(p -> p.row().model().equals("MeliusNet22 (4,5,4,4)")).findFirst().orElseThrow();
        assertThat(melius.tooltip()).startsWith("MeliusNet22 (4,5,4,4) [MeliusNet, 1/1]: ")
                .contains("% top-1", " MiB", "e8 OPs", "Bethge et al.", "(published_results.csv:");
    }

    @Test
    void aPointIsOnTheParetoFrontWhenNothingIsBothSmallerAndMoreAccurate() {
        record P(double x, double y) {
        }
        var a = new P(1, 50);
        var b = new P(2, 60);
        var dominated = new P(3, 55);
        var tieLessAccurate = new P(2, 58);
        var c = new P(10, 70);
        assertThat(ParetoFront.of(List.of(c, dominated, a, tieLessAccurate, b), P::x, P::y)).containsExactly(a, b, c);
    }
}
