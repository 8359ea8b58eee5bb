package org.bnnworkbench.experiments.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which points a sweep makes: their order, number, values and ids. */
class SweepPointsTest {

    private static final String BASE = "\"base\": {\"arch\": \"bnn-small\", \"epochs\": 1, \"trainLimit\": 256}";

    private static Sweep sweep(String rest) {
        return SweepFile.parse("{" + BASE + ", " + rest + "}", "test");
    }

    @Test
    void aGridIsEveryCombinationWithTheFirstParameterVaryingSlowest() {
        List<SweepPoint> points = sweep("\"grid\": {\"clip\": [1.0, 1.3], \"estimator\": [\"ste\", \"approx\", "
                + "\"swish\"]}").points();

        assertThat(points).hasSize(6);
        assertThat(points).extracting(SweepPoint::label).containsExactly(
                "clip=1, estimator=ste", "clip=1, estimator=approx", "clip=1, estimator=swish",
                "clip=1.3, estimator=ste", "clip=1.3, estimator=approx", "clip=1.3, estimator=swish");
        assertThat(points).extracting(SweepPoint::index).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(points.get(4).settings().config().clip()).isEqualTo(1.3f);
        assertThat(points.get(4).settings().config().estimator()).isEqualTo("approx");
        assertThat(points.get(4).settings().config().epochs()).as("the base's").isEqualTo(1);
    }

    @Test
    void randomDrawsAreTheSameForTheSameSeedAndStayInTheirRanges() {
        String random = "\"random\": {\"samples\": 20, \"seed\": %d, \"space\": {\"lr\": {\"min\": 1e-4, \"max\": "
                + "1e-2, \"log\": true}, \"growthRate\": {\"min\": 8, \"max\": 32}, \"estimator\": [\"ste\", \"approx\"]}}";
        List<SweepPoint> first = sweep(random.formatted(3)).points();
        List<SweepPoint> again = sweep(random.formatted(3)).points();
        List<SweepPoint> other = sweep(random.formatted(4)).points();

        assertThat(first).hasSize(20);
        assertThat(again).extracting(SweepPoint::id).containsExactlyElementsOf(first.stream().map(SweepPoint::id)
                .toList());
        assertThat(other).extracting(SweepPoint::id).isNotEqualTo(first.stream().map(SweepPoint::id).toList());
        for (SweepPoint p : first) {
            float lr = p.settings().config().learningRate();
            assertThat(lr).isBetween(1e-4f, 1e-2f);
            int growthRate = Integer.parseInt(p.settings().params().get("growthRate"));
            assertThat(growthRate).isBetween(8, 32);
            assertThat(p.jsonValues().get("growthRate")).isInstanceOf(Integer.class);
            assertThat(p.settings().config().estimator()).isIn("ste", "approx");
            assertThat(p.valueTexts().get("lr")).as("4 significant digits").matches("[0-9.E-]{1,10}");
        }
        assertThat(first.stream().map(p -> p.settings().config().estimator()).distinct()).hasSize(2);
    }

    @Test
    void randomDrawsAreCombinedWithEveryGridPointTheSameDrawsForEach() {
        List<SweepPoint> points = sweep("\"grid\": {\"clip\": [1.0, 1.3]}, \"random\": {\"samples\": 3, "
                + "\"space\": {\"lr\": {\"min\": 1e-4, \"max\": 1e-2}}}").points();

        assertThat(points).hasSize(6);
        List<Float> lrs = points.stream().map(p -> p.settings().config().learningRate()).toList();
        assertThat(lrs.subList(0, 3)).isEqualTo(lrs.subList(3, 6));
        assertThat(points.subList(0, 3)).allSatisfy(p -> assertThat(p.settings().config().clip()).isEqualTo(1.0f));
    }

    @Test
    void anIdIsTheIndexAndAHashOfTheCompleteSettings() {
        List<SweepPoint> points = sweep("\"grid\": {\"clip\": [1.0, 1.3]}").points();
        List<SweepPoint> samePoints = sweep("\"grid\": {\"clip\": [1.00, 1.3]}").points();
        List<SweepPoint> otherBase = SweepFile.parse("{\"base\": {\"arch\": \"bnn-small\", \"epochs\": 2, "
                + "\"trainLimit\": 256}, \"grid\": {\"clip\": [1.0, 1.3]}}", "test").points();
        List<SweepPoint> reordered = sweep("\"grid\": {\"clip\": [1.3, 1.0]}").points();

        assertThat(points).extracting(SweepPoint::id).allMatch(id -> id.matches("p00[01]-[0-9a-f]{8}"));
        assertThat(samePoints).extracting(SweepPoint::id).containsExactly(points.get(0).id(), points.get(1).id());
        assertThat(otherBase.get(0).id()).startsWith("p000-").isNotEqualTo(points.get(0).id());
        assertThat(reordered.get(0).id()).as("same index, other settings").startsWith("p000-")
                .isNotEqualTo(points.get(0).id());
    }

