package org.bnnworkbench.experiments.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.bnnworkbench.engine.data.DatasetCatalog;
import org.bnnworkbench.engine.data.DatasetSplit;
import org.bnnworkbench.engine.data.LabelledImages;
import org.bnnworkbench.engine.spec.InputShape;
import org.bnnworkbench.engine.spec.NetworkSpec;
import org.bnnworkbench.experiments.run.AtomicFile;
import org.bnnworkbench.experiments.run.LockFile;
import org.bnnworkbench.experiments.run.RunDirectory;
import org.bnnworkbench.experiments.run.RunInUseException;
import org.bnnworkbench.experiments.run.RunRecord;
import org.bnnworkbench.experiments.run.RunStatus;
import org.bnnworkbench.experiments.run.TrainingRun;
import org.bnnworkbench.experiments.store.RunStore;

/**
 * Runs a sweep in a folder, headless: each point as a {@link TrainingRun} in {@code DIR/runs/<id>/} (a
 * {@link RunStore}), {@code parallel} at a time. After each run it appends the run's line to
 * {@code DIR/journal.jsonl} and rewrites {@code DIR/results.csv}; the sweep file's text is kept as
 * {@code DIR/sweep.json}. Running a sweep again in the same folder resumes it: points with a journal line are not run
 * again; a point whose run was stopped with a checkpoint to go on from continues from it, otherwise starts afresh; a
 * run whose record says it ended but whose journal line a crash prevented is written to the journal without training
 * again. While it runs it holds {@code DIR/sweep.lock}, so two sweeps never share a folder.
 *
 * <p>A runner runs once; to go on after a cancel, make a new one on the same folder.
 *
 * <pre>{@code
 * var runner = new SweepRunner(SweepFile.read(file), folder).parallel(2);
 * runner.addListener(event -> ...);            // on the sweep's threads
 * SweepResult result = runner.run();           // blocks; runner.cancel() from any thread
 * }</pre>
 */
public final class SweepRunner {

    public static final String RUNS = "runs";
    public static final String SWEEP_FILE = "sweep.json";
    public static final String LOCK = "sweep.lock";

    private final Sweep sweep;
    private final Path folder;
    private final RunStore store;
    private final List<SweepListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final Map<String, TrainingRun> running = new ConcurrentHashMap<>();
    private final Set<String> skipped = ConcurrentHashMap.newKeySet();
    private int parallel;
    private Prepared prepared;
    private boolean started;
    private Function<String, DatasetSplit> datasets = name -> new DatasetCatalog().resolve(name);

    public SweepRunner(Sweep sweep, Path folder) {
        this.sweep = sweep;
        this.folder = folder;
        this.store = new RunStore(folder.resolve(RUNS));
        this.parallel = sweep.parallel();
    }

    /** How many points train at once (the sweep file's {@code parallel} unless set here). */
    public SweepRunner parallel(int points) {
        if (points < 1) {
            throw new IllegalArgumentException("parallel must be at least 1, got " + points);
        }
        this.parallel = points;
        return this;
    }

    /** Where the data set comes from, by name; by default the {@link DatasetCatalog}. */
    public SweepRunner datasets(Function<String, DatasetSplit> loader) {
        this.datasets = loader;
        return this;
    }

    public SweepRunner addListener(SweepListener listener) {
        listeners.add(listener);
        return this;
    }

    /** The run store that holds the sweep's runs, {@code DIR/runs}. */
    public RunStore store() {
        return store;
    }

    /** From any thread: no new point starts, and the running ones stop after their current batch. */
    public void cancel() {
        cancelled.set(true);
        running.values().forEach(TrainingRun::cancel);
    }

