package org.bnnworkbench.app.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import org.bnnworkbench.app.charts.UpdateThrottle;
import org.bnnworkbench.app.designer.model.Design;
import org.bnnworkbench.engine.data.DatasetSplit;
import org.bnnworkbench.engine.spec.NetworkSpec;
import org.bnnworkbench.engine.spec.SpecJson;
import org.bnnworkbench.engine.train.EpochMetrics;
import org.bnnworkbench.engine.train.TrainingEvent;
import org.bnnworkbench.experiments.run.RunRecord;
import org.bnnworkbench.experiments.run.RunSettings;
import org.bnnworkbench.experiments.run.TrainingRun;
import org.bnnworkbench.experiments.store.RunStore;

/**
 * The training view's model: checks that the design open in the Designer fits the chosen data set, trains it (and
 * its full-precision twin, after it or beside it) on background threads, keeps every run in the {@link RunStore},
 * and publishes progress on the FX thread at most {@value #UPDATES_PER_SECOND} times a second. Start, pause, resume
 * and cancel act on every run of the current training. All methods are called on the FX thread.
 */
public final class TrainingModel {

    static final int UPDATES_PER_SECOND = 10;

    /** Where the training stands. */
    public enum State {
        IDLE, PREPARING, TRAINING, PAUSED, STOPPING;

        public boolean busy() {
            return this != IDLE;
        }
    }

    /** The two runs a training may have. */
    public enum Role {
        BINARY("binary"), TWIN("full-precision twin");

        private final String label;

