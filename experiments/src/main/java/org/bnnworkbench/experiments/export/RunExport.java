package org.bnnworkbench.experiments.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.bnnworkbench.engine.cost.CostConvention;
import org.bnnworkbench.engine.cost.CostModel;
import org.bnnworkbench.engine.cost.NetworkCost;
import org.bnnworkbench.engine.data.DatasetCatalog;
import org.bnnworkbench.engine.data.DatasetSplit;
import org.bnnworkbench.engine.data.LabelledImages;
import org.bnnworkbench.engine.data.Normalization;
import org.bnnworkbench.engine.graph.Network;
import org.bnnworkbench.engine.inference.PackedInference;
import org.bnnworkbench.engine.inference.PackedModel;
import org.bnnworkbench.engine.inference.PackedModelExport;
import org.bnnworkbench.engine.inference.PackedModelFormat;
import org.bnnworkbench.engine.io.AtomicFiles;
import org.bnnworkbench.engine.spec.InputShape;
import org.bnnworkbench.engine.spec.NetworkSpec;
import org.bnnworkbench.engine.tensor.Tensor;
import org.bnnworkbench.engine.train.Checkpoint;
import org.bnnworkbench.engine.train.Trainer;
import org.bnnworkbench.engine.train.TrainingConfig;
import org.bnnworkbench.experiments.run.RunDirectory;
import org.bnnworkbench.experiments.run.RunRecord;
import org.bnnworkbench.experiments.run.RunSettings;
import org.bnnworkbench.experiments.run.RunStatus;
import org.bnnworkbench.experiments.run.TrainingParameters;

/**
 * Exports a trained run to a packed model file ({@code .bnnp}, {@link PackedModelFormat}): reads the run's record and
 * checkpoint, rebuilds the network as training built it (the record's spec, compiled with the record's settings,
 * the checkpoint's weights and BatchNorm statistics, the normalisation fitted on the same training images) and
 * exports it with {@link PackedModelExport}. The file is written atomically. With the check (the default), the
 * written file is read back before it takes its name and run over the whole test split of the run's data set; it
 * takes its name only if it predicts every image as the restored network does. What {@code bnn export} and the app's
 * Runs tab both call.
 *
 * <p>A full-precision run is exported too: the format holds 32-bit layers, so the file is a float model whose size
 * is the cost model's 32 bits per parameter. Any run with a checkpoint can be exported, whatever its status (a
 * cancelled or interrupted run gives the weights of its last finished epoch), except one that is training now.
 *
 * <pre>{@code
 * RunExport.Result r = RunExport.of(runFolder).writeTo(Path.of("model.bnnp"));
 * }</pre>
 */
public final class RunExport {

    /** Images per batch of the check, as the trainer evaluates: same batches, same arithmetic. */
    public static final int CHECK_BATCH = 256;

    /** Told how far an export has got; called on the exporting thread. */
    @FunctionalInterface
    public interface Progress {

        Progress NONE = (fraction, message) -> { };

        /** @param fraction of the work done, from 0 to 1 */
        void update(double fraction, String message);
    }

    /**
     * The packed model's predictions on the whole test split of the run's data set, against the restored network's
     * in the training engine.
     *
     * @param images         the test images checked, the whole test split
     * @param packedCorrect  images the packed model (read back from the written file) classified correctly
     * @param engineCorrect  images the restored network in the training engine classified correctly
     * @param differing      images on which the two predicted different classes
     * @param recordImages   the test images the run evaluated (the first ones; fewer with a test limit)
     * @param engineCorrectOnRecordImages of those, the images the restored network classified correctly
     */
    public record Check(int images, int packedCorrect, int engineCorrect, int differing, int recordImages,
                        int engineCorrectOnRecordImages) {

        public double packedTop1() {
            return images == 0 ? 0 : (double) packedCorrect / images;
        }

        public double engineTop1() {
            return images == 0 ? 0 : (double) engineCorrect / images;
        }

        /** The restored network's top-1 on the run's own test images: the record's final top-1 if all is well. */
        public double engineTop1OnRecordImages() {
            return recordImages == 0 ? 0 : (double) engineCorrectOnRecordImages / recordImages;
        }
    }

    /**
     * What was written.
     *
     * @param costModelBytes the network's model size under the cost model (BMXNet's counting), as {@code bnn cost}
     *                       prints it
     * @param binary         whether the network has binary weights (false for a full-precision run)
     * @param epochsExported the finished epochs of the checkpoint whose weights were exported
     * @param recordEpochs   the finished epochs the record tells of
     * @param check          null when the check was not asked for
     */
    public record Result(Path file, long fileBytes, long costModelBytes, String network, String arch,
                         boolean fullPrecision, boolean binary, String dataset, RunStatus status, int epochsExported,
                         int recordEpochs, double recordTop1, Check check) {

        /** The file's size over the cost model's. */
        public double ratio() {
            return costModelBytes == 0 ? 0 : (double) fileBytes / costModelBytes;
        }
    }

