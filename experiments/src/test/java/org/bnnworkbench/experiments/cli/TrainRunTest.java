package org.bnnworkbench.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real, tiny training runs through {@code bnn train}, and the records they leave. */
class TrainRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Enough to train something in a few seconds: 128 images in batches of 32, evaluated on 64. */
    private static final List<String> SMALL = List.of("--arch", "bnn-small", "--dataset", "fashion-mnist-subset",
            "--train-limit", "128", "--test-limit", "64", "--batch", "32");
    /** What differs between two runs of the same settings: the clock. */
    private static final Set<String> TIMES = Set.of("seconds", "imagesPerSecond");

    @TempDir
    Path temp;

    private static Bnn train(Path out, List<String> settings, String... more) {
        var args = new ArrayList<String>(List.of("train", "--out", out.toString()));
        args.addAll(settings);
        args.addAll(List.of(more));
        return Bnn.run(args.toArray(String[]::new));
    }

    private static JsonNode record(Path out) throws IOException {
        return JSON.readTree(Files.readString(out.resolve("run.json")));
    }

    @Test
    void aTinyRunWritesARecordWithEveryFieldAndPrintsItWithJson() throws IOException {
        Path out = temp.resolve("tiny");

        Bnn result = Bnn.run("train", "--arch", "bnn-small", "--dataset", "fashion-mnist-subset", "--epochs", "1",
                "--train-limit", "512", "--test-limit", "256", "--batch", "64", "--out", out.toString(), "--json");

        assertThat(result.code()).as(result.toString()).isZero();
        JsonNode run = record(out);
        assertThat(JSON.readTree(result.out())).as("stdout is the record and nothing else").isEqualTo(run);
        assertThat(result.err()).contains("epoch 1/1:").doesNotContain("\r");
        assertThat(out.resolve("run.json.tmp")).doesNotExist();

        assertThat(run.get("format").asText()).isEqualTo("bnn-workbench/run");
        assertThat(run.get("version").asInt()).isEqualTo(1);
        assertThat(run.get("status").asText()).isEqualTo("completed");
        assertThat(run.get("message").asText()).isNotBlank();
        assertThat(run.get("arch").asText()).isEqualTo("bnn-small");
        JsonNode dataset = run.get("dataset");
        assertThat(dataset.get("name").asText()).isEqualTo("fashion-mnist-subset");
        assertThat(dataset.get("source").asText()).isNotBlank();
        assertThat(dataset.get("trainImages").asInt()).isEqualTo(512);
        assertThat(dataset.get("testImages").asInt()).isEqualTo(256);
        assertThat(dataset.get("input").asText()).isEqualTo("28x28x1");
        assertThat(dataset.get("classes").asInt()).isEqualTo(10);
        assertThat(fieldNames(run.get("config"))).containsExactly("epochs", "batch", "lr", "schedule", "optimizer",
                "momentum", "weightDecay", "estimator", "clip", "scaling", "padValue", "seed", "cropPadding", "flip",
                "trainLimit", "testLimit");
        assertThat(run.at("/config/seed").asLong()).isEqualTo(42);
        assertThat(run.at("/config/clip").asDouble()).isCloseTo(1.3, within(1e-6));
        assertThat(run.at("/config/batch").asInt()).isEqualTo(64);

        assertThat(run.get("history")).hasSize(1);
        JsonNode epoch = run.get("history").get(0);
        assertThat(fieldNames(epoch)).containsExactly("epoch", "trainLoss", "trainTop1", "testTop1", "testLoss",
                "testTop5", "saturation", "flipRatio", "seconds", "imagesPerSecond", "learningRate");
        assertThat(epoch.get("epoch").asInt()).isEqualTo(1);
        assertThat(epoch.get("trainLoss").asDouble()).isBetween(0.0, 10.0);
        assertThat(epoch.get("testLoss").asDouble()).isBetween(0.0, 10.0);
        for (String fraction : List.of("trainTop1", "testTop1", "testTop5", "saturation", "flipRatio")) {
            assertThat(epoch.get(fraction).asDouble()).as(fraction).isBetween(0.0, 1.0);
        }
        assertThat(epoch.get("testTop5").asDouble()).isGreaterThanOrEqualTo(epoch.get("testTop1").asDouble());
        assertThat(epoch.get("seconds").asDouble()).isPositive();
        assertThat(epoch.get("imagesPerSecond").asDouble()).isPositive();
        assertThat(epoch.get("learningRate").asDouble()).isBetween(0.0, 1e-3);

        assertThat(run.get("testTop1").asDouble()).isEqualTo(epoch.get("testTop1").asDouble())
                .as("ten classes: a trained network beats chance").isGreaterThan(0.1);
        assertThat(run.get("epochs").asInt()).isEqualTo(1);
        assertThat(run.get("wallSeconds").asDouble()).isGreaterThanOrEqualTo(epoch.get("seconds").asDouble());
        assertThat(run.get("imagesPerSecond").asDouble()).isPositive();
        assertThat(run.get("parameters").asLong()).isPositive();
        JsonNode confusion = run.get("confusion");
        assertThat(confusion).hasSize(10);
        int evaluated = 0;
        for (JsonNode row : confusion) {
            assertThat(row).hasSize(10);
            for (JsonNode count : row) {
                evaluated += count.asInt();
            }
        }
        assertThat(evaluated).isEqualTo(256);
        JsonNode environment = run.get("environment");
        assertThat(environment.get("java").asText()).startsWith(System.getProperty("java.version"));
        assertThat(environment.get("threads").asInt()).isPositive();
        assertThat(environment.get("vectorized").asBoolean()).as("tests run with the Vector API").isTrue();
        assertThat(environment.get("os").asText()).isNotBlank();
        Instant started = Instant.parse(run.get("startedAt").asText());
        Instant finished = Instant.parse(run.get("finishedAt").asText());
        assertThat(run.get("startedAt").asText()).endsWith("Z");
        assertThat(finished).isAfterOrEqualTo(started);

        assertThat(run.get("params")).isEmpty();
        assertThat(run.get("fullPrecision").asBoolean()).isFalse();
        assertThat(run.at("/spec/format").asText()).isEqualTo("bnn-workbench/network");
        JsonNode cost = run.get("cost");
        assertThat(fieldNames(cost)).containsExactly("convention", "binaryParams", "fpParams", "modelSizeBytes",
                "modelSizeMB", "modelSizeMiB", "flops", "bops", "ops");
        assertThat(cost.get("convention").asText()).isEqualTo("bmxnet");
        assertThat(cost.get("binaryParams").asLong() + cost.get("fpParams").asLong())
                .isEqualTo(run.get("parameters").asLong());
        assertThat(cost.get("ops").asDouble()).isPositive();
        assertThat(Files.readString(out.resolve("run.log"))).contains("started: bnn-small").contains("epoch 1/1:")
                .contains("completed: ");
    }

    @Test
    void twoRunsWithTheSameSeedGiveTheSameNumbers() throws IOException {
        Path first = temp.resolve("first");
        Path second = temp.resolve("second");

        assertThat(train(first, SMALL, "--epochs", "1", "--seed", "7").code()).isZero();
        assertThat(train(second, SMALL, "--epochs", "1", "--seed", "7").code()).isZero();

        assertThat(withoutTimes(record(second).get("history"))).isEqualTo(withoutTimes(record(first).get("history")));
        assertThat(record(second).get("confusion")).isEqualTo(record(first).get("confusion"));
        assertThat(record(second).get("config")).isEqualTo(record(first).get("config"));
    }

    @Test
    void aRunKeepsACheckpointUnlessToldNotTo() throws IOException {
        Path kept = temp.resolve("kept");
        Path skipped = temp.resolve("skipped");

        assertThat(train(kept, SMALL, "--epochs", "1").code()).isZero();
        assertThat(train(skipped, SMALL, "--epochs", "1", "--no-checkpoint").code()).isZero();

        assertThat(kept.resolve("checkpoint.bin")).as("written by default, for --resume and bnn export").isRegularFile();
        assertThat(skipped.resolve("checkpoint.bin")).doesNotExist();
        assertThat(record(skipped).get("status").asText()).isEqualTo("completed");
    }

    @Test
    void resumingACheckpointedRunEndsWhereAnUninterruptedRunEnds() throws IOException {
        // a constant rate: cosine and step schedules stretch with --epochs, which a resume changes
        var settings = new ArrayList<>(SMALL);
        settings.addAll(List.of("--schedule", "constant", "--checkpoint"));
        Path through = temp.resolve("through");
        Path interrupted = temp.resolve("interrupted");

        assertThat(train(through, settings, "--epochs", "2").code()).isZero();
        assertThat(train(interrupted, settings, "--epochs", "1").code()).isZero();
        assertThat(interrupted.resolve("checkpoint.bin")).isRegularFile();
        Bnn otherSettings = train(interrupted, settings, "--epochs", "2", "--resume", "--lr", "0.01");
        assertThat(otherSettings.code()).as(otherSettings.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(otherSettings.errLines()).singleElement().asString().contains("--resume");
        Bnn resumed = train(interrupted, settings, "--epochs", "2", "--resume");

        assertThat(resumed.code()).as(resumed.toString()).isZero();
        JsonNode expected = record(through);
        JsonNode actual = record(interrupted);
        assertThat(actual.get("status").asText()).isEqualTo("completed");
        assertThat(actual.get("resumedFromEpoch").asInt()).isEqualTo(1);
        assertThat(actual.get("history")).hasSize(2);
        assertThat(withoutTimes(actual.get("history"))).isEqualTo(withoutTimes(expected.get("history")));
        assertThat(actual.get("testTop1")).isEqualTo(expected.get("testTop1"));
        assertThat(actual.get("confusion")).isEqualTo(expected.get("confusion"));
    }

    private static List<String> fieldNames(JsonNode node) {
        var names = new ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode withoutTimes(JsonNode history) {
        JsonNode copy = history.deepCopy();
        for (JsonNode epoch : copy) {
            for (Iterator<String> names = epoch.fieldNames(); names.hasNext(); ) {
                if (TIMES.contains(names.next())) {
                    names.remove();
                }
            }
        }
        return copy;
    }
}
