package org.bnnworkbench.experiments.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bnnworkbench.engine.data.DatasetCatalog;
import org.bnnworkbench.engine.data.DatasetSplit;
import org.bnnworkbench.engine.inference.PackedModel;
import org.bnnworkbench.engine.inference.PackedOp;
import org.bnnworkbench.engine.spec.InputShape;
import org.bnnworkbench.engine.train.TrainingConfig;
import org.bnnworkbench.experiments.run.RunRecord;
import org.bnnworkbench.experiments.run.RunSettings;
import org.bnnworkbench.experiments.run.RunStatus;
import org.bnnworkbench.experiments.run.TrainingRun;
import org.bnnworkbench.experiments.store.RunStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export's check catches a packed model that predicts otherwise, and then the file does not take its name. */
class RunExportTest {

    @TempDir
    static Path store;
    static Path run;
    static RunRecord record;

    @TempDir
    Path temp;

    @BeforeAll
    static void train() throws IOException {
        DatasetSplit data = new DatasetCatalog().resolve("fashion-mnist-subset");
        RunSettings settings = RunSettings.defaults().withConfig(TrainingConfig.defaults().withLimits(256, 0)
                .withEpochs(1));
        TrainingRun training = new RunStore(store).create(settings, settings.spec(new InputShape(28, 28, 1), 10),
                data);
        record = training.run();
        assertThat(record.status()).isEqualTo(RunStatus.COMPLETED);
        run = training.directory().path();
    }

    /** The model with class 0's bias raised far above any score: it predicts class 0 for every image. */
    private static PackedModel favouringClassZero(PackedModel model) {
        var nodes = new ArrayList<>(model.nodes());
        int last = nodes.size() - 1;
        PackedOp.Dense dense = (PackedOp.Dense) nodes.get(last).op();
        float[] bias = dense.bias().clone();
        bias[0] += 1e6f;
        nodes.set(last, new PackedModel.Node(new PackedOp.Dense(dense.in(), dense.out(), dense.weights(), bias),
                nodes.get(last).inputs()));
        return new PackedModel(model.name(), model.normalization(), nodes);
    }

    @Test
    void aModelThatPredictsOtherwiseFailsTheCheckAndIsNotWritten() throws IOException {
        Path fresh = temp.resolve("fresh.bnnp");
        assertThatThrownBy(() -> RunExport.of(run).alterBeforeWriting(RunExportTest::favouringClassZero)
                .writeTo(fresh))
                .isInstanceOfSatisfying(ExportException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ExportException.Kind.CHECK_FAILED);
                    assertThat(e.isArgument()).isFalse();
                    // about 9 in 10 images are not predicted as class 0 by the trained network
                    assertThat(e.getMessage()).startsWith("check failed: the packed model read back from the file"
                            + " predicts ").contains(" of 2000 test images of fashion-mnist-subset differently",
                            "packed top-1 10.00%", "'" + fresh + "' was not written");
                });
        assertThat(fresh).doesNotExist();

        Path old = Files.writeString(temp.resolve("old.bnnp"), "an earlier export");
        assertThatThrownBy(() -> RunExport.of(run).alterBeforeWriting(RunExportTest::favouringClassZero)
                .writeTo(old)).isInstanceOf(ExportException.class);
        assertThat(old).hasContent("an earlier export");
        try (var files = Files.list(temp)) {
            assertThat(files).as("no temporary file stays").containsExactly(old);
        }
    }

    @Test
    void withoutTheCheckTheSameModelIsWrittenAsItIs() throws Exception {
        Path file = temp.resolve("unchecked.bnnp");
        RunExport.Result result = RunExport.of(run).check(false)
                .alterBeforeWriting(RunExportTest::favouringClassZero).writeTo(file);
        assertThat(result.check()).isNull();
        assertThat(file).isRegularFile();
        assertThat(result.fileBytes()).isEqualTo(Files.size(file));
    }

    @Test
    void theResultTellsTheRunTheSizesAndTheCheckAndProgressEndsAtOne() throws Exception {
        List<Double> fractions = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        Path file = temp.resolve("model.bnnp");

        RunExport.Result r = RunExport.of(run).progress((f, m) -> {
            fractions.add(f);
            messages.add(m);
        }).writeTo(file);

        assertThat(r.file()).isEqualTo(file);
        assertThat(r.arch()).isEqualTo("bnn-small");
        assertThat(r.binary()).isTrue();
        assertThat(r.fullPrecision()).isFalse();
        assertThat(r.dataset()).isEqualTo("fashion-mnist-subset");
        assertThat(r.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(r.epochsExported()).isEqualTo(1);
        assertThat(r.recordEpochs()).isEqualTo(1);
        assertThat(r.costModelBytes()).isEqualTo(record.cost().modelSizeBytes());
        assertThat(r.ratio()).isBetween(0.99, 1.01);
        assertThat(r.check().images()).isEqualTo(2000);
        assertThat(r.check().differing()).isZero();
        assertThat(r.check().packedCorrect()).isEqualTo(r.check().engineCorrect());
        assertThat(r.check().recordImages()).isEqualTo(2000);
        assertThat(r.check().engineTop1OnRecordImages()).isEqualTo(record.testTop1());
        assertThat(fractions).isSorted().first().isEqualTo(0.0);
        assertThat(fractions).last().isEqualTo(1.0);
        assertThat(messages).anyMatch(m -> m.startsWith("Checking test images 1793\u20132000 of 2000"));
    }
}
