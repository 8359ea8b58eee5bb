package org.bnnworkbench.experiments.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bnnworkbench.experiments.run.RunRecord;
import org.bnnworkbench.experiments.run.RunStatus;
import org.bnnworkbench.experiments.stats.TestSetError;

/**
 * One line of a run store's list: what the run was (architecture, overrides, data set, every hyperparameter), how it
 * stands and what it gave. A record that says {@code running} while no live process trains it shows as
 * {@link RunStatus#INTERRUPTED}.
 *
 * @param modelSizeBytes null for a record written before costs were recorded
 * @param ops            OPs = FLOPs + BOPs / 64 under BMXNet's counting; null like {@code modelSizeBytes}
 * @param resumable      an interrupted or cancelled run with a checkpoint to continue from
 * @param testImages     the test images its accuracy was measured on; null if the record does not say
 */
public record RunSummary(String id, Path folder, RunStatus status, String message, String arch,
                         Map<String, String> params, boolean fullPrecision, String dataset, Map<String, Object> config,
                         int epochs, double testTop1, long parameters, Long modelSizeBytes, Double ops,
                         double wallSeconds, Instant startedAt, Instant finishedAt, boolean resumable,
                         Integer testImages) {

    /** The keys of the run's own fields, in the order of {@link #values()}; then come config and override keys. */
    public static final List<String> FIELDS = List.of("id", "status", "arch", "fullPrecision", "dataset", "epochs",
            "testTop1", "parameters", "modelSizeBytes", "ops", "wallSeconds", "startedAt", "finishedAt");

    public RunSummary {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }

    static RunSummary of(String id, Path folder, RunRecord record, boolean live, boolean hasCheckpoint) {
        RunStatus status = record.status() == RunStatus.RUNNING && !live ? RunStatus.INTERRUPTED : record.status();
        boolean resumable = hasCheckpoint && (status == RunStatus.INTERRUPTED || status == RunStatus.CANCELLED);
        String dataset = record.dataset() == null ? null : record.dataset().name();
        Long size = record.cost() == null ? null : record.cost().modelSizeBytes();
        Double ops = record.cost() == null ? null : record.cost().ops();
        return new RunSummary(id, folder, status, record.message(), record.arch(), record.params(),
                record.fullPrecision(), dataset, record.config(), record.epochs(), record.testTop1(),
                record.parameters(), size, ops, record.wallSeconds(), record.startedAt(), record.finishedAt(),
                resumable, record.dataset() == null || record.dataset().testImages() < 1 ? null
                        : record.dataset().testImages());
    }

    /**
     * The sampling error of the run's test top-1 on its test set (binomial), or null when the number of test images
     * is unknown or the run has no accuracy yet.
     */
    public TestSetError testSetError() {
        return testImages == null || epochs == 0 || !(testTop1 >= 0 && testTop1 <= 1) ? null
                : new TestSetError(testTop1, testImages);
    }

    /**
     * Every value by key: the {@link #FIELDS} ({@code status} as its word), then every hyperparameter of the record's
     * {@code config}, then the architecture's overrides. What tables show and queries filter and sort by.
     */
    public Map<String, Object> values() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("status", status.id());
        m.put("arch", arch);
        m.put("fullPrecision", fullPrecision);
        m.put("dataset", dataset);
        m.put("epochs", epochs);
        m.put("testTop1", testTop1);
        m.put("parameters", parameters);
        m.put("modelSizeBytes", modelSizeBytes);
        m.put("ops", ops);
        m.put("wallSeconds", wallSeconds);
        m.put("startedAt", startedAt == null ? null : startedAt.toString());
        m.put("finishedAt", finishedAt == null ? null : finishedAt.toString());
        config.forEach(m::putIfAbsent);
        params.forEach(m::putIfAbsent);
        return m;
    }

    /** One value by key ({@code size} is short for {@code modelSizeBytes}); null if the run has none by that key. */
    public Object value(String key) {
        return values().get(key.equals("size") ? "modelSizeBytes" : key);
    }
}
