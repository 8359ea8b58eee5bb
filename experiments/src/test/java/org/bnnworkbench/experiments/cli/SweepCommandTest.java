package org.bnnworkbench.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code bnn sweep} and {@code bnn runs} as a user types them. */
class SweepCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TINY = "{\"name\": \"clip\", \"base\": {\"arch\": \"bnn-small\", \"epochs\": 1, "
            + "\"batch\": 64, \"trainLimit\": 256, \"testLimit\": 128, \"params\": {\"growthRate\": 16, "
            + "\"initFeatures\": 16}}, \"grid\": {\"clip\": [0.8, 1.3]}}";

    @TempDir
    Path temp;

    private Path file(String json) throws IOException {
        return Files.writeString(temp.resolve("sweep.json"), json);
    }

    private static void assertOneLine(Bnn result, int code, String... fragments) {
        assertThat(result.code()).as(result.toString()).isEqualTo(code);
        assertThat(result.errLines()).as(result.toString()).hasSize(1);
        assertThat(result.errLines().get(0)).contains(fragments);
        assertThat(result.out()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"base\": {\"arch\": \"bnn-small\"}, \"grid\": {\"clip\": []}}      | grid.clip: an empty list gives no points",
        "{\"base\": {\"arch\": \"bnn-small\", \"dataset\": \"no-such-set\"}}  | base.dataset expects one of fashion-mnist-subset",
        "{\"base\": {\"arch\": \"bnn-small\"}, \"grid\": {\"blocks\": [[2,2,2]]}} | point 0 (blocks=2,2,2): bnn-small cannot be built",
        "{\"base\": {}}                                                       | base.arch: missing",
    })
    void aBadSweepFileIsOneLineNamingTheFieldAndExitCodeTwo(String json, String message) throws IOException {
        Path sweep = file(json);
        Path out = temp.resolve("out");

        assertOneLine(Bnn.run("sweep", sweep.toString(), "--out", out.toString()), ExitCode.USAGE,
                "bnn sweep: " + sweep + ": " + message);
        assertThat(out).doesNotExist();
    }

    @Test
    void aMissingFileOrArgumentIsAUsageMistake() throws IOException {
        assertOneLine(Bnn.run("sweep", temp.resolve("nope.json").toString(), "--out", temp.toString()),
                ExitCode.USAGE, "nope.json: no such file");
        assertOneLine(Bnn.run("sweep", "--out", temp.toString()), ExitCode.USAGE, "bnn sweep: expects a sweep file");
        assertOneLine(Bnn.run("sweep", file(TINY).toString()), ExitCode.USAGE, "bnn sweep: --out is required");
        assertOneLine(Bnn.run("sweep", file(TINY).toString(), "--out", temp.resolve("o").toString(), "--parallel",
                "0"), ExitCode.USAGE, "bnn sweep: --parallel expects a positive integer, got '0'");
    }

    @Test
    void aSweepPrintsItsResultsAndRunningItAgainTrainsNothing() throws IOException {
        Path sweep = file(TINY);
        Path out = temp.resolve("out");

        Bnn first = Bnn.run("sweep", sweep.toString(), "--out", out.toString(), "--json");

        assertThat(first.code()).as(first.toString()).isZero();
        JsonNode results = JSON.readTree(first.out());
        assertThat(results.get("points").asInt()).isEqualTo(2);
        assertThat(results.get("results")).hasSize(2);
        // one seed per configuration: no best, and the verdict says why
        assertThat(results.get("best").isNull()).isTrue();
        assertThat(results.get("verdict").asText()).startsWith("no clear best with one seed per configuration");
        assertThat(results.get("configurations")).hasSize(2);
        assertThat(results.get("comparisons")).hasSize(1);
        assertThat(results.get("comparisons").get(0).get("method").asText()).isEqualTo("test-set");
        JsonNode first0 = results.get("results").get(0);
        JsonNode first1 = results.get("results").get(1);
        String highest = (first0.get("testTop1").asDouble() >= first1.get("testTop1").asDouble() ? first0 : first1)
                .get("id").asText();
        assertThat(first.err()).contains("sweep clip: 2 points, 0 with results already, 2 to run")
                .contains("epoch 1/1:").contains("completed: test top-1").contains("no clear best");
        assertThat(out.resolve("results.csv")).isRegularFile();

        Bnn again = Bnn.run("sweep", sweep.toString(), "--out", out.toString());

        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(again.err()).contains("2 with results already, 0 to run").doesNotContain("training");
        assertThat(again.out().lines().findFirst().orElseThrow()).contains("id", "clip", "status", "top-1", "size");
        assertThat(again.out().lines()).noneMatch(l -> l.startsWith("*"));
        assertThat(again.out()).contains("mean top-1", "95% CI", "test-set se")
                .contains("no clear best with one seed per configuration");

        Bnn runs = Bnn.run("runs", "--dir", out.resolve("runs").toString(), "--sort", "testTop1", "--desc", "--json");

        assertThat(runs.code()).as(runs.toString()).isZero();
        JsonNode listed = JSON.readTree(runs.out());
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).get("id").asText()).isEqualTo(highest);
        assertThat(listed.get(0).get("status").asText()).isEqualTo("completed");
        assertThat(listed.get(0).get("growthRate").asText()).isEqualTo("16");

        double top1 = listed.get(0).get("testTop1").asDouble();
        int images = listed.get(0).get("testImages").asInt();
        assertThat(listed.get(0).get("testSetError").asDouble())
                .isCloseTo(Math.sqrt(top1 * (1 - top1) / images), org.assertj.core.data.Offset.offset(1e-12));

        Bnn table = Bnn.run("runs", "--dir", out.resolve("runs").toString(), "--filter", "clip>1");
        assertThat(table.out().lines()).hasSize(2).first().asString().endsWith("clip");
        assertThat(table.out().lines().skip(1).findFirst().orElseThrow()).contains(String.format(java.util.Locale.ROOT,
                " \u00b1 %.2f", 100 * Math.sqrt(top1 * (1 - top1) / images)).substring(0, 4));
        assertOneLine(Bnn.run("runs", "--dir", out.toString(), "--filter", "clip"), ExitCode.USAGE,
                "bnn runs: --filter 'clip' is not key=value");
    }
}
