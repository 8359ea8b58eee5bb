package org.bnnworkbench.experiments.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bnnworkbench.engine.train.TrainingEvent;
import org.bnnworkbench.experiments.run.ProgressPrinter;
import org.bnnworkbench.experiments.run.RunStatus;
import org.bnnworkbench.experiments.sweep.SweepEvent;
import org.bnnworkbench.experiments.sweep.SweepListener;

/**
 * What {@code bnn sweep} prints on standard error while it runs: a line per point started and ended, each epoch's
 * line and a line every quarter epoch, each prefixed with the point's number and id (points may train in parallel).
 * Each point keeps its complete progress in its own {@code run.log}.
 */
final class SweepProgress implements SweepListener {

    private static final int LINES_PER_EPOCH = 4;

    private final PrintStream err;
    private final Map<String, Integer> epochs = new ConcurrentHashMap<>();
    private int total;
    private int repeats = 1;

    SweepProgress(PrintStream err) {
        this.err = err;
    }

    @Override
    public synchronized void onEvent(SweepEvent event) {
        if (event instanceof SweepEvent.Started s) {
            total = s.points().size();
            repeats = s.sweep().repeats();
            err.printf(Locale.ROOT, "sweep %s: %d point%s, %d with results already, %d to run%n", s.sweep().name(),
                    total, total == 1 ? "" : "s", s.done().size(), s.toRun());
            if (s.ignoredLines() > 0) {
                err.println("note: ignored " + s.ignoredLines() + " unreadable journal line(s), e.g. one a crash cut "
                        + "short; their points run again");
            }
            if (s.staleEntries() > 0) {
                err.println("note: the journal holds " + s.staleEntries() + " run(s) of points this sweep file no "
                        + "longer has (other values or base settings); they are kept, but not in the results");
            }
        } else if (event instanceof SweepEvent.PointStarted p) {
            err.println(prefix(p.point()) + p.point().label() + (repeats > 1 ? ", seed " + p.point().seed() : "")
                    + ": " + (p.resumed()
                    ? "resuming from its checkpoint" : "training"));
        } else if (event instanceof SweepEvent.PointProgress p) {
            progress(p);
        } else if (event instanceof SweepEvent.PointFinished f) {
            finished(f);
        }
        err.flush();
    }

    private void progress(SweepEvent.PointProgress p) {
        TrainingEvent e = p.event();
        if (e instanceof TrainingEvent.Started s) {
            epochs.put(p.point().id(), s.epochs());
        } else if (e instanceof TrainingEvent.Batch b) {
            int every = Math.max(1, (b.batches() + LINES_PER_EPOCH - 1) / LINES_PER_EPOCH);
            if (b.batch() % every == 0 && b.batch() < b.batches()) {
                err.printf(Locale.ROOT, "%sepoch %d batch %d/%d  loss %s  %.0f img/s  ETA %s%n", prefix(p.point()),
                        b.epoch(), b.batch(), b.batches(), ProgressPrinter.loss(b.loss()), b.imagesPerSecond(),
                        ProgressPrinter.duration(b.etaSeconds()));
            }
        } else if (e instanceof TrainingEvent.Epoch epoch) {
            err.println(prefix(p.point()) + ProgressPrinter.epochLine(epoch.metrics(),
                    epochs.getOrDefault(p.point().id(), epoch.metrics().epoch())));
        }
    }

    private void finished(SweepEvent.PointFinished f) {
        if (f.entry() == null) {
            err.println(prefix(f.point()) + "cancelled; it runs again when the sweep is started again");
        } else if (f.entry().status() == RunStatus.COMPLETED) {
            err.printf(Locale.ROOT, "%scompleted: test top-1 %.2f%%, %.1f s%n", prefix(f.point()),
                    100 * f.entry().testTop1(), f.entry().wallSeconds());
        } else {
            err.println(prefix(f.point()) + f.entry().status().id() + ": " + TrainCommand.oneLine(f.entry().message()));
        }
    }

    private String prefix(org.bnnworkbench.experiments.sweep.SweepPoint point) {
        return "[" + (point.index() + 1) + "/" + total + " " + point.id() + "] ";
    }
}
