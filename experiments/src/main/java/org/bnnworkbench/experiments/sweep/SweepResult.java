package org.bnnworkbench.experiments.sweep;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.bnnworkbench.experiments.run.RunStatus;

/**
 * Where a sweep stands after {@link SweepRunner#run()}.
 *
 * @param results      the journal's entries of the sweep's points, earlier runs included, in point order
 * @param ranNow       the points whose runs ended in this call
 * @param notRun       the points without a result: cancelled, or left when the time budget ran out
 * @param cancelled    whether {@link SweepRunner#cancel()} stopped it
 * @param outOfTime    whether the time budget stopped new points from starting
 */
public record SweepResult(String name, Path folder, List<SweepPoint> points, List<JournalEntry> results, int ranNow,
                          int notRun, boolean cancelled, boolean outOfTime) {

    public SweepResult {
        points = List.copyOf(points);
        results = List.copyOf(results);
    }

    /** The results aggregated by configuration, with the ranking. */
    public SweepSummary summary() {
        List<String> names = new java.util.ArrayList<>();
        points.stream().findFirst().ifPresent(p -> p.values().keySet().forEach(k -> names.add(k.name())));
        return SweepSummary.of(names, results);
    }

    /** The completed run with the highest test top-1. */
    public Optional<JournalEntry> highest() {
        return ResultsCsv.highest(results);
    }

    /** Runs that ended otherwise than completed: diverged or failed. */
    public long failed() {
        return results.stream().filter(e -> e.status() != RunStatus.COMPLETED).count();
    }

    public boolean isComplete() {
        return results.size() == points.size();
    }
}
