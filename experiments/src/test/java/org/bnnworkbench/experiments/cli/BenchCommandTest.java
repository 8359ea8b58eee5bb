package org.bnnworkbench.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bnnworkbench.experiments.bench.FloatCases;
import org.bnnworkbench.experiments.bench.GemmShape;
import org.bnnworkbench.experiments.bench.InferenceCases;
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

    /** One quick run serves every test that reads the report: a run times every case and takes a while. */
    private static JsonNode quickReport;
    private static String quickErr;

    private static synchronized JsonNode quickReport() throws Exception {
        if (quickReport == null) {
            var out = new ByteArrayOutputStream();
            var err = new ByteArrayOutputStream();
            int code = BnnCommand.standard().run(List.of("bench", "--quick", "--json"),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            quickErr = err.toString(StandardCharsets.UTF_8);
            assertThat(code).as(quickErr).isZero();
            quickReport = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        }
        return quickReport;
    }

    private static List<GemmShape> shapesOf(JsonNode report, String kernel) {
        List<GemmShape> shapes = new ArrayList<>();
        for (JsonNode r : report.path("results")) {
            if (r.path("kernel").asText().equals(kernel)) {
                shapes.add(new GemmShape(r.path("m").asInt(), r.path("k").asInt(), r.path("n").asInt()));
            }
        }
        return shapes;
    }

    @Test
    void quickJsonReportCoversEveryFloatGemmShapeWithPositiveSpeed() throws Exception {
        JsonNode report = quickReport();
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
    void quickJsonReportHasBinaryGemmRowsForTheThreeIssueShapesInTheSameRunAsTheBaseline() throws Exception {
        JsonNode report = quickReport();
        List<GemmShape> issueShapes = List.of(new GemmShape(64, 576, 3136), new GemmShape(128, 1152, 784),
                new GemmShape(256, 2304, 196));

        assertThat(shapesOf(report, "binary-gemm")).containsExactlyElementsOf(issueShapes);
        assertThat(shapesOf(report, Kernels.BINARY_CONV2D)).hasSize(6);
        for (JsonNode r : report.path("results")) {
            if (r.path("kernel").asText().equals("binary-gemm")) {
                GemmShape s = new GemmShape(r.path("m").asInt(), r.path("k").asInt(), r.path("n").asInt());
                assertThat(r.path("effectiveGflops").asDouble())
                        .isCloseTo(s.flops() / r.path("seconds").asDouble() / 1e9, withinPercentage(0.001));
            }
        }
        if (report.path("environment").path("numpy").path("available").asBoolean()) {
            assertThat(shapesOf(report, Kernels.NUMPY_SGEMM)).containsAll(issueShapes);
        }
        JsonNode limit = report.path("environment").path("popcountLimit");
        assertThat(limit.path("effectiveGflops").asDouble()).isPositive();
        assertThat(limit.path("assumption").asText()).contains("POPCNT/cycle x 64 bits");
    }

    @Test
    void inferenceReportSetsEachPackedNetworkAgainstItsTwinAtTheBatchAndAtBatchOne() throws Exception {
        int code = bnn("bench", "--inference", "--quick", "--json");

        assertThat(code).as(errBytes.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode report = new ObjectMapper().readTree(outBytes.toString(StandardCharsets.UTF_8));
        assertThat(report.path("environment").path("method").path("inference").asBoolean()).isTrue();
        List<String> rows = new ArrayList<>();
        for (JsonNode r : report.path("inference")) {
            rows.add(r.path("network").asText() + " " + r.path("engine").asText() + " " + r.path("batch").asInt());
            assertThat(r.path("imagesPerSecond").asDouble()).as(r.toString())
                    .isCloseTo(r.path("batch").asInt() / r.path("seconds").asDouble(), withinPercentage(0.001));
        }
        for (String network : InferenceCases.NETWORKS) {
            assertThat(rows).contains(network + " packed 128", network + " fp-twin 128", network + " packed 1",
                    network + " fp-twin 1", network + " binary-training-engine 128");
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
