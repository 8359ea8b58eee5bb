package org.bnnworkbench.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bnnworkbench.experiments.bench.FloatCases;
import org.bnnworkbench.experiments.bench.GemmShape;
import org.bnnworkbench.experiments.bench.Kernels;
import org.bnnworkbench.experiments.bench.NumpyBaseline;
import org.junit.jupiter.api.Test;

/** {@code bnn bench} run in-process, as a user types it. Checks what the report holds, never how fast. */
class BenchCommandTest {

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    private int bnn(String... args) {
        return BnnCommand.standard().run(List.of(args), out, err);
    }

    @Test
    void quickJsonReportCoversEveryFloatGemmShapeWithPositiveSpeed() throws Exception {
        int code = bnn("bench", "--quick", "--json");

        assertThat(code).as(errBytes.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode report = new ObjectMapper().readTree(outBytes.toString(StandardCharsets.UTF_8));
        JsonNode environment = report.path("environment");
        assertThat(environment.path("machine").path("cores").asInt()).isPositive();
        assertThat(environment.path("java").path("threads").asInt()).isPositive();
        assertThat(environment.path("java").has("vectorized")).isTrue();
        assertThat(environment.path("method").path("quick").asBoolean()).isTrue();

        List<GemmShape> floatGemm = new ArrayList<>();
        List<String> kernels = new ArrayList<>();
        for (JsonNode r : report.path("results")) {
            kernels.add(r.path("kernel").asText());
            assertThat(r.path("seconds").asDouble()).as(r.toString()).isPositive();
            assertThat(r.path("effectiveGflops").asDouble()).as(r.toString()).isPositive();
            if (r.path("kernel").asText().equals(Kernels.FLOAT_GEMM)) {
                floatGemm.add(new GemmShape(r.path("m").asInt(), r.path("k").asInt(), r.path("n").asInt()));
            }
        }
        assertThat(floatGemm).contains(new GemmShape(64, 576, 3136), new GemmShape(128, 1152, 784),
                new GemmShape(256, 2304, 196), new GemmShape(512, 512, 512));
        assertThat(floatGemm).containsAll(FloatCases.gemmShapes());
        assertThat(kernels).contains(Kernels.FLOAT_GEMM_SCALAR, Kernels.FLOAT_CONV2D, Kernels.FLOAT_CONV2D_BACKWARD);

        JsonNode numpy = environment.path("numpy");
        if (numpy.path("available").asBoolean()) {
            assertThat(kernels).contains(Kernels.NUMPY_SGEMM);
            assertThat(numpy.path("version").asText()).isNotEmpty();
        } else {
            assertThat(numpy.path("reason").asText()).startsWith(NumpyBaseline.NOT_FOUND);
            assertThat(kernels).doesNotContain(Kernels.NUMPY_SGEMM);
        }
    }

    @Test
    void repeatMustBeAPositiveInteger() {
        int code = bnn("bench", "--repeat", "0");

        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(errBytes.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("bnn bench: --repeat expects a positive integer, got '0'");
    }

    @Test
    void helpListsBench() {
        bnn("help");

        assertThat(outBytes.toString(StandardCharsets.UTF_8)).contains("bench");
    }
}