    /**
     * From any thread: one point is not trained in this sweep: if it runs, it stops after its current batch; if it
     * waits, it does not start. Like a cancelled sweep's points it gets no journal line, so running the sweep again
     * trains it. Its {@link SweepEvent.PointFinished} has no entry.
     */
    public void cancel(String pointId) {
        skipped.add(pointId);
        TrainingRun run = running.get(pointId);
        if (run != null) {
            run.cancel();
        }
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /**
     * Makes the points, loads the data set and builds every point's network, touching no file: a point whose network
     * cannot be built stops the sweep before any training. {@link #run()} does this first if it was not done.
     *
     * @throws SweepFileException naming the point that cannot be built
     */
    public synchronized void prepare() {
        if (prepared != null) {
            return;
        }
        List<SweepPoint> points = sweep.points();
        DatasetSplit data = datasets.apply(sweep.base().dataset());
        prepared = new Prepared(points, data, specs(points, data));
    }

    /**
     * Runs the points that have no result yet and returns where the sweep stands.
     *
     * @throws SweepFileException if a point's network cannot be built for the data set (before any training)
     * @throws RunInUseException  if another sweep runs in the folder now
     * @throws IOException        if the folder, the journal or the results cannot be written
     */
    public SweepResult run() throws IOException {
        synchronized (this) {
            if (started) {
                throw new IllegalStateException("a SweepRunner runs once; a new one on the same folder resumes");
            }
            started = true;
        }
        prepare();
        Files.createDirectories(folder);
        Optional<LockFile> lock = LockFile.tryAcquire(folder.resolve(LOCK));
        if (lock.isEmpty()) {
            throw new RunInUseException("another sweep is running in '" + folder + "' now");
        }
        try (LockFile held = lock.get(); SweepJournal journal = SweepJournal.open(folder.resolve(SweepJournal.FILE))) {
            return run(journal);
        }
    }

    private SweepResult run(SweepJournal journal) throws IOException {
        List<SweepPoint> points = prepared.points();
        DatasetSplit data = prepared.data();
        Map<String, NetworkSpec> specs = prepared.specs();
        if (sweep.source() != null) {
            AtomicFile.write(folder.resolve(SWEEP_FILE), sweep.source().getBytes(StandardCharsets.UTF_8));
        }
        var results = new Results(journal, points);
        adoptEndedRuns(results, points);
        Queue<SweepPoint> queue = new ConcurrentLinkedQueue<>();
        points.stream().filter(p -> !results.has(p.id())).forEach(queue::add);
        results.rewriteCsv();
        long staleEntries = journal.contents().entries().keySet().stream()
                .filter(id -> points.stream().noneMatch(p -> p.id().equals(id))).count();
        emit(new SweepEvent.Started(sweep, points, results.entries(), queue.size(), (int) staleEntries,
                journal.contents().ignoredLines()));

        long start = System.nanoTime();
        double budget = sweep.secondsBudget();
        var outOfTime = new AtomicBoolean();
        var ranNow = new AtomicInteger();
        var failure = new AtomicReference<RuntimeException>();
        int threads = Math.max(1, Math.min(parallel, queue.size()));
        var names = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bnn-sweep-" + names.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < threads; i++) {
            workers.execute(() -> {
                try {
                    while (!cancelled.get()) {
                        SweepPoint point = queue.poll();
                        if (point == null) {
                            return;
                        }
                        if (budget > 0 && (System.nanoTime() - start) / 1e9 >= budget) {
                            outOfTime.set(true);
                            return;
                        }
                        if (skipped.contains(point.id())) {
                            emit(new SweepEvent.PointFinished(point, null, null));
                            continue;
                        }
                        if (runPoint(point, specs.get(point.id()), data, results)) {
                            ranNow.incrementAndGet();
                        }
                    }
                } catch (RuntimeException e) {
                    // the journal or the results cannot be written: stop everything, say why
                    failure.compareAndSet(null, e);
                    cancel();
                }
            });
        }
        workers.shutdown();
        awaitUninterruptibly(workers);
        if (failure.get() instanceof UncheckedIOException e) {
            throw e.getCause();
        } else if (failure.get() != null) {
            throw failure.get();
        }
        results.rewriteCsv();
        var result = new SweepResult(sweep.name(), folder, points, results.entries(), ranNow.get(),
                points.size() - results.entries().size(), cancelled.get(), outOfTime.get());
        emit(new SweepEvent.Finished(result));
        return result;
    }

    private record Prepared(List<SweepPoint> points, DatasetSplit data, Map<String, NetworkSpec> specs) {
    }

    /** Builds every point's network before any training, so that a bad point stops the sweep at once. */
    private static Map<String, NetworkSpec> specs(List<SweepPoint> points, DatasetSplit data) {
        LabelledImages train = data.train();
        var input = new InputShape(train.height(), train.width(), train.channels());
        Map<String, NetworkSpec> specs = new ConcurrentHashMap<>();
        for (SweepPoint p : points) {
            try {
                specs.put(p.id(), p.settings().spec(input, train.classes()));
            } catch (RuntimeException e) {
                throw new SweepFileException("point " + p.index() + " (" + p.label() + ")", p.settings().arch()
                        + " cannot be built for " + p.settings().dataset() + " (" + input + ", " + train.classes()
                        + " classes): " + e.getMessage());
            }
        }
        return specs;
    }

