package org.bnnworkbench.experiments.report;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import org.bnnworkbench.experiments.run.RunRecord;
import org.bnnworkbench.experiments.run.RunStatus;

/**
 * One run as a report shows it: its record and where it came from.
 *
 * @param id     the run's folder name (for a sweep's run, the point id, e.g. {@code p002-1a2b3c4d})
 * @param sweep  the name of the sweep it belongs to, or null for a run given on its own
 * @param point  for a sweep's run its swept values, e.g. {@code clip=0.5}; null for a run given on its own
 * @param folder the run's folder
 * @param configuration for a sweep's run its swept values without the seed (the configuration it is a seed of);
 *               null for a run given on its own
 */
public record ReportRun(String id, String sweep, String point, Path folder, RunRecord record, String configuration) {

    /** The hyperparameters that only binary layers use: a full-precision twin ignores them. */
    static final Set<String> BINARY_ONLY = Set.of("clip", "estimator", "scaling", "padValue");

    public ReportRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(record, "record");
    }

    /** A run whose configuration is its point (no seed among the swept values). */
    public ReportRun(String id, String sweep, String point, Path folder, RunRecord record) {
        this(id, sweep, point, folder, record, point);
    }

    /** The swept values for a sweep's run, else the run's id: what a chart writes beside its point. */
    public String shortLabel() {
        return point == null ? id : point;
    }

    /** {@code sweep/id} or {@code id}. */
    public String label() {
        return sweep == null ? id : sweep + "/" + id;
    }

    public String dataset() {
        return record.dataset() == null ? "unknown data set" : record.dataset().name();
    }

    public boolean completed() {
        return record.status() == RunStatus.COMPLETED;
    }

    /** The design trained, e.g. {@code bnn-small}, {@code dense growthRate=32}, {@code bnn-small (full-precision twin)}. */
    public String designName() {
        var name = new StringBuilder(record.arch());
        record.params().forEach((k, v) -> name.append(' ').append(k).append('=').append(v));
        if (record.fullPrecision()) {
            name.append(" (full-precision twin)");
        }
        return name.toString();
    }
}
