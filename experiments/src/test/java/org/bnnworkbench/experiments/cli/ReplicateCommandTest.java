package org.bnnworkbench.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bnnworkbench.experiments.replication.ReplicationMarkdown;
import org.bnnworkbench.experiments.replication.StudyFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bnn replicate --quick}: every shipped study as a real (tiny) sweep, resumable, with a verdict per claim. */
class ReplicateCommandTest {

    @TempDir
    Path temp;

    private static final Map<String, Integer> POINTS = Map.of("clip", 12, "scaling", 4, "estimator", 6,
            "architectures", 20);

    @Test
    void theQuickVersionRunsEveryStudyOnceAndASecondRunTrainsNothing() throws IOException {
        Path out = temp.resolve("replications");

        Bnn first = Bnn.run("replicate", "--quick", "--out", out.toString());

        assertThat(first.code()).as(first.toString()).isZero();
        for (Map.Entry<String, Integer> study : POINTS.entrySet()) {
            Path folder = out.resolve(study.getKey());
            for (String file : List.of("study.json", "sweep.json", "results.csv", "summary.csv", "comparisons.csv")) {
                assertThat(folder.resolve(file)).as(study.getKey() + "/" + file).isRegularFile();
            }
            assertThat(Files.readAllLines(folder.resolve("journal.jsonl"))).as(study.getKey())
                    .hasSize(study.getValue());
        }
        // scaling=false, estimator=ste and the binary bnn-small are clip=1.3 seed by seed: copied, not trained again
        assertThat(first.err()).contains("sweep scaling: 4 points, 2 with results already, 2 to run")
                .contains("sweep estimator: 6 points, 2 with results already, 4 to run")
                .contains("sweep architectures: 20 points, 2 with results already, 18 to run");
        assertThat(first.out()).contains("== clip: Clip threshold", "(quick)");
        assertThat(first.out().lines().filter(l -> l.startsWith("  verdict: "))).hasSize(5);
        String journal = Files.readString(out.resolve("clip").resolve("journal.jsonl"));

        Bnn again = Bnn.run("replicate", "--quick", "--out", out.toString(), "--markdown");

        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(again.err()).contains("sweep clip: 12 points, 12 with results already, 0 to run")
                .doesNotContain(": training");
        assertThat(Files.readString(out.resolve("clip").resolve("journal.jsonl"))).isEqualTo(journal);
        for (String study : POINTS.keySet()) {
            assertThat(again.out()).contains(ReplicationMarkdown.of(StudyFolder.read(out.resolve(study))));
        }
    }

    @Test
    void mistakesAreOneLine() {
        Bnn unknown = Bnn.run("replicate", "--quick", "--out", temp.toString(), "--only", "clip,nope");
        assertThat(unknown.code()).isEqualTo(ExitCode.USAGE);
        assertThat(unknown.err().strip()).doesNotContain("\n").startsWith("bnn replicate: --only: no study 'nope'");
        Bnn noOut = Bnn.run("replicate", "--quick");
        assertThat(noOut.code()).isEqualTo(ExitCode.USAGE);
        assertThat(noOut.err().strip()).isEqualTo("bnn replicate: --out is required");
        Bnn missing = Bnn.run("replicate", "--out", temp.toString(), "--studies", temp.resolve("none").toString());
        assertThat(missing.code()).isEqualTo(ExitCode.USAGE);
        assertThat(missing.err().strip()).doesNotContain("\n").contains("has no studies.json");
    }
}