        Role(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What the charts hear, on the FX thread. */
    public interface Display {

        /** A new training starts: clear everything; {@code roles} are the runs it will have. */
        void reset(List<Role> roles);

        /** New points of one run. */
        void update(Role role, RunProgress.Update update);

        /** A run ended (completed, cancelled, diverged or failed); its record and the data set's class names. */
        void finished(Role role, RunRecord record, List<String> classNames);
    }

    private final RunStore store;
    private final Path designs;
    private final DatasetCache datasets;
    private final Executor fx;
    private final ObservableValue<Design> design;
    private final TrainingForm form = new TrainingForm();
    private final List<Display> displays = new CopyOnWriteArrayList<>();
    private final List<Runnable> runsChanged = new CopyOnWriteArrayList<>();
    private final UpdateThrottle throttle;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Choose a data set and press Start.");
    private final ReadOnlyStringWrapper eta = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper gap = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyObjectWrapper<DesignFit> fit = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper fitMessage = new ReadOnlyStringWrapper("");
    private final AtomicLong fitRevision = new AtomicLong();
    private final Map<Role, Job> jobs = new EnumMap<>(Role.class);
    private final Map<Role, List<EpochMetrics>> history = new EnumMap<>(Role.class);
    private boolean active;
    private volatile boolean cancelRequested;

    /** One run of the current training; its fields are written on the FX thread. */
    private static final class Job {
        final Role role;
        final RunProgress progress;
        volatile TrainingRun run;
        String id;
        String title;
        TrainingEvent.Batch latest;
        int epochs;
        RunRecord record;
        /** Why the run ended without a record: it failed to start, or was cancelled before it started. */
        String endedWithout;

        boolean ended() {
            return record != null || endedWithout != null;
        }

        Job(Role role, RunProgress progress) {
            this.role = role;
            this.progress = progress;
        }
    }

    /**
     * @param design     the design open in the Designer
     * @param designs    where network files of plain-block designs are written
     * @param fx         {@code Platform::runLater} in the app
     */
    public TrainingModel(ObservableValue<Design> design, RunStore store, Path designs, DatasetCache datasets,
                         Executor fx) {
        this.design = design;
        this.store = store;
        this.designs = designs;
        this.datasets = datasets;
        this.fx = fx;
        this.throttle = new UpdateThrottle(1000 / UPDATES_PER_SECOND, fx, this::publish);
        design.addListener((obs, old, d) -> {
            if (old == null || !old.spec().equals(d.spec()) || !java.util.Objects.equals(old.family(), d.family())) {
                checkFit();
            }
        });
        form.datasetProperty().addListener((obs, old, name) -> checkFit());
    }

    public TrainingForm form() {
        return form;
    }

    public RunStore store() {
        return store;
    }

    public DatasetCache datasets() {
        return datasets;
    }

    public void addDisplay(Display display) {
        displays.add(display);
    }

    /** Called on the FX thread after a run was created or ended, so that lists of runs can refresh. */
    public void onRunsChanged(Runnable listener) {
        runsChanged.add(listener);
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State state() {
        return state.get();
    }

    /** One line: what is happening, or how the last training ended. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Throughput and the estimated time left, while training. */
    public ReadOnlyStringProperty etaProperty() {
        return eta.getReadOnlyProperty();
    }

    /** The twin's test top-1 minus the binary run's, once both have an epoch; empty otherwise. */
    public ReadOnlyStringProperty gapProperty() {
        return gap.getReadOnlyProperty();
    }

    /** From 0 to 1 over every batch of every run of the current training. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Whether and how the design fits the data set; null while it is being checked. */
    public ReadOnlyObjectProperty<DesignFit> fitProperty() {
        return fit.getReadOnlyProperty();
    }

    /** The fit's message, or why the data set cannot be loaded, or that it is being checked. */
    public ReadOnlyStringProperty fitMessageProperty() {
        return fitMessage.getReadOnlyProperty();
    }

    /** The ids of the current (or last) training's runs, binary first. */
    public List<String> runIds() {
        var ids = new ArrayList<String>();
        jobs.values().forEach(j -> {
            if (j.id != null) {
                ids.add(j.id);
            }
        });
        return ids;
    }

    /** The data set is looked at only once the training (or sweeps) tab is used. */
    public void activate() {
        if (!active) {
            active = true;
            checkFit();
        }
    }

    /** Checks the design against the data set in the background; only the newest check is published. */
    public void checkFit() {
        if (!active) {
            return;
        }
        long revision = fitRevision.incrementAndGet();
        Design d = design.getValue();
        String dataset = form.dataset();
        fit.set(null);
        fitMessage.set("Loading " + dataset + " and checking the design against it\u2026");
        datasets.load(dataset).thenApply(data -> DesignFit.of(d, dataset, data.train(), designs))
                .whenComplete((result, failure) -> fx.execute(() -> {
                    if (revision != fitRevision.get()) {
                        return;
                    }
                    if (failure != null) {
                        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                        fitMessage.set("Cannot load " + dataset + ": " + cause.getMessage());
                    } else {
                        fit.set(result);
                        fitMessage.set(result.message());
                    }
                }));
    }

    /**
     * The design and the form as the base of a sweep: empty while the design does not fit the data set. A design of
     * plain blocks gets its network file written now, as the sweep file names it.
     */
    public java.util.Optional<RunSettings> sweepBase() {
        DesignFit f = fit.get();
        if (f == null || !f.fits()) {
            return java.util.Optional.empty();
        }
        if (f.file() != null && !Files.exists(f.file())) {
            try {
                Files.createDirectories(f.file().getParent());
                SpecJson.save(f.spec(), f.file());
            } catch (IOException e) {
                status.set("Cannot write the design's network file " + f.file() + ": " + e.getMessage());
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.of(f.settings().withConfig(form.config()));
    }

    /** Trains the design; with {@code twin}, its full-precision twin too, after it or beside it. */
    public void start(boolean twin) {
        DesignFit f = fit.get();
        if (state.get().busy()) {
            return;
        }
        if (f == null || !f.fits()) {
            status.set(f == null ? fitMessage.get() : f.message());
            return;
        }
        if (twin && f.isFullPrecision()) {
            status.set("The design is full precision already: it is its own twin. Press Start to train it.");
            return;
        }
        RunSettings binary = f.settings().withConfig(form.config());
        List<Role> roles = twin ? List.of(Role.BINARY, Role.TWIN) : List.of(Role.BINARY);
        boolean parallel = twin && form.twinInParallelProperty().get();
        begin(roles);
        status.set("Loading " + binary.dataset() + " and building " + binary.arch() + "\u2026");
        Job first = jobs.get(Role.BINARY);
        Job second = jobs.get(Role.TWIN);
        NetworkSpec spec = f.spec();
        List<Job> all = second == null ? List.of(first) : List.of(first, second);
        thread("bnn-training", all, () -> {
            DatasetSplit data = datasets.get(binary.dataset());
            if (f.file() != null && !Files.exists(f.file())) {
                Files.createDirectories(f.file().getParent());
                SpecJson.save(spec, f.file());
            }
            if (second != null && parallel) {
                thread("bnn-training-twin", List.of(second),
                        () -> train(second, binary.withFullPrecision(true), f.twinSpec(), data));
            }
            train(first, binary, spec, data);
            if (second != null && !parallel) {
                train(second, binary.withFullPrecision(true), f.twinSpec(), data);
            }
        });
    }

    /** Continues an interrupted or cancelled run of the store, with charts from its first epoch. */
    public void resumeRun(String id) {
        if (state.get().busy()) {
            status.set("Wait until the current training ends, or cancel it, before resuming run " + id + ".");
            return;
        }
        RunRecord before;
        try {
            before = store.record(id);
        } catch (IOException | RuntimeException e) {
            status.set("Cannot read run " + id + ": " + e.getMessage());
            return;
        }
        Role role = before.fullPrecision() ? Role.TWIN : Role.BINARY;
        begin(List.of(role));
        Job job = jobs.get(role);
        history.get(role).addAll(before.history());
        for (Display d : displays) {
            d.update(role, new RunProgress.Update(null, before.history(), List.of(), null, null));
        }
        status.set("Resuming run " + id + " from epoch " + before.epochs() + "\u2026");
        thread("bnn-training", List.of(job), () -> {
            DatasetSplit data = datasets.get(before.dataset().name());
            TrainingRun run = store.resume(id, data);
            runJob(job, run, before.arch(), data);
        });
    }

    public void pause() {
        if (state.get() == State.TRAINING) {
            jobs.values().forEach(j -> {
                if (j.run != null) {
                    j.run.pause();
                }
            });
            state.set(State.PAUSED);
            status.set("Paused after the current batch. Resume goes on from there; Cancel ends the run.");
        }
    }

    public void resume() {
        if (state.get() == State.PAUSED) {
            jobs.values().forEach(j -> {
                if (j.run != null) {
                    j.run.resume();
                }
            });
            state.set(State.TRAINING);
            status.set("Training again\u2026");
        }
    }

    /** Stops every run after its current batch; their records say cancelled and they can be resumed later. */
    public void cancel() {
        if (state.get() == State.TRAINING || state.get() == State.PAUSED || state.get() == State.PREPARING) {
            cancelRequested = true;
            jobs.values().forEach(j -> {
                if (j.run != null) {
                    j.run.cancel();
                }
            });
            state.set(State.STOPPING);
            status.set("Cancelling after the current batch\u2026");
        }
    }

    // ---- the training threads ---------------------------------------------------------------------------

    private interface Work {
        void run() throws Exception;
    }

    /** Runs work on a new thread; if it fails, those of {@code jobs} that have no run yet (or no record) end so. */
    private void thread(String name, List<Job> affected, Work work) {
        Thread t = new Thread(() -> {
            try {
                work.run();
            } catch (Exception | OutOfMemoryError e) {
                String why = e.getMessage() != null ? e.getMessage() : e.toString();
                fx.execute(() -> failed(affected, why));
            }
        }, name);
        t.setDaemon(true); // a run cut short by quitting is "interrupted" in the store and can be resumed
        t.start();
    }

    private void train(Job job, RunSettings settings, NetworkSpec spec, DatasetSplit data) throws IOException {
        if (cancelRequested) {
            fx.execute(() -> {
                job.endedWithout = "cancelled before it started";
                endIfDone();
            });
            return;
        }
        TrainingRun run = store.create(settings, spec, data);
        runJob(job, run, settings.arch() + (settings.fullPrecision() ? " (full-precision twin)" : ""), data);
    }

    private void runJob(Job job, TrainingRun run, String title, DatasetSplit data) {
        job.run = run;
        run.addListener(job.progress);
        String id = run.directory().path().getFileName().toString();
        fx.execute(() -> {
            job.id = id;
            job.title = Path.of(title).getFileName().toString();
            if (state.get() == State.PREPARING) {
                state.set(State.TRAINING);
            }
            if (state.get() == State.PAUSED) {
                run.pause();
            }
            runsChanged.forEach(Runnable::run);
        });
        if (cancelRequested) {
            run.cancel();
        }
        RunRecord record = run.run();
        List<String> classes = data.train().classNames();
        fx.execute(() -> {
            publish();
            job.record = record;
            displays.forEach(d -> d.finished(job.role, record, classes));
            runsChanged.forEach(Runnable::run);
            endIfDone();
        });
    }

    // ---- on the FX thread -------------------------------------------------------------------------------

    private void begin(List<Role> roles) {
        cancelRequested = false;
        jobs.clear();
        history.clear();
        for (Role r : roles) {
            jobs.put(r, new Job(r, new RunProgress(throttle::request)));
            history.put(r, new ArrayList<>());
        }
        gap.set("");
        eta.set("");
        progress.set(0);
        state.set(State.PREPARING);
        displays.forEach(d -> d.reset(roles));
    }

    /** Hands every run's news to the displays and updates status, progress and gap; throttled. */
    private void publish() {
        for (Job job : jobs.values()) {
            RunProgress.Update u = job.progress.drain();
            if (u.started() != null) {
                job.epochs = u.started().epochs();
            }
            if (u.latestBatch() != null) {
                job.latest = u.latestBatch();
            }
            history.get(job.role).addAll(u.epochs());
            if (!u.epochs().isEmpty() || !u.smoothedLoss().isEmpty() || u.started() != null) {
                displays.forEach(d -> d.update(job.role, u));
            }
        }
        showProgress();
        showGap();
    }

    private void showProgress() {
        double sum = 0;
        var parts = new ArrayList<String>();
        var speeds = new ArrayList<String>();
        for (Job job : jobs.values()) {
            TrainingEvent.Batch b = job.latest;
            if (job.record != null && job.record.status() == org.bnnworkbench.experiments.run.RunStatus.COMPLETED) {
                sum += 1;
                continue;
            }
            if (b == null || job.epochs == 0) {
                continue;
            }
            sum += ((b.epoch() - 1) * (double) b.batches() + b.batch()) / ((double) job.epochs * b.batches());
            if (job.ended()) {
                continue;
            }
            boolean evaluating = b.batch() == b.batches() && history.get(job.role).size() < b.epoch();
            parts.add((jobs.size() > 1 ? job.role.label() + ": " : "") + TrainingStatus.batch(b, job.epochs,
                    evaluating));
            speeds.add(TrainingStatus.speed(b));
        }
        progress.set(jobs.isEmpty() ? 0 : sum / jobs.size());
        if (state.get() == State.TRAINING && !parts.isEmpty()) {
            Job first = jobs.values().iterator().next();
            status.set("Training " + (first.title == null ? "" : first.title + " ") + "on " + form.dataset() + ": "
                    + String.join("; ", parts));
            eta.set(String.join("; ", speeds));
        }
    }

    private void showGap() {
        String text = TrainingStatus.gap(history.get(Role.BINARY), history.get(Role.TWIN));
        if (text != null) {
            gap.set(text);
        }
    }

    private void endIfDone() {
        if (jobs.values().stream().anyMatch(j -> !j.ended())) {
            return;
        }
        publish();
        var outcomes = new ArrayList<String>();
        for (Job job : jobs.values()) {
            outcomes.add(outcome(job));
        }
        status.set(String.join("; ", outcomes));
        eta.set("");
        state.set(State.IDLE);
    }

    private String outcome(Job job) {
        return TrainingStatus.outcome(jobs.size() > 1 ? job.role.label() + " " : "", job.id, job.record,
                job.endedWithout);
    }

    private void failed(List<Job> affected, String why) {
        for (Job j : affected) {
            if (!j.ended()) {
                j.endedWithout = "failed: " + why;
                if (j.run != null) {
                    j.run.cancel();
                }
            }
        }
        endIfDone();
        if (state.get().busy()) {
            status.set("Stopped: " + why);
        }
    }
}
