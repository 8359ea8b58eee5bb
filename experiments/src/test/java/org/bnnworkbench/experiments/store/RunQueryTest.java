package org.bnnworkbench.experiments.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bnnworkbench.engine.train.TrainingConfig;
import org.bnnworkbench.experiments.run.RunStatus;
import org.junit.jupiter.api.Test;

class RunQueryTest {

    private static RunSummary run(String id, RunStatus status, float clip, double top1, Long size, String growthRate) {
        TrainingConfig config = new TrainingConfig(1, 64, 1e-3f, "cosine", "adam", 0.9f, 0f, "ste", clip, false, -1f,
                42, 0, false, 0, 0);
        Map<String, String> params = growthRate == null ? Map.of() : Map.of("growthRate", growthRate);
        return new RunSummary(id, Path.of(id), status, "", "bnn-small", params, false, "fashion-mnist-subset",
                config.asMap(), 1, top1, 1000, size, size == null ? null : size * 10.0, 1.0, null, null, false, null);
    }

    private static final List<RunSummary> RUNS = List.of(
            run("a", RunStatus.COMPLETED, 1.3f, 0.50, 2000L, "16"),
            run("b", RunStatus.COMPLETED, 1.0f, 0.70, 1000L, "32"),
            run("c", RunStatus.DIVERGED, 0.5f, 0.10, null, null),
            run("d", RunStatus.INTERRUPTED, 1.3f, 0.60, 3000L, "16"));

    private static List<String> ids(List<RunSummary> runs) {
        return runs.stream().map(RunSummary::id).toList();
    }

    @Test
    void filtersCompareNumbersAsNumbersEvenWhenTheRecordKeptAFloat() {
        assertThat(ids(RunQuery.all().filter("clip=1.3").apply(RUNS))).containsExactly("a", "d");
        assertThat(ids(RunQuery.all().filter("clip>=1").filter("status=completed").apply(RUNS)))
                .containsExactly("a", "b");
        assertThat(ids(RunQuery.all().filter("testTop1 < 0.55").apply(RUNS))).containsExactly("a", "c");
        assertThat(ids(RunQuery.all().filter("growthRate=16").apply(RUNS))).containsExactly("a", "d");
        assertThat(ids(RunQuery.all().filter("growthRate!=16").apply(RUNS))).containsExactly("b", "c");
        assertThat(ids(RunQuery.all().filter("status=interrupted").apply(RUNS))).containsExactly("d");
    }

    @Test
    void sortingByAnyKeyPutsRunsWithoutAValueLast() {
        assertThat(ids(RunQuery.all().sortBy("testTop1", true).apply(RUNS))).containsExactly("b", "d", "a", "c");
        assertThat(ids(RunQuery.all().sortBy("size", false).apply(RUNS))).containsExactly("b", "a", "d", "c");
        assertThat(ids(RunQuery.all().sortBy("size", true).apply(RUNS))).containsExactly("d", "a", "b", "c");
        assertThat(ids(RunQuery.all().sortBy("status", false).apply(RUNS))).containsExactly("a", "b", "c", "d");
    }

    @Test
    void aFilterThatIsNotKeyOperatorValueIsRefused() {
        assertThatThrownBy(() -> RunQuery.all().filter("clip")).hasMessageContaining("is not key=value");
        assertThatThrownBy(() -> RunQuery.all().filter("=1")).hasMessageContaining("needs a key");
    }
}
