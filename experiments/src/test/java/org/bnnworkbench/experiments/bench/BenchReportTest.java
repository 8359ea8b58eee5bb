package org.bnnworkbench.experiments.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static BenchReport report() {
        var environment = JSON.createObjectNode();
        environment.putObject("machine").put("cores", 2);
        environment.putObject("numpy").put("available", true).put("version", "2.0").put("threadsRequested", 2);
        environment.set("popcountLimit", new PopcountLimit(2.5, 2, 4, false, false).toJson(JSON));
        return new BenchReport(environment, List.of(
                new Measurement(Kernels.FLOAT_GEMM, 64, 576, 3136, 0.004, 57.8, 10, 5, "A"),
                new Measurement("binary-gemm", 64, 576, 3136, 0.001, 231.2, 10, 5, "a kernel added later"),
                new Measurement(Kernels.NUMPY_SGEMM, 64, 576, 3136, 0.002, 115.6, 10, 5, "numpy")));
    }

    @Test
    void tableGivesTheRatioToNumpyOnTheSameShape() {
        var bytes = new ByteArrayOutputStream();

        report().printTable(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String table = bytes.toString(StandardCharsets.UTF_8);
        assertThat(table).containsPattern("float-gemm +64 +576 +3136 +4\\.000 +57\\.8 +115\\.6 +0\\.50x");
        assertThat(table).containsPattern("binary-gemm .* 2\\.00x");
        assertThat(table).doesNotContain("numpy-sgemm");
    }

    @Test
    void tableSetsBinaryGemmAgainstOpenBlasFloatGemmAndThePopcountLimit() {
        var bytes = new ByteArrayOutputStream();

        report().printTable(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        // limit: 2 * 4 * 64 * 2.5 GHz * 2 cores = 2560 GFLOP/s; 231.2 / 2560 = 9.0%
        String table = bytes.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("popcount limit 2560 effective GFLOP/s (4 POPCNT/cycle x 64 bits x 2.50 GHz x 2 "
                + "cores x 2 flops per binary MAC)");
        assertThat(table).contains("binary-gemm 64x576x3136: 2.0x OpenBLAS, 4.0x float-gemm, 9.0% of the popcount limit");
    }

    @Test
    void jsonHoldsTheEnvironmentAndOneObjectPerResult() throws Exception {
        JsonNode root = JSON.readTree(report().toJson());

        assertThat(root.path("environment").path("machine").path("cores").asInt()).isEqualTo(2);
        assertThat(root.path("results")).hasSize(3);
        JsonNode first = root.path("results").get(0);
        assertThat(first.path("kernel").asText()).isEqualTo("float-gemm");
        assertThat(first.path("m").asInt()).isEqualTo(64);
        assertThat(first.path("k").asInt()).isEqualTo(576);
        assertThat(first.path("n").asInt()).isEqualTo(3136);
        assertThat(first.path("seconds").asDouble()).isEqualTo(0.004);
        assertThat(first.path("effectiveGflops").asDouble()).isEqualTo(57.8);
    }
}
