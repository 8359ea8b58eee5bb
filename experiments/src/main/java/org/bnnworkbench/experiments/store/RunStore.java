package org.bnnworkbench.experiments.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bnnworkbench.engine.data.DatasetCatalog;
import org.bnnworkbench.engine.data.DatasetSplit;
import org.bnnworkbench.engine.data.LabelledImages;
import org.bnnworkbench.engine.spec.InputShape;
import org.bnnworkbench.engine.spec.NetworkSpec;
import org.bnnworkbench.engine.train.Checkpoint;
import org.bnnworkbench.experiments.run.RunDirectory;
import org.bnnworkbench.experiments.run.RunInUseException;
import org.bnnworkbench.experiments.run.RunRecord;
import org.bnnworkbench.experiments.run.RunSettings;
import org.bnnworkbench.experiments.run.RunStatus;
import org.bnnworkbench.experiments.run.TrainingRun;

/**
 * A workspace of runs: a folder (by default {@code ~/.bnn-workbench/runs}) with one subfolder per run, named by the
 * run's id, holding what {@code bnn train} leaves: {@code run.json} (with the network spec and its cost),
 * {@code checkpoint.bin}, {@code run.log} and the lock file {@code run.lock}. Runs made here checkpoint after every
 * epoch, so an interrupted one can be {@link #resume resumed}. Every file is written atomically or appended to, so
 * the app, {@code bnn runs} and a sweep can read the store while runs train.
 *
 * <pre>{@code
 * RunStore store = new RunStore(RunStore.defaultFolder());
 * TrainingRun run = store.create(RunSettings.defaults().withConfig(config));
 * RunRecord record = run.run();                       // on a worker thread; run.cancel() from any other
 * List<RunSummary> runs = RunQuery.all().sortBy("testTop1", true).apply(store.list());
 * }</pre>
 */
public final class RunStore {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path folder;

    public RunStore(Path folder) {
        this.folder = folder;
    }

    /** {@code ~/.bnn-workbench/runs}, where the app keeps its runs. */
    public static Path defaultFolder() {
        return Path.of(System.getProperty("user.home"), ".bnn-workbench", "runs");
    }

    public Path folder() {
        return folder;
    }

