package org.bnnworkbench.experiments.replication;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.bnnworkbench.engine.data.DatasetCatalog;
import org.bnnworkbench.engine.data.DatasetSplit;
import org.bnnworkbench.experiments.run.AtomicFile;
import org.bnnworkbench.experiments.run.RunDirectory;
import org.bnnworkbench.experiments.run.RunRecord;
import org.bnnworkbench.experiments.run.RunRecordJson;
import org.bnnworkbench.experiments.run.RunSettings;
import org.bnnworkbench.experiments.run.RunStatus;
import org.bnnworkbench.experiments.sweep.SweepJournal;
import org.bnnworkbench.experiments.sweep.SweepPoint;
import org.bnnworkbench.experiments.sweep.Sweep;
import org.bnnworkbench.experiments.sweep.SweepFile;
import org.bnnworkbench.experiments.sweep.SweepListener;
import org.bnnworkbench.experiments.sweep.SweepResult;
import org.bnnworkbench.experiments.sweep.SweepRunner;

/**
 * Runs replication studies, each as a resumable sweep in {@code OUT/<study>/} with its {@code study.json}. Running
 * it again on the same folder trains only what is missing (the sweeps' journals decide), so the studies can be
 * stopped and started again at any time; a study already complete only has its tables rewritten.
 *
 * <pre>{@code
 * var replication = new Replication(StudyManifest.shipped(), Path.of("replications")).quick(false);
 * List<SweepResult> results = replication.run();   // blocks; replication.cancel() from any thread
 * }</pre>
 */
public final class Replication {

    private final StudyManifest manifest;
    private final Path out;
    private final List<SweepListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, DatasetSplit> loaded = new HashMap<>();
    private boolean quick;
    private List<String> only = List.of();
    private int parallel = 1;
    private Function<String, DatasetSplit> datasets = name -> new DatasetCatalog().resolve(name);
    private volatile SweepRunner current;
    private volatile boolean cancelled;

    public Replication(StudyManifest manifest, Path out) {
        this.manifest = manifest;
        this.out = out;
    }

    /** The smoke version: every sweep with the manifest's {@code quick} overrides (one short epoch, two seeds). */
    public Replication quick(boolean on) {
        this.quick = on;
        return this;
    }

    /** Only these studies, in the manifest's order; all when empty. */
    public Replication only(List<String> names) {
        names.forEach(manifest::study); // an unknown name is a mistake
        this.only = List.copyOf(names);
        return this;
    }

    public Replication parallel(int points) {
        this.parallel = points;
        return this;
    }

    public Replication datasets(Function<String, DatasetSplit> loader) {
        this.datasets = loader;
        return this;
    }

    public Replication addListener(SweepListener listener) {
        listeners.add(listener);
        return this;
    }

    public List<Study> selected() {
        return manifest.studies().stream().filter(s -> only.isEmpty() || only.contains(s.name())).toList();
    }

    /** The sweep a study runs, with the quick overrides when asked for. */
    public Sweep sweep(Study study) throws IOException {
        String text = quick ? manifest.quickSweepText(study) : manifest.sweepText(study);
        return SweepFile.parse(text, study.name());
    }

    /** Checks every selected study's sweep (and builds its networks) before anything trains. */
    public void prepare() throws IOException {
        for (Study study : selected()) {
            runner(study, sweep(study)).prepare();
        }
    }

    /** Runs the selected studies in order; stops after the current one's running points when cancelled. */
    public List<SweepResult> run() throws IOException {
        var results = new ArrayList<SweepResult>();
        for (Study study : selected()) {
            if (cancelled) {
                break;
            }
            Sweep sweep = sweep(study);
            Path folder = out.resolve(study.name());
            Files.createDirectories(folder);
            AtomicFile.write(folder.resolve(StudyFolder.STUDY_FILE),
                    StudyManifest.toJson(study, quick).getBytes(StandardCharsets.UTF_8));
            reuseIdenticalRuns(study, sweep, folder);
            SweepRunner runner = runner(study, sweep);
            current = runner;
            if (cancelled) {
                runner.cancel();
            }
            SweepResult result = runner.run();
            results.add(result);
            if (result.cancelled()) {
                break;
            }
        }
        return results;
    }

    /**
     * A point whose settings equal those of a completed run of an earlier study in the same output (the scaling
     * study's {@code scaling=false} is the clip study's {@code clip=1.3}, seed by seed) would train the very same
     * numbers again, since training is deterministic: its run folder is copied instead (record and log; not the
     * checkpoint), and the sweep takes it into its journal as a run that ended without a journal line.
     */
    private void reuseIdenticalRuns(Study study, Sweep sweep, Path folder) throws IOException {
        Map<String, Path> done = new HashMap<>();
        for (Study earlier : manifest.studies()) {
            if (earlier.name().equals(study.name())) {
                break;
            }
            Path runs = out.resolve(earlier.name()).resolve(SweepRunner.RUNS);
            if (!Files.isDirectory(runs)) {
                continue;
            }
            try (var children = Files.list(runs)) {
                for (Path run : children.sorted().toList()) {
                    try {
                        RunRecord record = RunRecordJson.read(run.resolve(RunDirectory.RECORD));
                        if (record.status() == RunStatus.COMPLETED) {
                            done.putIfAbsent(RunSettings.of(record).fingerprint(), run);
                        }
                    } catch (IOException | RuntimeException e) {
                        // not a readable run: nothing to reuse
                    }
                }
            }
        }
        Map<String, ?> journal = SweepJournal.read(folder.resolve(SweepJournal.FILE)).entries();
        for (SweepPoint p : sweep.points()) {
            Path source = done.get(p.settings().fingerprint());
            Path target = folder.resolve(SweepRunner.RUNS).resolve(p.id());
            if (source == null || journal.containsKey(p.id()) || Files.exists(target)) {
                continue;
            }
            Files.createDirectories(target);
            for (String file : List.of(RunDirectory.LOG, RunDirectory.RECORD)) { // the record last: it marks the copy
                if (Files.isRegularFile(source.resolve(file))) {
                    AtomicFile.write(target.resolve(file), Files.readAllBytes(source.resolve(file)));
                }
            }
        }
    }

    public void cancel() {
        cancelled = true;
        SweepRunner runner = current;
        if (runner != null) {
            runner.cancel();
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    private SweepRunner runner(Study study, Sweep sweep) {
        var runner = new SweepRunner(sweep, out.resolve(study.name())).parallel(parallel)
                .datasets(name -> loaded.computeIfAbsent(name, datasets));
        listeners.forEach(runner::addListener);
        return runner;
    }
}
