package org.bnnworkbench.experiments.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bnnworkbench.engine.cost.CostConvention;
import org.bnnworkbench.engine.cost.CostModel;
import org.bnnworkbench.engine.spec.InputShape;
import org.bnnworkbench.experiments.sweep.ResultsCsv;
import org.bnnworkbench.experiments.sweep.Sweep;
import org.bnnworkbench.experiments.sweep.SweepPoint;
import org.junit.jupiter.api.Test;

/** The shipped studies are what docs/replications.md says they are. */
class StudyManifestTest {

    private final StudyManifest shipped = StudyManifest.shipped();

    @Test
    void theShippedManifestIsTheSourceTreesAndHoldsTheFiveClaimsOfTheIssue() throws IOException {
        StudyManifest source = StudyManifest.read(Path.of("replications"));
        assertThat(shipped.studies()).isEqualTo(source.studies());
        assertThat(shipped.studies()).extracting(Study::name)
                .containsExactly("clip", "scaling", "estimator", "architectures");
        assertThat(shipped.studies().stream().flatMap(s -> s.claims().stream()).map(Claim::id)).containsExactly(
                "clip-1.2-1.3-beats-1.0", "scaling-gives-nothing", "approximations-no-better-than-ste",
                "meliusnet-densenet-resnete-order", "binary-below-full-precision");
    }

    @Test
    void everyStudyHasAtLeastFiveSeedsOfTenEpochsOnOneDataSet() throws IOException {
        var replication = new Replication(shipped, Path.of("unused"));
        for (Study study : shipped.studies()) {
            Sweep sweep = replication.sweep(study);
            assertThat(sweep.repeats()).as(study.name()).isGreaterThanOrEqualTo(5);
            assertThat(sweep.base().config().epochs()).as(study.name()).isEqualTo(10);
            assertThat(sweep.base().dataset()).isEqualTo("fashion-mnist-subset");
        }
    }

    @Test
    void everyComparisonOfEveryClaimNamesConfigurationsItsSweepHas() throws IOException {
        var replication = new Replication(shipped, Path.of("unused"));
        for (Study study : shipped.studies()) {
            List<Map<String, String>> configurations = new ArrayList<>();
            for (SweepPoint p : replication.sweep(study).points()) {
                var texts = new java.util.LinkedHashMap<String, String>();
                p.jsonValues().forEach((k, v) -> texts.put(k, ResultsCsv.value(v)));
                configurations.add(texts);
            }
            for (Claim claim : study.claims()) {
                for (Claim.Pair pair : claim.comparisons()) {
                    for (Map<String, Object> side : List.of(pair.a(), pair.b())) {
                        assertThat(configurations).as(claim.id() + ": " + side).anySatisfy(c -> side.forEach(
                                (k, v) -> assertThat(c.get(k)).isEqualTo(ResultsCsv.value(v))));
                    }
                }
            }
        }
    }

    @Test
    void theFourMiniNetworksOfTheArchitectureClaimAreWithinTenPercentOfEachOthersSize() throws IOException {
        Study study = shipped.study("architectures");
        Sweep sweep = new Replication(shipped, Path.of("unused")).sweep(study);
        var sizes = new java.util.LinkedHashMap<String, Long>();
        for (SweepPoint p : sweep.points()) {
            if (!p.settings().fullPrecision() && !p.settings().arch().equals("bnn-small")) {
                long bytes = CostModel.of(p.settings().spec(new InputShape(28, 28, 1), 10), CostConvention.BMXNET)
                        .modelSizeBytes();
                sizes.put(p.valueTexts().get("arch"), bytes);
            }
        }
        assertThat(sizes).hasSize(4);
        long min = sizes.values().stream().mapToLong(Long::longValue).min().orElseThrow();
        long max = sizes.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat((double) max / min).as(sizes.toString()).isLessThanOrEqualTo(1.10);
    }

    @Test
    void aQuickSweepIsTheStudysSweepWithOneShortEpochAndTwoSeeds() throws IOException {
        var quick = new Replication(shipped, Path.of("unused")).quick(true);
        Sweep sweep = quick.sweep(shipped.study("clip"));
        assertThat(sweep.repeats()).isEqualTo(2);
        assertThat(sweep.base().config().epochs()).isEqualTo(1);
        assertThat(sweep.base().config().trainLimit()).isEqualTo(300);
        assertThat(sweep.grid().keySet()).extracting(Object::toString).containsExactly("clip");
    }

    @Test
    void aBrokenManifestIsOneLineNamingTheField() {
        assertThatThrownBy(() -> StudyManifest.parse("{\"format\": \"bnn-workbench/replications\", \"studies\": "
                + "[{\"name\": \"Bad Name\", \"sweep\": \"x.json\", \"title\": \"t\"}]}", "m.json", null))
                .hasMessageStartingWith("m.json: studies[0].name: expects lower-case");
        assertThatThrownBy(() -> StudyManifest.parse("{\"format\": \"bnn-workbench/replications\", \"studies\": "
                + "[{\"name\": \"a\", \"sweep\": \"../../etc/passwd\", \"title\": \"t\"}]}", "m.json", null))
                .hasMessageStartingWith("m.json: studies[0].sweep: expects a file name");
        assertThatThrownBy(() -> StudyManifest.parse("{\"studies\": []}", "m.json", null))
                .hasMessageStartingWith("m.json: expects {\"format\"");
    }
}