    private final Path folder;
    private boolean check = true;
    private Progress progress = Progress.NONE;
    private Function<String, DatasetSplit> datasets = name -> new DatasetCatalog().resolve(name);
    private UnaryOperator<PackedModel> beforeWriting = UnaryOperator.identity();

    private RunExport(Path folder) {
        this.folder = Objects.requireNonNull(folder, "folder");
    }

    /** The export of the run in this folder (a folder that holds {@code run.json} and {@code checkpoint.bin}). */
    public static RunExport of(Path runFolder) {
        return new RunExport(runFolder);
    }

    /** Whether to read the written file back and compare its predictions with the training engine's (default on). */
    public RunExport check(boolean on) {
        this.check = on;
        return this;
    }

    public RunExport progress(Progress listener) {
        this.progress = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /** How a data set is loaded by the name the record gives (default: {@link DatasetCatalog#resolve}). */
    public RunExport datasets(Function<String, DatasetSplit> loader) {
        this.datasets = Objects.requireNonNull(loader, "loader");
        return this;
    }

    /** For tests: changes the exported model before it is written, so that a check has something to catch. */
    RunExport alterBeforeWriting(UnaryOperator<PackedModel> change) {
        this.beforeWriting = change;
        return this;
    }

    /**
     * Exports the run to {@code out}, replacing a file there, and checks it unless told not to. On any failure,
     * {@code out} is left as it was: it is never half-written, and a model that fails the check does not take its
     * name.
     *
     * @throws ExportException with one line that says what is wrong and where
     */
    public Result writeTo(Path out) throws ExportException {
        RunDirectory directory = new RunDirectory(folder);
        checkFolder(directory);
        checkOutput(out, directory);
        progress.update(0, "Reading run " + folder.getFileName());
        RunRecord record = readRecord(directory);
        if (directory.isInUse()) {
            throw new ExportException(ExportException.Kind.IN_USE, "'" + folder + "' is in use: a run is training"
                    + " there now; export it when it has stopped");
        }
        if (!directory.hasCheckpoint()) {
            throw new ExportException(ExportException.Kind.NO_CHECKPOINT, "'" + folder + "' has no "
                    + RunDirectory.CHECKPOINT + ", so no trained weights: the run was trained without checkpoints"
                    + " (bnn train --no-checkpoint), or stopped before its first epoch ended");
        }
        Checkpoint checkpoint = readCheckpoint(directory);
        TrainingConfig config = config(record, directory);
        try {
            checkpoint.checkCompatible(config);
        } catch (IllegalArgumentException e) {
            throw new ExportException(ExportException.Kind.CHECKPOINT, "'" + directory.checkpointFile()
                    + "' does not belong to the run in " + RunDirectory.RECORD + ": " + e.getMessage(), e);
        }

        String datasetName = record.dataset().name();
        progress.update(0.05, "Loading data set " + datasetName);
        DatasetSplit data = loadDataset(record, directory);
        NetworkSpec spec = spec(record, data, directory);
        LabelledImages train = data.train();
        if (!spec.input().equals(new InputShape(train.height(), train.width(), train.channels()))) {
            throw new ExportException(ExportException.Kind.DATASET, "data set '" + datasetName + "' now has "
                    + train.height() + "x" + train.width() + "x" + train.channels() + " images, but the run in '"
                    + folder + "' trained on " + spec.input());
        }

        progress.update(0.15, "Restoring the network of epoch " + checkpoint.epochsDone());
        Trainer trainer;
        try {
            trainer = Trainer.forSpec(spec, data, config);
            trainer.restore(checkpoint);
        } catch (IllegalArgumentException e) {
            throw new ExportException(ExportException.Kind.CHECKPOINT, "'" + directory.checkpointFile()
                    + "' does not fit the run's network: " + e.getMessage(), e);
        }
        Network network = trainer.network();
        PackedModel model;
        try {
            model = beforeWriting.apply(PackedModelExport.export(spec, network, trainer.normalization()));
        } catch (IllegalArgumentException e) {
            throw new ExportException(ExportException.Kind.EXPORT, "the network of '" + folder + "' cannot be"
                    + " packed: " + e.getMessage(), e);
        }
        NetworkCost cost = CostModel.of(spec, CostConvention.BMXNET);

        progress.update(0.25, "Writing " + out.getFileName());
        Check[] checked = new Check[1];
        try {
            AtomicFiles.write(out, stream -> PackedModelFormat.write(model, stream), written -> {
                if (check) {
                    checked[0] = check(written, network, trainer.normalization(), data.test(),
                            record.dataset().testImages());
                    if (checked[0].differing() > 0) {
                        throw new CheckFailed(checked[0]);
                    }
                }
            });
        } catch (CheckFailed e) {
            throw new ExportException(ExportException.Kind.CHECK_FAILED, String.format(java.util.Locale.ROOT,
                    "check failed: the packed model read back from the file predicts %d of %d test images of %s"
                    + " differently from the training engine (packed top-1 %.2f%%, engine %.2f%%); '%s' was not"
                    + " written", e.check.differing(), e.check.images(), datasetName, 100 * e.check.packedTop1(),
                    100 * e.check.engineTop1(), out));
        } catch (IOException e) {
            throw new ExportException(ExportException.Kind.WRITE, "cannot write '" + out + "': " + reason(e), e);
        } finally {
            network.release();
        }
        long bytes;
        try {
            bytes = Files.size(out);
        } catch (IOException e) {
            throw new ExportException(ExportException.Kind.WRITE, "'" + out + "' was written but cannot be read: "
                    + reason(e), e);
        }
        progress.update(1, "Wrote " + out.getFileName());
        return new Result(out, bytes, cost.modelSizeBytes(), spec.name(), record.arch(), record.fullPrecision(),
                cost.binaryParams() > 0, datasetName, record.status(), checkpoint.epochsDone(), record.epochs(),
                record.testTop1(), checked[0]);
    }

    /** A check with differences, carried out of the atomic write so that the file does not take its name. */
    private static final class CheckFailed extends IOException {

        private static final long serialVersionUID = 1L;
        private final transient Check check;

        CheckFailed(Check check) {
            super("the packed model predicts " + check.differing() + " images differently");
            this.check = check;
        }
    }

    /**
     * Reads the written file back and runs it and the restored network over every test image, in batches of
     * {@value #CHECK_BATCH} from the first image, as the trainer evaluates; each side normalises with its own
     * normalisation (the file's, the trainer's).
     */
    private Check check(Path written, Network network, Normalization norm, LabelledImages test, int recordImages)
            throws IOException {
        PackedInference packed = new PackedInference(PackedModelFormat.read(written));
        Normalization packedNorm = packed.model().normalization();
        int n = test.size();
        int size = test.imageSize();
        int packedCorrect = 0;
        int engineCorrect = 0;
        int differing = 0;
        int engineCorrectOnRecord = 0;
        int firstImages = recordImages > 0 ? Math.min(recordImages, n) : n;
        for (int from = 0; from < n; from += CHECK_BATCH) {
            int to = Math.min(n, from + CHECK_BATCH);
            progress.update(0.3 + 0.7 * from / n, "Checking test images " + (from + 1) + "\u2013" + to + " of " + n);
            Tensor forEngine = Tensor.zeros(to - from, test.channels(), test.height(), test.width());
            Tensor forPacked = Tensor.zeros(to - from, test.channels(), test.height(), test.width());
            for (int i = from; i < to; i++) {
                test.copyNormalized(i, forEngine.data(), (i - from) * size, norm);
                test.copyNormalized(i, forPacked.data(), (i - from) * size, packedNorm);
            }
            int[] engine = PackedInference.bestClasses(network.forward(forEngine, false));
            int[] fromFile = packed.predict(forPacked);
            for (int i = from; i < to; i++) {
                int label = test.label(i);
                packedCorrect += fromFile[i - from] == label ? 1 : 0;
                engineCorrect += engine[i - from] == label ? 1 : 0;
                differing += fromFile[i - from] != engine[i - from] ? 1 : 0;
                if (i < firstImages) {
                    engineCorrectOnRecord += engine[i - from] == label ? 1 : 0;
                }
            }
        }
        return new Check(n, packedCorrect, engineCorrect, differing, firstImages, engineCorrectOnRecord);
    }

    private void checkFolder(RunDirectory directory) throws ExportException {
        if (!Files.exists(folder)) {
            throw new ExportException(ExportException.Kind.NOT_A_RUN, "'" + folder + "' does not exist");
        }
        if (!Files.isDirectory(folder)) {
            throw new ExportException(ExportException.Kind.NOT_A_RUN, "'" + folder + "' is a file; give a run"
                    + " folder (one that holds " + RunDirectory.RECORD + ")");
        }
        if (!directory.hasRecord()) {
            throw new ExportException(ExportException.Kind.NOT_A_RUN, "'" + folder + "' holds no run: there is no "
                    + RunDirectory.RECORD + " in it");
        }
    }

    /** Refuses an output that cannot be written, before any work; the write itself may still fail later. */
    private static void checkOutput(Path out, RunDirectory directory) throws ExportException {
        Path absolute;
        try {
            absolute = out.toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new ExportException(ExportException.Kind.OUTPUT, "'" + out + "' is not a valid path", e);
        }
        if (Files.isDirectory(absolute)) {
            throw new ExportException(ExportException.Kind.OUTPUT, "'" + out + "' is a folder; give a file name,"
                    + " e.g. " + out.resolve("model.bnnp"));
        }
        Path parent = absolute.getParent();
        if (parent == null || !Files.exists(parent)) {
            throw new ExportException(ExportException.Kind.OUTPUT, "cannot write '" + out + "': the folder '"
                    + parent + "' does not exist");
        }
        if (!Files.isDirectory(parent)) {
            throw new ExportException(ExportException.Kind.OUTPUT, "cannot write '" + out + "': '" + parent
                    + "' is a file, not a folder");
        }
        if (!Files.isWritable(parent)) {
            throw new ExportException(ExportException.Kind.OUTPUT, "cannot write '" + out + "': the folder '"
                    + parent + "' is not writable");
        }
        for (Path own : List.of(directory.recordFile(), directory.checkpointFile(), directory.logFile(),
                directory.lockFile())) {
            if (own.toAbsolutePath().normalize().equals(absolute)) {
                throw new ExportException(ExportException.Kind.OUTPUT, "'" + out + "' is the run's own "
                        + own.getFileName() + "; give another file name, e.g. model.bnnp");
            }
        }
    }

    private RunRecord readRecord(RunDirectory directory) throws ExportException {
        RunRecord record;
        try {
            record = directory.readRecord();
        } catch (IOException | RuntimeException e) {
            throw new ExportException(ExportException.Kind.RECORD, "cannot read '" + directory.recordFile() + "': "
                    + oneLine(e), e);
        }
        if (record.dataset() == null || record.dataset().name() == null) {
            throw new ExportException(ExportException.Kind.RECORD, "'" + directory.recordFile() + "' does not name"
                    + " the run's data set");
        }
        return record;
    }

    private static Checkpoint readCheckpoint(RunDirectory directory) throws ExportException {
        try {
            return Checkpoint.read(directory.checkpointFile());
        } catch (IOException | RuntimeException e) {
            String message = oneLine(e);
            throw new ExportException(ExportException.Kind.CHECKPOINT, message.contains(
                    directory.checkpointFile().toString()) ? "unreadable checkpoint: " + message
                    : "unreadable checkpoint '" + directory.checkpointFile() + "': " + message, e);
        }
    }

    private static TrainingConfig config(RunRecord record, RunDirectory directory) throws ExportException {
        try {
            return TrainingParameters.toConfig(record.config());
        } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
            throw new ExportException(ExportException.Kind.RECORD, "'" + directory.recordFile() + "' has settings"
                    + " this version cannot read: " + oneLine(e), e);
        }
    }