    /** The folder of run {@code id} (which need not exist). */
    public RunDirectory directory(String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("'" + id + "' is not a run id (letters, digits, '.', '_', '-')");
        }
        return new RunDirectory(folder.resolve(id));
    }

    /**
     * A summary of every run, by id. Folders without a readable {@code run.json} (a run being set up, a stray folder)
     * are left out.
     */
    public List<RunSummary> list() throws IOException {
        var runs = new ArrayList<RunSummary>();
        if (!Files.isDirectory(folder)) {
            return runs;
        }
        var ids = new ArrayList<String>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(folder, Files::isDirectory)) {
            children.forEach(child -> ids.add(child.getFileName().toString()));
        }
        ids.sort(null);
        for (String id : ids) {
            if (ID.matcher(id).matches()) {
                find(id).ifPresent(runs::add);
            }
        }
        return runs;
    }

    /** The summary of run {@code id}; empty if it has no readable record. */
    public Optional<RunSummary> find(String id) {
        RunDirectory directory = directory(id);
        if (!directory.hasRecord()) {
            return Optional.empty();
        }
        try {
            RunRecord record = directory.readRecord();
            return Optional.of(RunSummary.of(id, directory.path(), record, directory.isInUse(),
                    directory.hasCheckpoint()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public RunRecord record(String id) throws IOException {
        return directory(id).readRecord();
    }

    /**
     * Prepares a new run with a fresh id: loads the data set by name, builds the network, and makes the run's folder.
     * The caller adds listeners and calls {@link TrainingRun#run()}, typically on a worker thread.
     *
     * @throws IllegalArgumentException or {@link org.bnnworkbench.engine.spec.SpecException} if the architecture does
     *     not fit the data set; {@link org.bnnworkbench.engine.data.DatasetException} if the data cannot be read
     */
    public TrainingRun create(RunSettings settings) throws IOException {
        DatasetSplit data = new DatasetCatalog().resolve(settings.dataset());
        LabelledImages train = data.train();
        NetworkSpec spec = settings.spec(new InputShape(train.height(), train.width(), train.channels()),
                train.classes());
        return create(newId(settings), settings, spec, data);
    }

    /**
     * Prepares a new run with a fresh id, with the network and data already at hand (the app trains the design it
     * shows, fitted to a data set it has loaded).
     *
     * @param spec the network to train, built for the data set's input shape and classes
     */
    public TrainingRun create(RunSettings settings, NetworkSpec spec, DatasetSplit data) throws IOException {
        return create(newId(settings), settings, spec, data);
    }

    /**
     * Prepares a run under a chosen id, with the network and data already at hand.
     *
     * @param spec the network the settings make for this data set ({@link RunSettings#spec})
     * @throws IllegalStateException if the id's folder holds a run already
     */
    public TrainingRun create(String id, RunSettings settings, NetworkSpec spec, DatasetSplit data)
            throws IOException {
        RunDirectory directory = directory(id);
        if (directory.hasRecord()) {
            throw new IllegalStateException("'" + directory.path() + "' holds a run already");
        }
        Files.createDirectories(directory.path());
        TrainingRun run = new TrainingRun(settings, spec, data, directory, RunRecord.Environment.current());
        run.checkpointEachEpoch();
        return run;
    }

    /** Whether run {@code id} stopped (interrupted or cancelled) with a checkpoint that has epochs left to train. */
    public boolean canResume(String id) {
        Optional<RunSummary> summary = find(id);
        if (summary.isEmpty() || !summary.get().resumable()) {
            return false;
        }
        try {
            Checkpoint checkpoint = Checkpoint.read(directory(id).checkpointFile());
            return checkpoint.epochsDone() < ((Number) summary.get().config().get("epochs")).intValue();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Continues an interrupted or cancelled run from its checkpoint, loading its data set by name. */
    public TrainingRun resume(String id) throws IOException {
        RunRecord record = record(id);
        return resume(id, new DatasetCatalog().resolve(record.dataset().name()));
    }

    /**
     * Continues an interrupted or cancelled run from its checkpoint, with the settings and network its record holds.
     * The run goes on appending to its log and rewriting its record; its history keeps the epochs done before.
     *
     * @throws RunInUseException if a live process trains it
     * @throws IllegalStateException if it ended otherwise, or has no checkpoint with epochs left to train
     */
    public TrainingRun resume(String id, DatasetSplit data) throws IOException {
        RunDirectory directory = directory(id);
        RunRecord record = directory.readRecord();
        if (directory.isInUse()) {
            throw new RunInUseException("run " + id + " is training now, in another process or in this one");
        }
        if (record.status() != RunStatus.RUNNING && record.status() != RunStatus.CANCELLED) {
            throw new IllegalStateException("run " + id + " has " + record.status().id() + "; only an interrupted or"
                    + " cancelled run can be resumed");
        }
        if (!directory.hasCheckpoint()) {
            throw new IllegalStateException("run " + id + " has no checkpoint to resume from");
        }
        Checkpoint checkpoint = Checkpoint.read(directory.checkpointFile());
        RunSettings settings = RunSettings.of(record);
        if (checkpoint.epochsDone() >= settings.config().epochs()) {
            throw new IllegalStateException("run " + id + " has a checkpoint of all its " + checkpoint.epochsDone()
                    + " epochs but no final record; start it again");
        }
        NetworkSpec spec = settings.trainedSpec(record, data.train());
        TrainingRun run = new TrainingRun(settings, spec, data, directory, RunRecord.Environment.current());
        run.resumeFrom(checkpoint);
        run.checkpointEachEpoch();
        return run;
    }

    /**
     * Removes a run's record, checkpoint and log (and its folder, if nothing else is left in it).
     *
     * @throws RunInUseException if a live process trains it
     */
    public void delete(String id) throws IOException {
        RunDirectory directory = directory(id);
        if (directory.isInUse()) {
            throw new RunInUseException("run " + id + " is training now; cancel it first");
        }
        for (Path file : List.of(directory.recordFile(), directory.checkpointFile(), directory.logFile(),
                directory.lockFile())) {
            Files.deleteIfExists(file);
        }
        try (var rest = Files.list(directory.path())) {
            if (rest.findAny().isEmpty()) {
                Files.delete(directory.path());
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // nothing was there
        }
    }

    /** A new id, the time and the architecture's name, e.g. {@code 20260102-030405-bnn-small}; its folder is made. */
    String newId(RunSettings settings) throws IOException {
        Files.createDirectories(folder);
        String name = Path.of(settings.arch()).getFileName().toString().replaceFirst("\\.json$", "")
                .replaceAll("[^A-Za-z0-9._-]", "-");
        String base = ZonedDateTime.now(ZoneOffset.UTC).format(ID_TIME) + "-" + name
                + (settings.fullPrecision() ? "-fp" : "");
        for (int n = 1; ; n++) {
            String id = n == 1 ? base : base + "-" + n;
            try {
                Files.createDirectory(folder.resolve(id)); // atomic: two processes never get the same id
                return id;
            } catch (FileAlreadyExistsException e) {
                // taken; try the next
            }
        }
    }
}
