package org.bnnworkbench.experiments.run;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bnnworkbench.engine.kernel.Gemm;
import org.bnnworkbench.engine.kernel.Parallel;
import org.bnnworkbench.engine.train.EpochMetrics;

/**
 * What one training run was and what it gave, as stored in {@code run.json}: enough to reproduce it (architecture,
 * data set, every hyperparameter and the seed, the machine) and to compare it with others (per-epoch history, final
 * accuracy, speed, confusion matrix). Accuracies are fractions in [0, 1].
 *
 * @param history          one entry per finished epoch, those before a resume included
 * @param testTop1         top-1 test accuracy after the last finished epoch (0 before the first)
 * @param epochs           the number of finished epochs, {@code history.size()}
 * @param resumedFromEpoch the epochs a checkpoint had already done when this run continued it (0: a fresh start)
 * @param wallSeconds      wall time of this process's training, from start (or resume) to now or to the end
 * @param imagesPerSecond  mean training throughput over the epochs in {@code history}
 * @param confusion        the final evaluation's confusion matrix (rows: true class, columns: predicted); empty
 *                         while the run is still running
 * @param finishedAt       null while the run is running
 */
@JsonPropertyOrder({"format", "version", "status", "message", "arch", "dataset", "config", "history", "testTop1",
        "epochs", "resumedFromEpoch", "wallSeconds", "imagesPerSecond", "parameters", "confusion", "environment",
        "startedAt", "finishedAt"})
public record RunRecord(String format, int version, RunStatus status, String message, String arch,
                        Dataset dataset, Map<String, Object> config, List<EpochMetrics> history, double testTop1,
                        int epochs, int resumedFromEpoch, double wallSeconds, double imagesPerSecond, long parameters,
                        int[][] confusion, Environment environment, Instant startedAt, Instant finishedAt) {

    /** The value of {@code format}, so that a reader can tell a run record from any other JSON file. */
    public static final String FORMAT = "bnn-workbench/run";
    /** Raised when a field changes meaning or disappears; adding fields keeps the version. */
    public static final int VERSION = 1;

    public RunRecord {
        config = Collections.unmodifiableMap(new LinkedHashMap<>(config)); // keeps the order asMap() gave
        history = List.copyOf(history);
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