    @Test
    void repeatsRunInRoundsOfSeedsAndEachSeedHasItsOwnIdUnderItsConfigurationsNumber() {
        List<SweepPoint> points = sweep("\"grid\": {\"clip\": [1.0, 1.3]}, \"repeats\": 3").points();

        assertThat(points).hasSize(6);
        assertThat(points).extracting(SweepPoint::seed).containsExactly(42L, 42L, 43L, 43L, 44L, 44L);
        assertThat(points).extracting(SweepPoint::configuration).containsExactly(0, 1, 0, 1, 0, 1);
        assertThat(points).extracting(SweepPoint::index).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(points).extracting(p -> p.settings().config().clip())
                .containsExactly(1.0f, 1.3f, 1.0f, 1.3f, 1.0f, 1.3f);
        assertThat(points).extracting(SweepPoint::id).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("p00[01]-[0-9a-f]{8}"));
        assertThat(points.get(2).id()).startsWith("p000-");
        assertThat(points.get(2).values()).isEqualTo(points.get(0).values());
    }

    @Test
    void moreRepeatsKeepTheIdsOfTheSeedsAlreadyRunAndOneRepeatKeepsTheIdsOfASweepWithoutRepeats() {
        List<String> none = sweep("\"grid\": {\"clip\": [1.0, 1.3]}").points().stream().map(SweepPoint::id).toList();
        List<String> one = sweep("\"grid\": {\"clip\": [1.0, 1.3]}, \"repeats\": 1").points().stream()
                .map(SweepPoint::id).toList();
        List<String> three = sweep("\"grid\": {\"clip\": [1.0, 1.3]}, \"repeats\": 3").points().stream()
                .map(SweepPoint::id).toList();
        List<String> five = sweep("\"grid\": {\"clip\": [1.0, 1.3]}, \"repeats\": 5").points().stream()
                .map(SweepPoint::id).toList();

        assertThat(one).isEqualTo(none);
        assertThat(three.subList(0, 2)).isEqualTo(none);
        assertThat(five.subList(0, 6)).isEqualTo(three);
    }

    @Test
    void aJournalWrittenBeforeRepeatsExistedKeepsItsIds() throws Exception {
        // the clip sweep of docs/examples was run on 2026-11-26, before repeats; its journal's ids must still match
        Path folder = Path.of("..", "docs", "examples", "clip-sweep");
        Sweep sweep = SweepFile.read(folder.resolve("sweep.json"));
        var journal = SweepJournal.read(folder.resolve("journal.jsonl")).entries();

        assertThat(journal).hasSize(4);
        assertThat(sweep.points()).extracting(SweepPoint::id).containsExactlyElementsOf(journal.keySet());
    }

    @Test
    void archFullPrecisionAndArchitectureParametersCanBeSwept() {
        List<SweepPoint> points = sweep("\"grid\": {\"arch\": [\"bnn-small\", \"meliusnet-mini\"], "
                + "\"fullPrecision\": [false, true], \"growthRate\": [16], \"blocks\": [[2, 0]]}").points();

        assertThat(points).hasSize(4);
        SweepPoint last = points.get(3);
        assertThat(last.settings().arch()).isEqualTo("meliusnet-mini");
        assertThat(last.settings().fullPrecision()).isTrue();
        assertThat(last.settings().params()).isEqualTo(Map.of("growthRate", "16", "blocks", "2,0"));
        assertThat(last.valueTexts()).containsEntry("blocks", "2,0");
    }

    @Test
    void theTimeBudgetComesWithTheRandomPart() {
        assertThat(sweep("\"grid\": {\"clip\": [1.0]}").secondsBudget()).isZero();
        assertThat(sweep("\"random\": {\"samples\": 2, \"seconds\": 90, \"space\": {\"clip\": [1.0, 1.3]}}")
                .secondsBudget()).isEqualTo(90);
    }
}
