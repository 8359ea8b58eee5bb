package org.bnnworkbench.experiments.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The same-run baseline: numpy's float32 {@code matmul}, i.e. the BLAS numpy was built with (OpenBLAS in the
 * wheels), timed by a small Python script ({@code numpy_sgemm.py}) with the rule of {@link MedianTimer}. The
 * script gets the shapes as JSON and answers in JSON. OpenBLAS is given as many threads as the engine uses
 * ({@code OPENBLAS_NUM_THREADS}, and {@code OMP_NUM_THREADS}/{@code MKL_NUM_THREADS} for other builds), and
 * the script reports the count OpenBLAS really took.
 */
public final class NumpyBaseline {

    /** The words every report starts with when there is no baseline. */
    public static final String NOT_FOUND = "numpy not found: no baseline";

    private static final String SCRIPT = "numpy_sgemm.py";
    private static final List<String> THREAD_VARIABLES =
            List.of("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS");
    private static final long TIMEOUT_MINUTES = 15;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String python;
    private final int threads;

    /**
     * @param python the interpreter to run, e.g. {@code "python3"}
     * @param threads the thread count to give OpenBLAS: the engine's, {@code Parallel.threads()}
     */
    public NumpyBaseline(String python, int threads) {
        this.python = python;
        this.threads = threads;
    }

    /**
     * What the script found: {@code environment} describes numpy and its BLAS (or why there is none, in
     * {@code reason}); {@code results} holds one {@code numpy-sgemm} measurement per shape.
     */
    public record Result(boolean available, ObjectNode environment, List<Measurement> results) {

        public String reason() {
            return environment.path("reason").asText("");
        }
    }

    public Result measure(List<GemmShape> shapes, boolean quick, int repeat, double targetSeconds) {
        ObjectNode request = JSON.createObjectNode();
        var list = request.putArray("shapes");
        shapes.forEach(s -> list.addArray().add(s.m()).add(s.k()).add(s.n()));
        request.put("quick", quick).put("repeat", repeat).put("targetSeconds", targetSeconds);
        var command = List.of(python, "-c", script(), request.toString());
        var builder = new ProcessBuilder(command);
        Map<String, String> variables = new LinkedHashMap<>();
        THREAD_VARIABLES.forEach(name -> variables.put(name, Integer.toString(threads)));
        builder.environment().putAll(variables);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return unavailable(python + " could not be started: " + e.getMessage());
        }
        try {
            process.getOutputStream().close();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            String out = read(process.getInputStream());
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return unavailable(python + " did not finish in " + TIMEOUT_MINUTES + " minutes");
            }
            if (process.exitValue() != 0) {
                return unavailable(python + " failed (exit " + process.exitValue() + "): " + lastLine(err.join()));
            }
            return parse(out, variables);
        } catch (JsonProcessingException e) {
            return unavailable(python + " printed no JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return unavailable("could not talk to " + python + ": " + e.getMessage());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return unavailable("interrupted");
        }
    }

    private Result parse(String out, Map<String, String> variables) throws JsonProcessingException {
        JsonNode answer = JSON.readTree(out);
        if (!answer.path("available").asBoolean(false)) {
            return unavailable(python + " " + answer.path("python").asText("") + " says: "
                    + answer.path("reason").asText("no numpy"));
        }
        ObjectNode environment = JSON.createObjectNode();
        environment.put("available", true);
        answer.properties().forEach(field -> {
            if (!field.getKey().equals("results") && !field.getKey().equals("available")) {
                environment.set(field.getKey(), field.getValue());
            }
        });
        environment.put("threadsRequested", threads);
        environment.set("threadVariables", JSON.valueToTree(variables));
        var results = new ArrayList<Measurement>();
        for (JsonNode r : answer.path("results")) {
            var shape = new GemmShape(r.path("m").asInt(), r.path("k").asInt(), r.path("n").asInt());
            double seconds = r.path("seconds").asDouble();
            results.add(new Measurement(Kernels.NUMPY_SGEMM, shape.m(), shape.k(), shape.n(), seconds,
                    shape.flops() / seconds / 1e9, r.path("repeats").asInt(), r.path("warmupCalls").asInt(),
                    "numpy.matmul float32"));
        }
        return new Result(true, environment, List.copyOf(results));
    }

    private static Result unavailable(String why) {
        ObjectNode environment = JSON.createObjectNode();
        environment.put("available", false);
        environment.put("reason", NOT_FOUND + " (" + why + ")");
        return new Result(false, environment, List.of());
    }

    private static String script() {
        try (InputStream in = NumpyBaseline.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1];
    }
}
