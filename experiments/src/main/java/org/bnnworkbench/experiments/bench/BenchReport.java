package org.bnnworkbench.experiments.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The result of one {@code bnn bench} run, as JSON or as a table. The JSON is
 *
 * <pre>{@code
 * {"environment": {"bnnVersion", "date",
 *                  "machine": {"cpu", "simd", "cores", "os", "loadAverageBefore", "loadAverageAfter"},
 *                  "java": {"version", "vm", "home", "vectorized", "binaryKernel", "threads"},
 *                  "method": {"quick", "repeat", "targetSeconds", "warmup", "statistic"},
 *                  "popcountLimit": {"effectiveGflops", "assumption", "clockGhz", "cores", "popcntPerCycle", ...},
 *                  "numpy": {"available", "version", "python", "blas", "openblasThreads", "openblasCore", ...}
 *                           or {"available": false, "reason": "numpy not found: no baseline (...)"}},
 *  "results": [{"kernel", "m", "k", "n", "seconds", "effectiveGflops", "repeats", "warmupCalls", "label"}, ...]}
 * }</pre>
 *
 * with one result per kernel and shape, the {@code numpy-sgemm} baseline included. The kernel names are an open
 * list ({@link Kernels}); readers should skip names they do not know. {@code bnn bench --inference} fills
 * {@code "inference": [{"network", "engine", "batch", "seconds", "imagesPerSecond", "msPerImage", ...}]} instead
 * ({@link InferenceMeasurement}).
 */