    /** The data set by the name the run was given; a folder given relative to another working folder by its source. */
    private DatasetSplit loadDataset(RunRecord record, RunDirectory directory) throws ExportException {
        String name = record.dataset().name();
        try {
            return datasets.apply(name);
        } catch (RuntimeException e) {
            String source = record.dataset().source();
            if (source != null && !source.equals(name) && isFolder(source)) {
                try {
                    return datasets.apply(source);
                } catch (RuntimeException ignored) {
                    // report the first problem
                }
            }
            throw new ExportException(ExportException.Kind.DATASET, "cannot load data set '" + name + "' of the run"
                    + " in '" + directory.path() + "': " + oneLine(e), e);
        }
    }

    private static boolean isFolder(String text) {
        try {
            return Files.isDirectory(Path.of(text));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** The network the record says the run trained; for records older than specs, the one its settings make. */
    private static NetworkSpec spec(RunRecord record, DatasetSplit data, RunDirectory directory)
            throws ExportException {
        try {
            return RunSettings.of(record).trainedSpec(record, data.train());
        } catch (RuntimeException e) {
            throw new ExportException(ExportException.Kind.RECORD, "cannot rebuild the network of '"
                    + directory.recordFile() + "': " + oneLine(e), e);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or folder";
        }
        return oneLine(e);
    }

    /** A message on one line (some, like a data set not found, span several). */
    static String oneLine(Throwable e) {
        String message = e.getMessage() != null ? e.getMessage() : e.toString();
        return String.join("; ", message.strip().split("\\s*\\R\\s*"));
    }
}
