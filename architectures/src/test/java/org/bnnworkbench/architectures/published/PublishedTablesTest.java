package org.bnnworkbench.architectures.published;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bnnworkbench.architectures.Architectures;
import org.bnnworkbench.architectures.NamedNetwork;
import org.junit.jupiter.api.Test;

class PublishedTablesTest {

    @Test
    void everyRowOfBothFilesIsRead() {
        List<PublishedResult> all = PublishedTables.all();
        assertThat(all.stream().filter(r -> r.file().equals(PublishedTables.PUBLISHED_RESULTS))).hasSize(147);
        assertThat(all.stream().filter(r -> r.file().equals(PublishedTables.SEED_TABLES))).hasSize(41);
        assertThat(all).allSatisfy(r -> {
            assertThat(r.model()).isNotBlank();
            assertThat(r.citation()).isNotBlank();
            assertThat(r.table()).isNotBlank();
        });
    }

    @Test
    void aRowWithQuotedCommasKeepsItsColumns() {
        PublishedResult r = row("published_results.csv:11");
        assertThat(r.citation()).startsWith("Bethge et al. (HPI) BMXNet-v2 wiki");
        assertThat(r.model()).isEqualTo("MeliusNet22 (4,5,4,4)");
        assertThat(r.family()).isEqualTo("MeliusNet");
        assertThat(r.bitsWA()).isEqualTo("1/1");
        assertThat(r.dataset()).isEqualTo("ImageNet");
        assertThat(r.top1().number()).isEqualTo(63.6);
        assertThat(r.modelSize().text()).isEqualTo("3.88");
        assertThat(r.ops().number()).isEqualTo(2.08);
        assertThat(r.stem()).contains("grouped");
        assertThat(r.whereSeen()).startsWith("hpi-xnor/BMXNet-v2-wiki:CurrentBestResults.md");
    }

    @Test
    void approximateSizesKeepTheirTextAndNumber() {
        PublishedResult r = row("seed-tables.csv:6");
        assertThat(r.model()).isEqualTo("BinaryDenseNet28");
        assertThat(r.depthGroup()).isEqualTo(18);
        assertThat(r.modelSize().text()).isEqualTo("~4.0");
        assertThat(r.modelSize().approximate()).isTrue();
        assertThat(r.modelSize().number()).isEqualTo(4.0);
        assertThat(r.modelSize().decimals()).isEqualTo(1);
        assertThat(r.citation()).isEqualTo("Bethge et al. (BinaryDenseNet paper)");
    }

    @Test
    void textThatIsNoNumberHasNoValue() {
        assertThat(PublishedValue.parse("(1/1)x6").isPresent()).isFalse();
        assertThat(PublishedValue.parse("").isPresent()).isFalse();
        assertThat(PublishedValue.parse("249").decimals()).isZero();
    }

    @Test
    void valuesCompareAtThePrecisionTheyWerePrintedWith() {
        PublishedValue v = PublishedValue.parse("3.88");
        assertThat(v.matches(3.8772)).isTrue();
        assertThat(v.matches(3.8749)).isFalse();
        assertThat(PublishedValue.parse("10.1").matches(10.1033)).isTrue();
        assertThat(PublishedValue.parse("5.0").matches(5.0022)).isTrue();
    }

    /** Every model name a network lists must be written exactly as in a table, or no row would find it. */
    @Test
    void everyPublishedModelOfANamedNetworkIsAModelOfTheTables() {
        Set<String> models = PublishedTables.all().stream().map(PublishedResult::model).collect(Collectors.toSet());
        for (NamedNetwork n : Architectures.named()) {
            assertThat(n.publishedModels()).as(n.name()).allSatisfy(m -> assertThat(models).contains(m));
        }
    }

    @Test
    void rowsOfAnotherStemOrDepthAreNotTheNetworks() {
        assertThat(PublishedTables.forNetwork(Architectures.get("meliusnet22"))).extracting(PublishedResult::source)
                .contains("published_results.csv:11").doesNotContain("published_results.csv:10");
        assertThat(PublishedTables.forNetwork(Architectures.get("meliusnet22-7x7"))).extracting(PublishedResult::source)
                .containsExactly("published_results.csv:10");
        assertThat(PublishedTables.forNetwork(Architectures.get("birealnet34"))).extracting(PublishedResult::source)
                .contains("seed-tables.csv:30").doesNotContain("seed-tables.csv:29");
    }

    @Test
    void everyImageNetNetworkHasPublishedRows() {
        for (NamedNetwork n : Architectures.named()) {
            if (n.spec().input().height() == 224) {
                assertThat(PublishedTables.forNetwork(n)).as(n.name()).isNotEmpty();
            }
        }
    }

    static PublishedResult row(String source) {
        return PublishedTables.all().stream().filter(r -> r.source().equals(source)).findFirst().orElseThrow();
    }
}
