package org.bnnworkbench.experiments.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.bnnworkbench.engine.kernel.Gemm;
import org.bnnworkbench.engine.kernel.Parallel;
import org.bnnworkbench.engine.kernel.binary.XnorGemm;

/**
 * One run of {@code bnn bench}: every {@link FloatCases float case} and {@link BinaryCases binary case} timed by
 * the {@link MedianTimer}, then the numpy baseline on the same GEMM shapes, and what is needed to reproduce the
 * numbers, with this CPU's {@link PopcountLimit}.
 */
public final class Benchmark {

    /** A machine busier than this (1 minute load average) gives noisy numbers: say so. */
    static final double BUSY_LOAD = 1.0;

    /**
     * @param quick a smoke run (one warm-up call, three repeats), for tests
     * @param repeat timed calls per case, or 0 for as many as fill {@code targetSeconds}
     * @param python the interpreter that runs the numpy baseline
     * @param inference time the {@link InferenceCases} instead of the kernels
     */
    public record Settings(boolean quick, int repeat, double targetSeconds, String python, boolean inference) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String version;
    private final PrintStream log;

    /**
     * @param version the workbench version, recorded with the numbers
     * @param log where progress and warnings go (standard error), never the report
     */
    public Benchmark(String version, PrintStream log) {
        this.version = version;
        this.log = log;
    }

    public BenchReport run(Settings settings) {
        List<Double> loadBefore = MachineInfo.loadAverage();
        if (!loadBefore.isEmpty() && loadBefore.get(0) > BUSY_LOAD) {
            log.printf(Locale.ROOT, "bnn bench: warning: the machine is busy (load average %s): timings will be "
                    + "noisy; repeat when it is quiet%n", MachineInfo.format(loadBefore));
        }
        var timer = new MedianTimer(settings.quick(), settings.repeat(), settings.targetSeconds());
        if (settings.inference()) {
            List<InferenceMeasurement> inference = InferenceCases.measure(InferenceCases.NETWORKS, timer, log);
            ObjectNode noBaseline = JSON.createObjectNode().put("available", false)
                    .put("reason", "not run: bnn bench --inference compares engines of the workbench");
            return new BenchReport(environment(settings, loadBefore, MachineInfo.loadAverage(), noBaseline), List.of(),
                    inference);
        }
        var results = new ArrayList<Measurement>();
        var cases = new ArrayList<>(FloatCases.all());
        cases.addAll(BinaryCases.all());
        for (BenchCase c : cases) {
            log.println("bnn bench: " + c.kernel() + " " + c.shape() + " (" + c.label() + ")");
            System.gc(); // the previous case's operands, so no collection of them lands inside a timed call
            results.add(c.measure(timer));
        }
        var shapes = new LinkedHashSet<GemmShape>();
        results.forEach(r -> shapes.add(r.shape()));
        log.println("bnn bench: numpy baseline on " + shapes.size() + " shapes, " + Parallel.threads() + " threads");
        NumpyBaseline.Result numpy = new NumpyBaseline(settings.python(), Parallel.threads())
                .measure(List.copyOf(shapes), settings.quick(), settings.repeat(), settings.targetSeconds());
        if (!numpy.available()) {
            log.println("bnn bench: " + numpy.reason());
        }
        results.addAll(numpy.results());
        List<Double> loadAfter = MachineInfo.loadAverage();
        return new BenchReport(environment(settings, loadBefore, loadAfter, numpy.environment()), results, List.of());
    }

    private ObjectNode environment(Settings settings, List<Double> loadBefore, List<Double> loadAfter,
                                   ObjectNode numpy) {
        ObjectNode env = JSON.createObjectNode();
        env.put("bnnVersion", version);
        env.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        ObjectNode machine = env.putObject("machine");
        machine.put("cpu", MachineInfo.cpu());
        machine.set("simd", JSON.valueToTree(MachineInfo.simd()));
        machine.put("cores", MachineInfo.cores());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        machine.set("loadAverageBefore", JSON.valueToTree(loadBefore));
        machine.set("loadAverageAfter", JSON.valueToTree(loadAfter));
        ObjectNode java = env.putObject("java");
        java.put("version", System.getProperty("java.runtime.version", System.getProperty("java.version")));
        java.put("vm", System.getProperty("java.vm.name"));
        java.put("home", System.getProperty("java.home"));
        java.put("vectorized", Gemm.vectorized());
        java.put("binaryKernel", XnorGemm.kernel().label());
        java.put("threads", Parallel.threads());
        ObjectNode method = env.putObject("method");
        method.put("quick", settings.quick());
        method.put("inference", settings.inference());
        method.put("repeat", settings.repeat());
        method.put("targetSeconds", settings.targetSeconds());
        method.put("warmup", "until the last " + MedianTimer.WINDOW + " calls lie within "
                + Math.round(MedianTimer.SETTLED_SPREAD * 100) + "% of their median (" + MedianTimer.MIN_WARMUP_SECONDS
                + " to " + MedianTimer.MAX_WARMUP_SECONDS + " s)");
        method.put("statistic", "median seconds per call");
        env.set("popcountLimit", PopcountLimit.of(Parallel.threads()).toJson(JSON));
        env.set("numpy", numpy);
        return env;
    }
}
