package org.bnnworkbench.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bnnworkbench.engine.cost.CostConvention;
import org.bnnworkbench.engine.cost.CostModel;
import org.bnnworkbench.engine.data.DatasetCatalog;
import org.bnnworkbench.engine.data.DatasetSplit;
import org.bnnworkbench.engine.data.LabelledImages;
import org.bnnworkbench.engine.graph.Network;
import org.bnnworkbench.engine.inference.PackedInference;
import org.bnnworkbench.engine.inference.PackedModel;
import org.bnnworkbench.engine.inference.PackedModelFormat;
import org.bnnworkbench.engine.spec.NetworkSpec;
import org.bnnworkbench.engine.spec.SpecJson;
import org.bnnworkbench.engine.tensor.Tensor;
import org.bnnworkbench.engine.train.Checkpoint;
import org.bnnworkbench.engine.train.Trainer;
import org.bnnworkbench.experiments.run.LockFile;
import org.bnnworkbench.experiments.run.RunDirectory;
import org.bnnworkbench.experiments.run.RunRecord;
import org.bnnworkbench.experiments.run.TrainingParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bnn export} on real tiny runs trained by {@code bnn train --checkpoint}: one epoch on 256 images of the
 * embedded Fashion-MNIST subset, evaluated on its whole test split (2,000 images), so that the record's accuracy is
 * on the same images as the export's check.
 */
class ExportCommandTest {

    private static final List<String> TINY = List.of("--dataset", "fashion-mnist-subset", "--epochs", "1",
            "--train-limit", "256", "--batch", "32", "--checkpoint");

    @TempDir
    static Path runs;
    static Path binaryRun;

    @TempDir
    Path temp;

    @BeforeAll
    static void train() {
        binaryRun = runs.resolve("bnn-small");
        Bnn trained = train(binaryRun, "bnn-small", false);
        assertThat(trained.code()).as(trained.toString()).isZero();
        assertThat(binaryRun.resolve(RunDirectory.CHECKPOINT)).isRegularFile();
    }

    private static Bnn train(Path out, String arch, boolean fullPrecision) {
        var args = new java.util.ArrayList<>(List.of("train", "--out", out.toString(), "--arch", arch));
        args.addAll(TINY);
        if (fullPrecision) {
            args.add("--full-precision");
        }
        return Bnn.run(args.toArray(String[]::new));
    }

    private static RunRecord record(Path run) throws IOException {
        return new RunDirectory(run).readRecord();
    }

    /** Restores the run's network from its record and checkpoint the way a resumed run does. */
    private static Trainer restored(Path run, DatasetSplit data) throws IOException {
        RunRecord record = record(run);
        Trainer trainer = Trainer.forSpec(SpecJson.fromTree(record.spec()), data,
                TrainingParameters.toConfig(record.config()));
        trainer.restore(Checkpoint.read(run.resolve(RunDirectory.CHECKPOINT)));
        return trainer;
    }

    /** The predicted class of every test image: of the packed file, or of the network when {@code file} is null. */
    private static int[] predictions(LabelledImages test, Path file, Trainer trainer) throws IOException {
        PackedInference packed = file == null ? null : new PackedInference(PackedModelFormat.read(file));
        int n = test.size();
        int[] predicted = new int[n];
        for (int from = 0; from < n; from += 256) {
            int to = Math.min(n, from + 256);
            Tensor x = Tensor.zeros(to - from, test.channels(), test.height(), test.width());
            for (int i = from; i < to; i++) {
                test.copyNormalized(i, x.data(), (i - from) * test.imageSize(),
                        packed != null ? packed.model().normalization() : trainer.normalization());
            }
            int[] batch = packed != null ? packed.predict(x) : argmax(trainer.network().forward(x, false));
            System.arraycopy(batch, 0, predicted, from, batch.length);
        }
        return predicted;
    }

    private static int[] argmax(Tensor logits) {
        int classes = logits.size() / logits.n();
        int[] best = new int[logits.n()];
        for (int i = 0; i < best.length; i++) {
            for (int k = 1; k < classes; k++) {
                if (logits.data()[i * classes + k] > logits.data()[i * classes + best[i]]) {
                    best[i] = k;
                }
            }
        }
        return best;
    }

