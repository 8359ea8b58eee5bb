package org.bnnworkbench.app.sweeps;

import java.util.Map;
import org.bnnworkbench.experiments.run.RunStatus;
import org.bnnworkbench.experiments.sweep.JournalEntry;

/**
 * One row of a sweep's results: a point whose run ended, as its journal line says (the same values as
 * {@code results.csv}), and whether it is the best completed run so far.
 */
public record ResultRow(JournalEntry entry, boolean best) {

    public String id() {
        return entry.id();
    }

    public Map<String, Object> point() {
        return entry.point();
    }

    public RunStatus status() {
        return entry.status();
    }

    public double testTop1() {
        return entry.testTop1();
    }

    public boolean completed() {
        return entry.status() == RunStatus.COMPLETED;
    }
}
