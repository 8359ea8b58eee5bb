package org.bnnworkbench.app.sweeps;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.bnnworkbench.app.charts.UpdateThrottle;
import org.bnnworkbench.app.training.DatasetCache;
import org.bnnworkbench.engine.train.TrainingEvent;
import org.bnnworkbench.experiments.run.RunInUseException;
import org.bnnworkbench.experiments.sweep.JournalEntry;
import org.bnnworkbench.experiments.sweep.ResultsCsv;
import org.bnnworkbench.experiments.sweep.SweepSummary;
import org.bnnworkbench.experiments.sweep.Sweep;
import org.bnnworkbench.experiments.sweep.SweepEvent;
import org.bnnworkbench.experiments.sweep.SweepFileException;
import org.bnnworkbench.experiments.sweep.SweepPoint;
import org.bnnworkbench.experiments.sweep.SweepResult;
import org.bnnworkbench.experiments.sweep.SweepRunner;

/**
 * Runs a sweep from the Sweeps tab through {@link SweepRunner}, the runner {@code bnn sweep} uses, in a folder of
 * the user's choosing: the same journal, results and run records as the command line. Publishes on the FX thread:
 * one task per point (progress at most ten times a second), the results as runs end, and their
 * {@link SweepAnalysis} (configurations, verdict, charts), made on a thread of its own at most four times a second,
 * with the runs of a clearly best configuration marked. The progress view lists the running points and the next
 * {@value #WAITING_SHOWN} waiting ones, each with its cancel button; the rest join as those end. All methods are
 * called on the FX thread.
 */
public final class SweepModel {

    static final int WAITING_SHOWN = 4;