    private static double top1(int[] predicted, LabelledImages test) {
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            correct += predicted[i] == test.label(i) ? 1 : 0;
        }
        return (double) correct / predicted.length;
    }

    private static long costModelBytes(Path run) throws IOException {
        NetworkSpec spec = SpecJson.fromTree(record(run).spec());
        return CostModel.of(spec, CostConvention.BMXNET).modelSizeBytes();
    }

    private static String line(String output, String label) {
        return output.lines().map(String::strip).filter(l -> l.startsWith(label)).findFirst().orElseThrow(
                () -> new AssertionError("no line '" + label + "' in:\n" + output));
    }

    @Test
    void aTrainedRunExportsToAFileOfTheCostModelsSizeThatPredictsTheWholeTestSplitLikeTheRestoredNetwork()
            throws IOException {
        Path file = temp.resolve("model.bnnp");

        Bnn result = Bnn.run("export", binaryRun.toString(), "--out", file.toString());

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(file).isRegularFile();
        long size = Files.size(file);
        long cost = costModelBytes(binaryRun);
        assertThat((double) size).as("file size against the cost model").isCloseTo(cost, within(0.01 * cost));
        assertThat(result.out()).startsWith("wrote " + file + System.lineSeparator());
        assertThat(line(result.out(), "file size")).contains(String.format(java.util.Locale.ROOT, "%,d bytes", size));
        assertThat(line(result.out(), "cost model")).contains(String.format(java.util.Locale.ROOT, "%,d bytes", cost));
        assertThat(line(result.out(), "ratio")).contains(String.format(java.util.Locale.ROOT, "%.4f",
                (double) size / cost));
        try (var left = Files.list(temp)) {
            assertThat(left).as("no temporary file stays").containsExactly(file);
        }

        DatasetSplit data = new DatasetCatalog().resolve("fashion-mnist-subset");
        LabelledImages test = data.test();
        Trainer trainer = restored(binaryRun, data);
        int[] fromFile = predictions(test, file, null);
        int[] fromNetwork = predictions(test, null, trainer);
        assertThat(fromFile).as("packed predictions on all %d test images", test.size()).containsExactly(fromNetwork);
        double engineTop1 = top1(fromNetwork, test);
        RunRecord record = record(binaryRun);
        assertThat(record.dataset().testImages()).isEqualTo(test.size());
        assertThat(engineTop1).as("the restored network scores what the run recorded on the same images")
                .isEqualTo(record.testTop1());
        assertThat(engineTop1).as("a trained network beats chance (10 classes)").isGreaterThan(0.3);
        PackedModel model = PackedModelFormat.read(file);
        assertThat(model.normalization()).isEqualTo(trainer.normalization());

        assertThat(line(result.out(), "check")).isEqualTo(String.format(java.util.Locale.ROOT,
                "check        %,d test images: packed top-1 %.2f%% (read back from the file), training engine top-1"
                        + " %.2f%%, 0 predictions differ", test.size(), 100 * top1(fromFile, test), 100 * engineTop1));
        assertThat(line(result.out(), "record")).contains(String.format(java.util.Locale.ROOT,
                "test top-1 %.2f%% on its 2,000 test images; the restored network gets %.2f%%",
                100 * record.testTop1(), 100 * engineTop1));
    }

    @Test
    void noCheckWritesTheSameFileWithoutReadingItBack() throws IOException {
        Path checked = temp.resolve("checked.bnnp");
        Path unchecked = temp.resolve("unchecked.bnnp");
        assertThat(Bnn.run("export", binaryRun.toString(), "--out", checked.toString(), "--check").code()).isZero();

        Bnn result = Bnn.run("export", binaryRun.toString(), "--out", unchecked.toString(), "--no-check");

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(line(result.out(), "check")).isEqualTo("check        skipped (--no-check)");
        assertThat(Files.readAllBytes(unchecked)).isEqualTo(Files.readAllBytes(checked));
    }

    @Test
    void aFullPrecisionRunIsExportedAsAFloatModelAndSaysSo() throws IOException {
        Path run = temp.resolve("fp-run");
        Bnn trained = train(run, "bnn-small", true);
        assertThat(trained.code()).as(trained.toString()).isZero();
        Path file = temp.resolve("fp.bnnp");

        Bnn result = Bnn.run("export", run.toString(), "--out", file.toString());

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(result.out()).contains("full-precision twin")
                .contains("no binary layers (a full-precision run): the file holds 32-bit weights only");
        assertThat(line(result.out(), "check")).endsWith(", 0 predictions differ");
        long cost = costModelBytes(run);
        assertThat((double) Files.size(file)).isCloseTo(cost, within(0.01 * cost));
        assertThat(cost).as("a float model is far larger than the binary one")
                .isGreaterThan(2 * costModelBytes(binaryRun));
    }

    /** A refusal: one line on standard error that starts with the command, the exit code, and no file written. */
    private void assertRefused(Bnn result, int code, Path out, String... fragments) {
        assertThat(result.code()).as(result.toString()).isEqualTo(code);
        assertThat(result.errLines()).as(result.toString()).hasSize(1);
        assertThat(result.err()).startsWith("bnn export: ").contains(fragments);
        assertThat(result.out()).isEmpty();
        if (out != null) {
            assertThat(out).doesNotExist();
        }
    }

    /** A copy of the run's folder with only some of its files. */
    private Path copyOf(String name, String... files) throws IOException {
        Path copy = temp.resolve(name);
        Files.createDirectories(copy);
        for (String f : files) {
            Files.copy(binaryRun.resolve(f), copy.resolve(f));
        }
        return copy;
    }

    @Test
    void aMissingFolderOrAFolderWithoutARunIsAUsageError() throws IOException {
        Path out = temp.resolve("m.bnnp");
        Path missing = temp.resolve("no-such-run");
        assertRefused(Bnn.run("export", missing.toString(), "--out", out.toString()), ExitCode.USAGE, out,
                "'" + missing + "' does not exist");

        Path empty = Files.createDirectories(temp.resolve("empty"));
        assertRefused(Bnn.run("export", empty.toString(), "--out", out.toString()), ExitCode.USAGE, out,
                "'" + empty + "' holds no run: there is no run.json in it");

        assertRefused(Bnn.run("export", binaryRun.toString()), ExitCode.USAGE, null, "--out is required");
        assertRefused(Bnn.run("export", "--out", out.toString()), ExitCode.USAGE, out, "expects a run folder");
        assertRefused(Bnn.run("export", binaryRun.toString(), "--out", out.toString(), "--check", "--no-check"),
                ExitCode.USAGE, out, "--check and --no-check exclude each other");
    }

    @Test
    void aRunWithoutACheckpointIsRefusedAndSaysWhy() throws IOException {
        Path run = copyOf("cancelled-early", RunDirectory.RECORD, RunDirectory.LOG);
        Path out = temp.resolve("m.bnnp");

        assertRefused(Bnn.run("export", run.toString(), "--out", out.toString()), ExitCode.FAILURE, out,
                "'" + run + "' has no checkpoint.bin", "bnn train --no-checkpoint",
                "stopped before its first epoch ended");
    }

    @Test
    void anUnreadableCheckpointIsRefused() throws IOException {
        Path run = copyOf("damaged", RunDirectory.RECORD);
        Files.writeString(run.resolve(RunDirectory.CHECKPOINT), "not a checkpoint at all");
        Path out = temp.resolve("m.bnnp");

        assertRefused(Bnn.run("export", run.toString(), "--out", out.toString()), ExitCode.FAILURE, out,
                "unreadable checkpoint", run.resolve(RunDirectory.CHECKPOINT).toString());
    }

    @Test
    void aRunThatIsTrainingNowIsRefused() throws IOException {
        Path run = copyOf("live", RunDirectory.RECORD, RunDirectory.CHECKPOINT);
        Path out = temp.resolve("m.bnnp");
        try (LockFile held = LockFile.tryAcquire(run.resolve(RunDirectory.LOCK)).orElseThrow()) {
            assertRefused(Bnn.run("export", run.toString(), "--out", out.toString()), ExitCode.FAILURE, out,
                    "'" + run + "' is in use: a run is training there now");
        }
        assertThat(Bnn.run("export", run.toString(), "--out", out.toString()).code())
                .as("once the lock is released").isZero();
    }

    @Test
    void anOutputThatCannotBeWrittenIsRefusedBeforeAnyWork() throws IOException {
        Path aFile = Files.writeString(temp.resolve("a-file"), "x");
        Path under = aFile.resolve("model.bnnp");
        assertRefused(Bnn.run("export", binaryRun.toString(), "--out", under.toString()), ExitCode.USAGE, null,
                "cannot write '" + under + "': '" + aFile + "' is a file, not a folder");

        Path nowhere = temp.resolve("no-folder").resolve("model.bnnp");
        assertRefused(Bnn.run("export", binaryRun.toString(), "--out", nowhere.toString()), ExitCode.USAGE, nowhere,
                "the folder '" + temp.resolve("no-folder") + "' does not exist");

        assertRefused(Bnn.run("export", binaryRun.toString(), "--out", temp.toString()), ExitCode.USAGE, null,
                "'" + temp + "' is a folder; give a file name");

        Path checkpoint = binaryRun.resolve(RunDirectory.CHECKPOINT);
        byte[] before = Files.readAllBytes(checkpoint);
        assertRefused(Bnn.run("export", binaryRun.toString(), "--out", checkpoint.toString()), ExitCode.USAGE, null,
                "is the run's own checkpoint.bin");
        assertThat(Files.readAllBytes(checkpoint)).isEqualTo(before);
    }

    @Test
    void helpListsExport() {
        Bnn help = Bnn.run("help");
        assertThat(help.out()).contains("export").contains("packed binary model file");
        Bnn usage = Bnn.run("help", "export");
        assertThat(usage.out()).contains("usage: bnn export RUN_DIR --out model.bnnp [--check|--no-check]");
    }
}
