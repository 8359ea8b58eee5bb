package org.bnnworkbench.experiments.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.bnnworkbench.engine.train.EpochMetrics;
import org.bnnworkbench.engine.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRecordJsonTest {

    @TempDir
    Path temp;

    private static RunRecord record(RunStatus status) {
        var epoch = new EpochMetrics(1, 1.5, 0.4, 1.25, 0.5, 0.9, 0.15, 0.004, 3.5, 140.0, 1e-3);
        return new RunRecord(RunRecord.FORMAT, RunRecord.VERSION, status, "completed 1 epochs", "bnn-small",
                new RunRecord.Dataset("fashion-mnist-subset", "classpath:/x/", 128, 64, "28x28x1", 10, null),
                TrainingConfig.defaults().asMap(), List.of(epoch), 0.5, 1, 0, 4.0, 140.0, 1234,
                new int[][] {{1, 0}, {0, 1}}, new RunRecord.Environment("0.1", "17", "Linux", 2, true),
                Instant.parse("2026-01-02T03:04:05.678Z"), Instant.parse("2026-01-02T03:04:09.678Z"));
    }

    @Test
    void aRecordReadsBackAsItWasWritten() throws IOException {
        RunRecord written = record(RunStatus.COMPLETED);
        Path file = temp.resolve("run.json");

        RunRecordJson.write(file, written);
        RunRecord read = RunRecordJson.read(file);

        assertThat(read).usingRecursiveComparison().ignoringFields("config").isEqualTo(written);
        assertThat(read.config().keySet()).containsExactlyElementsOf(written.config().keySet());
        assertThat(RunRecordJson.toJson(read)).isEqualTo(RunRecordJson.toJson(written));
        assertThat(Files.list(temp)).containsExactly(file);
    }

    @Test
    void statusAndTimesAreWrittenAsWords() {
        String json = RunRecordJson.toJson(record(RunStatus.CANCELLED));

        assertThat(json).contains("\"status\":\"cancelled\"").contains("\"startedAt\":\"2026-01-02T03:04:05.678Z\"");
        assertThat(json.indexOf("\"format\"")).isLessThan(json.indexOf("\"status\""));
        assertThat(json.indexOf("\"testTop1\":0.5,")).isGreaterThan(json.indexOf("\"history\""));
    }

    @Test
    void writingAgainReplacesTheRecordWhole() throws IOException {
        Path file = temp.resolve("run.json");
        RunRecordJson.write(file, record(RunStatus.RUNNING));

        RunRecordJson.write(file, record(RunStatus.COMPLETED));

        assertThat(RunRecordJson.read(file).status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(temp.resolve("run.json.tmp")).doesNotExist();
    }
}