    private final DatasetCache datasets;
    private final Executor fx;
    private final ExecutorService taskThreads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sweep-point-task");
        t.setDaemon(true);
        return t;
    });
    private final ObservableList<Task<?>> tasks = FXCollections.observableArrayList();
    private final ObservableList<ResultRow> results = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<List<String>> parameters = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Path> folder = new ReadOnlyObjectWrapper<>();
    private final Map<String, PointTask> byId = new LinkedHashMap<>();
    private final java.util.Deque<PointTask> pending = new java.util.ArrayDeque<>();
    private final Map<String, TrainingEvent.Batch> latest = new ConcurrentHashMap<>();
    private final UpdateThrottle throttle;
    private final ReadOnlyObjectWrapper<SweepAnalysis> analysis = new ReadOnlyObjectWrapper<>(
            SweepAnalysis.empty(List.of()));
    private final ExecutorService analyst = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sweep-analysis");
        t.setDaemon(true);
        return t;
    });
    private final UpdateThrottle analysisThrottle;
    private long analyses;
    private String sweepName = "";
    private String dataset = "";
    private SweepRunner runner;
    private int parallelRuns = 1;

    public SweepModel(DatasetCache datasets, Executor fx) {
        this.datasets = datasets;
        this.fx = fx;
        this.throttle = new UpdateThrottle(100, fx, this::showProgress);
        this.analysisThrottle = new UpdateThrottle(250, fx, this::analyse);
    }

    /** The points to run, for the {@code TaskProgressView}. */
    public ObservableList<Task<?>> tasks() {
        return tasks;
    }

    /** The ended runs in point order, earlier ones of the same folder included. */
    public ObservableList<ResultRow> results() {
        return results;
    }

    /** The swept parameters' names, in the sweep's order. */
    public ReadOnlyObjectProperty<List<String>> parametersProperty() {
        return parameters.getReadOnlyProperty();
    }

    /** The ended runs by configuration, the verdict and the charts, as of the latest analysis. */
    public ReadOnlyObjectProperty<SweepAnalysis> analysisProperty() {
        return analysis.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The folder of the sweep shown. */
    public ReadOnlyObjectProperty<Path> folderProperty() {
        return folder.getReadOnlyProperty();
    }

    /**
     * Runs the sweep in {@code out} (an existing folder is resumed: points with results are not trained again).
     * The points' networks are built first, on the sweep's thread; a point that cannot be built stops it there.
     */
    public void run(Sweep sweep, Path out, int parallel) {
        if (running.get()) {
            return;
        }
        running.set(true);
        folder.set(out);
        tasks.clear();
        byId.clear();
        pending.clear();
        results.clear();
        latest.clear();
        var names = new ArrayList<String>();
        sweep.parameters().forEach(p -> names.add(p.name()));
        parameters.set(List.copyOf(names));
        sweepName = sweep.name();
        dataset = sweep.base().dataset();
        analyses++;
        analysis.set(SweepAnalysis.empty(parameters.get()));
        status.set("Building " + sweep.size() + (sweep.size() == 1 ? " point" : " points") + " of sweep "
                + sweep.name() + "\u2026");
        parallelRuns = parallel;
        SweepRunner r = new SweepRunner(sweep, out).parallel(parallel).datasets(datasets::get);
        runner = r;
        r.addListener(this::heard);
        Thread t = new Thread(() -> {
            try {
                r.run();
            } catch (SweepFileException e) {
                stopped("The sweep cannot run: " + e.getMessage());
            } catch (RunInUseException | IOException e) {
                stopped("The sweep cannot run in " + out + ": " + e.getMessage());
            } catch (RuntimeException e) {
                stopped("The sweep stopped: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            }
        }, "bnn-sweep");
        t.setDaemon(true);
        t.start();
    }

    /** Stops every running point after its current batch; no new point starts. Run again to go on. */
    public void cancel() {
        if (runner != null && running.get()) {
            runner.cancel();
            status.set("Cancelling: the running points stop after their current batch\u2026");
        }
    }

    /** Shows a message where the sweep's status goes, e.g. that a file was saved. */
    void say(String text) {
        status.set(text);
    }

    private void stopped(String why) {
        fx.execute(() -> {
            status.set(why);
            endTasks();
            running.set(false);
        });
    }

    /** On the sweep's threads. */
    private void heard(SweepEvent event) {
        if (event instanceof SweepEvent.PointProgress p) {
            if (p.event() instanceof TrainingEvent.Batch b) {
                latest.put(p.point().id(), b);
                throttle.request();
            }
            return;
        }
        fx.execute(() -> handle(event));
    }

    private void handle(SweepEvent event) {
        if (event instanceof SweepEvent.Started s) {
            for (JournalEntry e : s.done()) {
                results.add(new ResultRow(e, false));
            }
            analysisThrottle.request();
            for (SweepPoint p : s.points()) {
                if (s.done().stream().noneMatch(e -> e.id().equals(p.id()))) {
                    var task = new PointTask(p, s.points().size(), id -> {
                        runner.cancel(id);
                        showWaiting();
                    });
                    byId.put(p.id(), task);
                    pending.add(task);
                }
            }
            showWaiting();
            status.set(String.format(Locale.ROOT, "Sweep %s: %d points, %d with results already, %d to run, %d at"
                    + " a time, in %s", s.sweep().name(), s.points().size(), s.done().size(), s.toRun(),
                    parallelRuns, folder.get()));
        } else if (event instanceof SweepEvent.PointStarted s) {
            PointTask task = byId.get(s.point().id());
            if (task != null && pending.remove(task)) {
                show(task);
            }
            if (task != null && !task.isDone()) {
                task.show(0, s.resumed() ? "resuming from its checkpoint" : "training");
            }
        } else if (event instanceof SweepEvent.PointFinished f) {
            PointTask task = byId.remove(f.point().id());
            latest.remove(f.point().id());
            if (task != null) {
                pending.remove(task);
                task.end();
            }
            showWaiting();
            if (f.entry() != null) {
                results.removeIf(r -> r.id().equals(f.entry().id()));
                int at = 0;
                while (at < results.size() && results.get(at).entry().index() < f.entry().index()) {
                    at++;
                }
                results.add(at, new ResultRow(f.entry(), false));
                analysisThrottle.request();
            }
        } else if (event instanceof SweepEvent.Finished f) {
            endTasks();
            running.set(false);
            status.set(summary(f.result()));
        }
    }

    /** Keeps the running points and the next few waiting ones in the progress view. */
    private void showWaiting() {
        long active = tasks.stream().filter(t -> !t.isDone()).count();
        while (active < parallelRuns + WAITING_SHOWN && !pending.isEmpty()) {
            PointTask task = pending.poll();
            if (!task.isDone()) {
                show(task);
                active++;
            }
        }
    }

    /** A task in the view runs (on a worker that waits for the point to end), so that its cancel button works. */
    private void show(PointTask task) {
        tasks.add(task);
        taskThreads.execute(task);
    }

    /** Points never started (cancelled sweep, time budget) leave the progress view. */
    private void endTasks() {
        pending.clear();
        for (PointTask task : List.copyOf(byId.values())) {
            task.end();
            if (!task.isDone()) {
                task.cancel();
            }
        }
        byId.clear();
        tasks.clear();
    }

    private void showProgress() {
        for (var e : latest.entrySet()) {
            PointTask task = byId.get(e.getKey());
            TrainingEvent.Batch b = e.getValue();
            if (task != null && !task.isDone()) {
                int epochs = task.point().settings().config().epochs();
                double done = ((b.epoch() - 1) * (double) b.batches() + b.batch()) / ((double) epochs * b.batches());
                task.show(Math.min(1, done), String.format(Locale.ROOT, "epoch %d/%d, batch %d/%d, %.0f images/s",
                        b.epoch(), epochs, b.batch(), b.batches(), b.imagesPerSecond()));
            }
        }
    }

    /** Aggregates the results as they stand on the analysis thread; only the newest analysis is shown. */
    private void analyse() {
        long n = ++analyses;
        List<String> names = parameters.get();
        List<JournalEntry> entries = results.stream().map(ResultRow::entry).toList();
        String name = sweepName;
        String data = dataset;
        analyst.execute(() -> {
            try {
                SweepAnalysis made = SweepAnalysis.of(names, entries, name, data);
                fx.execute(() -> {
                    if (n == analyses) {
                        analysis.set(made);
                        markBest(made.summary());
                    }
                });
            } catch (RuntimeException e) {
                fx.execute(() -> status.set("Cannot aggregate the results by configuration: " + e));
            }
        });
    }

    /** Marks the runs of the clearly best configuration; none while no configuration is clearly best. */
    private void markBest(SweepSummary summary) {
        for (int i = 0; i < results.size(); i++) {
            ResultRow r = results.get(i);
            boolean best = r.completed() && summary.isOfBest(r.entry());
            if (r.best() != best) {
                results.set(i, new ResultRow(r.entry(), best));
            }
        }
    }

    private static String summary(SweepResult result) {
        var text = new StringBuilder("Sweep " + result.name() + ": " + result.results().size() + " of "
                + result.points().size() + " points have results (" + result.ranNow() + " trained now)");
        if (result.cancelled()) {
            text.append("; cancelled: run it again to train the rest");
        } else if (result.outOfTime()) {
            text.append("; the time budget ran out");
        } else if (result.notRun() > 0) {
            text.append("; ").append(result.notRun()).append(result.notRun() == 1 ? " cancelled point trains"
                    : " cancelled points train").append(" when it runs again");
        }
        if (result.failed() > 0) {
            text.append("; ").append(result.failed()).append(" ended otherwise than completed");
        }
        return text.append('.').toString();
    }

    static String label(JournalEntry e) {
        var parts = new ArrayList<String>();
        e.point().forEach((k, v) -> parts.add(k + "=" + ResultsCsv.value(v)));
        return String.join(", ", parts);
    }
}
