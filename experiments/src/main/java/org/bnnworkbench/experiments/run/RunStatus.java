package org.bnnworkbench.experiments.run;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.bnnworkbench.engine.train.TrainingResult;

/**
 * Where a run stands, as written in its record: {@code running} until it ends as {@code completed},
 * {@code cancelled}, {@code diverged} or {@code failed}. {@code interrupted} is never written: it is what a run store
 * shows for a record that says {@code running} while no live process trains it (it crashed or was killed).
 */
public enum RunStatus {
    RUNNING, COMPLETED, CANCELLED, DIVERGED, FAILED, INTERRUPTED;

    /** The word in {@code run.json}, e.g. {@code "completed"}. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static RunStatus byId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    static RunStatus of(TrainingResult.Status status) {
        return switch (status) {
            case COMPLETED -> COMPLETED;
            case CANCELLED -> CANCELLED;
            case DIVERGED -> DIVERGED;
        };
    }
}