public record BenchReport(ObjectNode environment, List<Measurement> results, List<InferenceMeasurement> inference) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public BenchReport {
        results = List.copyOf(results);
        inference = List.copyOf(inference);
    }

    /** A kernel report. */
    public BenchReport(ObjectNode environment, List<Measurement> results) {
        this(environment, results, List.of());
    }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.set("environment", environment);
        root.set("results", JSON.valueToTree(results));
        if (!inference.isEmpty()) {
            root.set("inference", JSON.valueToTree(inference));
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report made of numbers and strings must serialise", e);
        }
    }

    /** numpy's GFLOP/s per shape, empty when there was no baseline. */
    private Map<GemmShape, Double> baseline() {
        return gflopsByShape(Kernels.NUMPY_SGEMM);
    }

    private Map<GemmShape, Double> gflopsByShape(String kernel) {
        var byShape = new HashMap<GemmShape, Double>();
        results.stream().filter(r -> r.kernel().equals(kernel))
                .forEach(r -> byShape.put(r.shape(), r.effectiveGflops()));
        return byShape;
    }

    /** The machine, the numpy baseline and one line per measured kernel and shape, with the ratio to numpy. */
    public void printTable(PrintStream out) {
        JsonNode machine = environment.path("machine");
        JsonNode java = environment.path("java");
        JsonNode numpy = environment.path("numpy");
        out.printf(Locale.ROOT, "bnn bench %s: %s, %d cores (%s)%n", environment.path("bnnVersion").asText("?"),
                machine.path("cpu").asText("unknown CPU"), machine.path("cores").asInt(), words(machine.path("simd")));
        out.printf(Locale.ROOT, "java %s (%s), vectorized: %s, binary kernel: %s, threads: %d%n",
                java.path("version").asText(), java.path("home").asText("?"), java.path("vectorized").asBoolean(),
                java.path("binaryKernel").asText("?"), java.path("threads").asInt());
        if (numpy.path("available").asBoolean()) {
            out.printf(Locale.ROOT, "numpy %s (python %s), %s, %s threads (OPENBLAS_NUM_THREADS=%d, as the engine)%n",
                    numpy.path("version").asText(), numpy.path("python").asText(), blasName(numpy),
                    numpy.path("openblasThreads").asText("?"), numpy.path("threadsRequested").asInt());
        } else {
            out.println(numpy.path("reason").asText(NumpyBaseline.NOT_FOUND));
        }
        out.printf(Locale.ROOT, "load average before %s, after %s%n",
                loads(machine.path("loadAverageBefore")), loads(machine.path("loadAverageAfter")));
        JsonNode limit = environment.path("popcountLimit");
        if (!limit.isMissingNode()) {
            out.printf(Locale.ROOT, "popcount limit %.0f effective GFLOP/s (%s)%n",
                    limit.path("effectiveGflops").asDouble(), limit.path("assumption").asText());
        }
        out.println();
        if (!inference.isEmpty()) {
            printInference(out);
            return;
        }
        Map<GemmShape, Double> numpyGflops = baseline();
        String format = "%-22s %5s %5s %6s %10s %8s %8s %8s  %s%n";
        out.printf(Locale.ROOT, format, "kernel", "M", "K", "N", "ms", "GFLOP/s", "numpy", "ours/np", "case");
        for (Measurement r : results) {
            if (r.kernel().equals(Kernels.NUMPY_SGEMM)) {
                continue;
            }
            Double base = numpyGflops.get(r.shape());
            out.printf(Locale.ROOT, format, r.kernel(), r.m(), r.k(), r.n(),
                    String.format(Locale.ROOT, "%.3f", r.seconds() * 1e3),
                    String.format(Locale.ROOT, "%.1f", r.effectiveGflops()),
                    base == null ? "-" : String.format(Locale.ROOT, "%.1f", base),
                    base == null ? "-" : String.format(Locale.ROOT, "%.2fx", r.effectiveGflops() / base),
                    r.label());
        }
        printBinarySummary(out, numpyGflops, limit.path("effectiveGflops").asDouble(0));
        out.println();
        out.println("GFLOP/s = 2*M*K*N / seconds (backward: two GEMMs, 4*M*K*N); seconds = median of repeated calls.");
        out.println("binary rows: K counts bits, so their GFLOP/s compare with the float rows of the same M K N.");
        out.println("conv rows: M K N of the equivalent GEMM, N = batch*H*W; their time includes im2col (and col2im).");
        out.println("numpy = numpy.matmul on float32 of the same M K N, timed the same way in the same run.");
    }

    /** binary-gemm against OpenBLAS, float-gemm and the popcount limit, shape by shape (issue #7's ratios). */
    private void printBinarySummary(PrintStream out, Map<GemmShape, Double> numpyGflops, double limit) {
        Map<GemmShape, Double> floatGflops = gflopsByShape(Kernels.FLOAT_GEMM);
        List<Measurement> binary = results.stream().filter(r -> r.kernel().equals(Kernels.BINARY_GEMM)).toList();
        if (binary.isEmpty()) {
            return;
        }
        out.println();
        for (Measurement r : binary) {
            Double base = numpyGflops.get(r.shape());
            Double fl = floatGflops.get(r.shape());
            out.printf(Locale.ROOT, "binary-gemm %s: %s OpenBLAS, %s float-gemm, %s of the popcount limit%n", r.shape(),
                    base == null ? "-" : String.format(Locale.ROOT, "%.1fx", r.effectiveGflops() / base),
                    fl == null ? "-" : String.format(Locale.ROOT, "%.1fx", r.effectiveGflops() / fl),
                    limit > 0 ? String.format(Locale.ROOT, "%.1f%%", 100 * r.effectiveGflops() / limit) : "-");
        }
    }

    /** Per network: the packed model against the full-precision twin, at the batch and at batch 1. */
    private void printInference(PrintStream out) {
        String format = "%-20s %-24s %5s %10s %10s %10s  %s%n";
        out.printf(Locale.ROOT, format, "network", "engine", "batch", "ms/batch", "images/s", "ms/image", "case");
        for (InferenceMeasurement r : inference) {
            out.printf(Locale.ROOT, format, r.network(), r.engine(), r.batch(),
                    String.format(Locale.ROOT, "%.3f", r.seconds() * 1e3),
                    String.format(Locale.ROOT, "%.0f", r.imagesPerSecond()),
                    String.format(Locale.ROOT, "%.3f", r.msPerImage()), r.label());
        }
        out.println();
        for (InferenceMeasurement packed : inference) {
            if (!packed.engine().equals(InferenceCases.PACKED)) {
                continue;
            }
            inference.stream()
                    .filter(r -> r.engine().equals(InferenceCases.FP_TWIN) && r.network().equals(packed.network())
                            && r.batch() == packed.batch())
                    .findFirst()
                    .ifPresent(twin -> out.printf(Locale.ROOT, "%s batch %d: packed %.2fx the images/s of its "
                                    + "full-precision twin%n", packed.network(), packed.batch(),
                            packed.imagesPerSecond() / twin.imagesPerSecond()));
        }
        out.println();
        out.println("seconds = median of repeated calls on the whole batch; batch 1 gives the latency per image.");
        out.println("weights are the initial ones (untrained): the time does not depend on their values.");
    }

    private static String blasName(JsonNode numpy) {
        String config = numpy.path("openblasConfig").asText("");
        if (!config.isEmpty()) {
            // "OpenBLAS 0.3.31.188.0  USE64BITINT DYNAMIC_ARCH NO_AFFINITY SkylakeX MAX_THREADS=64"
            String[] words = config.trim().split("\\s+");
            String core = numpy.path("openblasCore").asText("");
            return words[0] + " " + (words.length > 1 ? words[1] : "") + (core.isEmpty() ? "" : " (" + core + ")");
        }
        JsonNode blas = numpy.path("blas");
        return blas.path("name").asText("BLAS") + " " + blas.path("version").asText("");
    }

    private static String words(JsonNode values) {
        var list = new ArrayList<String>();
        values.forEach(v -> list.add(v.asText()));
        return String.join(" ", list);
    }

    private static String loads(JsonNode values) {
        var list = new ArrayList<Double>();
        values.forEach(v -> list.add(v.asDouble()));
        return MachineInfo.format(list);
    }
}