    /**
     * A run that ended (completed or diverged) but has no journal line, because the process died between writing the
     * record and the line: the record is the result, so it goes into the journal instead of training again.
     */
    private void adoptEndedRuns(Results results, List<SweepPoint> points) throws IOException {
        for (SweepPoint p : points) {
            RunDirectory directory = store.directory(p.id());
            if (results.has(p.id()) || !directory.hasRecord() || directory.isInUse()) {
                continue;
            }
            try {
                RunRecord record = directory.readRecord();
                if (record.status() == RunStatus.COMPLETED || record.status() == RunStatus.DIVERGED) {
                    results.add(JournalEntry.of(p, record, recordPath(p)));
                }
            } catch (IOException | RuntimeException e) {
                // an unreadable record: the point trains again
            }
        }
    }

    /** Trains one point; returns whether it ended with a result (not cancelled). */
    private boolean runPoint(SweepPoint point, NetworkSpec spec, DatasetSplit data, Results results) {
        TrainingRun run = null;
        boolean resumed = false;
        try {
            if (store.canResume(point.id())) {
                try {
                    run = store.resume(point.id(), data);
                    resumed = true;
                } catch (IOException | RuntimeException e) {
                    run = null; // a checkpoint that does not fit: start afresh
                }
            }
            if (run == null) {
                store.delete(point.id()); // what a stopped run left, if anything
                run = store.create(point.id(), point.settings(), spec, data);
            }
        } catch (IOException | RuntimeException e) {
            return finish(point, null, JournalEntry.failed(point, recordPath(point), e.getMessage()), results);
        }
        TrainingRun training = run;
        running.put(point.id(), training);
        if (cancelled.get() || skipped.contains(point.id())) {
            training.cancel();
        }
        training.addListener(event -> emit(new SweepEvent.PointProgress(point, event)));
        emit(new SweepEvent.PointStarted(point, resumed));
        RunRecord record;
        try {
            record = training.run();
        } catch (RuntimeException e) {
            return finish(point, null, JournalEntry.failed(point, recordPath(point), e.getMessage()), results);
        } finally {
            running.remove(point.id());
        }
        if (record.status() == RunStatus.CANCELLED && (cancelled.get() || skipped.contains(point.id()))) {
            emit(new SweepEvent.PointFinished(point, record, null));
            return false;
        }
        return finish(point, record, JournalEntry.of(point, record, recordPath(point)), results);
    }

    private boolean finish(SweepPoint point, RunRecord record, JournalEntry entry, Results results) {
        try {
            results.add(entry);
            results.rewriteCsv();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sweep's journal or results in " + folder, e);
        }
        emit(new SweepEvent.PointFinished(point, record, entry));
        return true;
    }

    private static String recordPath(SweepPoint point) {
        return RUNS + "/" + point.id() + "/" + RunDirectory.RECORD;
    }

    private void emit(SweepEvent event) {
        for (SweepListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                // a listener's bug must not stop the runs; the journal and results stay right
            }
        }
    }

    private static void awaitUninterruptibly(ExecutorService workers) {
        boolean interrupted = false;
        while (true) {
            try {
                if (workers.awaitTermination(1, TimeUnit.DAYS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The journal's entries of this sweep's points, and the CSV made from them; shared by the workers. */
    private final class Results {
        private final SweepJournal journal;
        private final List<SweepPoint> points;
        private final Map<String, JournalEntry> byId = new ConcurrentHashMap<>();

        Results(SweepJournal journal, List<SweepPoint> points) {
            this.journal = journal;
            this.points = points;
            byId.putAll(journal.contents().entries());
            // journals older than testImages: take it from the records, for each run's test-set error
            SweepJournal.withTestImages(folder, new ArrayList<>(byId.values())).forEach(e -> byId.put(e.id(), e));
        }

        boolean has(String id) {
            return byId.containsKey(id);
        }

        synchronized void add(JournalEntry entry) throws IOException {
            journal.append(entry);
            byId.putIfAbsent(entry.id(), entry);
        }

        List<JournalEntry> entries() {
            return SweepJournal.inOrder(byId, points);
        }

        synchronized void rewriteCsv() throws IOException {
            List<String> names = new ArrayList<>();
            sweep.parameters().forEach(p -> names.add(p.name()));
            List<JournalEntry> entries = entries();
            ResultsCsv.write(folder.resolve(ResultsCsv.FILE), names, entries);
            SummaryCsv.write(folder, SweepSummary.of(names, entries), entries);
        }
    }
}
