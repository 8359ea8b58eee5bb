package org.bnnworkbench.experiments.sweep;

import java.util.List;
import org.bnnworkbench.engine.train.TrainingEvent;
import org.bnnworkbench.experiments.run.RunRecord;

/** What a {@link SweepRunner} tells its listeners, from its worker threads: started, per point, finished. */
public sealed interface SweepEvent {

    /**
     * Before the first point trains.
     *
     * @param points       every point of the sweep, in order
     * @param done         the points' entries already in the journal, which will not run again
     * @param toRun        the points that will run (unless cancelled or out of time)
     * @param staleEntries journal entries of points the sweep file no longer has (kept, not in the results)
     * @param ignoredLines journal lines that did not parse, e.g. one half-written by a crash
     */
    record Started(Sweep sweep, List<SweepPoint> points, List<JournalEntry> done, int toRun, int staleEntries,
                   int ignoredLines) implements SweepEvent {
    }

    /** @param resumed whether the point's run continues from a checkpoint a stopped sweep left */
    record PointStarted(SweepPoint point, boolean resumed) implements SweepEvent {
    }

    /** Every event of a point's training: batches, epochs (with their metrics), its start and end. */
    record PointProgress(SweepPoint point, TrainingEvent event) implements SweepEvent {
    }

    /**
     * A point's run has ended.
     *
     * @param record its final record; null if the run could not start at all, or was cancelled before it started
     * @param entry  its journal line; null if it was cancelled (then it runs again next time)
     */
    record PointFinished(SweepPoint point, RunRecord record, JournalEntry entry) implements SweepEvent {
    }

    record Finished(SweepResult result) implements SweepEvent {
    }
}
