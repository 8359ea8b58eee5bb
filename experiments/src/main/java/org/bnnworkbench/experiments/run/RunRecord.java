package org.bnnworkbench.experiments.run;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bnnworkbench.engine.cost.NetworkCost;
import org.bnnworkbench.engine.kernel.Gemm;
import org.bnnworkbench.engine.kernel.Parallel;
import org.bnnworkbench.engine.train.EpochMetrics;

/**
 * What one training run was and what it gave, as stored in {@code run.json}: enough to reproduce it (architecture,
 * data set, every hyperparameter and the seed, the machine) and to compare it with others (per-epoch history, final
 * accuracy, speed, confusion matrix). Accuracies are fractions in [0, 1].
 *
 * @param arch             the architecture as named: a named network, a family or a network file
 * @param params           the parameter overrides of the named network or family (empty for none)
 * @param fullPrecision    whether the run trained the architecture's full-precision twin
 * @param history          one entry per finished epoch, those before a resume included
 * @param testTop1         top-1 test accuracy after the last finished epoch (0 before the first)
 * @param epochs           the number of finished epochs, {@code history.size()}
 * @param resumedFromEpoch the epochs a checkpoint had already done when this run continued it (0: a fresh start)
 * @param wallSeconds      wall time of this process's training, from start (or resume) to now or to the end
 * @param imagesPerSecond  mean training throughput over the epochs in {@code history}
 * @param confusion        the final evaluation's confusion matrix (rows: true class, columns: predicted); empty
 *                         while the run is still running
 * @param cost             the network's size and operations under BMXNet's counting; null in records written
 *                         before costs were recorded
 * @param finishedAt       null while the run is running
 * @param spec             the network trained, as a network file holds it ({@link
 *                         org.bnnworkbench.engine.spec.SpecJson}); null in records written before specs were recorded
 */
@JsonPropertyOrder({"format", "version", "status", "message", "arch", "params", "fullPrecision", "dataset", "config",
        "history", "testTop1", "epochs", "resumedFromEpoch", "wallSeconds", "imagesPerSecond", "parameters", "cost",
        "confusion", "environment", "startedAt", "finishedAt", "spec"})
public record RunRecord(String format, int version, RunStatus status, String message, String arch,
                        Map<String, String> params, boolean fullPrecision, Dataset dataset, Map<String, Object> config,
                        List<EpochMetrics> history, double testTop1, int epochs, int resumedFromEpoch,
                        double wallSeconds, double imagesPerSecond, long parameters, Cost cost, int[][] confusion,
                        Environment environment, Instant startedAt, Instant finishedAt, JsonNode spec) {

    /** The value of {@code format}, so that a reader can tell a run record from any other JSON file. */
    public static final String FORMAT = "bnn-workbench/run";
    /** Raised when a field changes meaning or disappears; adding fields keeps the version. */
    public static final int VERSION = 1;

    public RunRecord {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params == null ? Map.of() : params));
        config = Collections.unmodifiableMap(new LinkedHashMap<>(config)); // keeps the order asMap() gave
        history = List.copyOf(history);
        spec = spec == null || spec.isNull() ? null : spec; // JSON null reads as a NullNode
    }

    /** A record without overrides, cost or spec, as the first records were. */
    public RunRecord(String format, int version, RunStatus status, String message, String arch, Dataset dataset,
                     Map<String, Object> config, List<EpochMetrics> history, double testTop1, int epochs,
                     int resumedFromEpoch, double wallSeconds, double imagesPerSecond, long parameters,
                     int[][] confusion, Environment environment, Instant startedAt, Instant finishedAt) {
        this(format, version, status, message, arch, Map.of(), false, dataset, config, history, testTop1, epochs,
                resumedFromEpoch, wallSeconds, imagesPerSecond, parameters, null, confusion, environment, startedAt,
                finishedAt, null);
    }

    /**
     * The size and operations of the network, as {@code bnn cost} counts them.
     *
     * @param convention    the counting convention, {@code bmxnet}
     * @param binaryParams  binary weights (1 bit each)
     * @param fpParams      all other parameters (32 bits each)
     * @param flops         32-bit multiply-accumulates
     * @param bops          binary multiply-accumulates
     * @param ops           {@code flops + bops / 64}
     */
    @JsonPropertyOrder({"convention", "binaryParams", "fpParams", "modelSizeBytes", "modelSizeMB", "modelSizeMiB",
            "flops", "bops", "ops"})
    public record Cost(String convention, long binaryParams, long fpParams, long modelSizeBytes, double modelSizeMB,
                       double modelSizeMiB, long flops, long bops, double ops) {

        public static Cost of(NetworkCost cost) {
            return new Cost(cost.convention().id(), cost.binaryParams(), cost.fpParams(), cost.modelSizeBytes(),
                    cost.modelSizeMB(), cost.modelSizeMiB(), cost.flops(), cost.bops(), cost.ops());
        }
    }

    /**
     * The data set a run trained on.
     *
     * @param source      the folder it was read from, or a classpath location for the embedded subset
     * @param trainImages the training images used (after {@code --train-limit})
     * @param testImages  the test images evaluated (after {@code --test-limit})
     * @param input       the image shape as height x width x channels, e.g. {@code 28x28x1}
     * @param licence     the attribution the data set's licence asks for, or null when unknown
     */
    @JsonPropertyOrder({"name", "source", "trainImages", "testImages", "input", "classes", "licence"})
    public record Dataset(String name, String source, int trainImages, int testImages, String input, int classes,
                          String licence) {
    }

    /**
     * The machine and software a run used: numbers are only comparable between runs with the same kernels.
     *
     * @param threads    the engine's worker threads
     * @param vectorized whether the Vector API kernels ran (else the about 15x slower plain-Java ones)
     */
    @JsonPropertyOrder({"workbench", "java", "os", "threads", "vectorized"})
    public record Environment(String workbench, String java, String os, int threads, boolean vectorized) {

        /** This JVM and machine, with this build's version, the engine's current thread count and kernels. */
        public static Environment current() {
            return current(WorkbenchVersion.current());
        }

        /** This JVM and machine, with the engine's current thread count and kernels. */
        public static Environment current(String workbenchVersion) {
            return new Environment(workbenchVersion,
                    System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
                    System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                            + System.getProperty("os.arch"),
                    Parallel.threads(), Gemm.vectorized());
        }
    }
}
