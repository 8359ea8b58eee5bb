package org.bnnworkbench.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableRow;
import org.bnnworkbench.app.WorkbenchUiTest;
import org.bnnworkbench.app.training.TrainingModel;
import org.bnnworkbench.architectures.Architectures;
import org.bnnworkbench.engine.data.DatasetCatalog;
import org.bnnworkbench.engine.data.DatasetSplit;
import org.bnnworkbench.engine.param.ParameterValues;
import org.bnnworkbench.engine.spec.InputShape;
import org.bnnworkbench.engine.spec.NetworkSpec;
import org.bnnworkbench.engine.spec.SpecJson;
import org.bnnworkbench.engine.train.EpochMetrics;
import org.bnnworkbench.engine.train.TrainingConfig;
import org.bnnworkbench.engine.train.TrainingEvent;
import org.bnnworkbench.experiments.run.RunDirectory;
import org.bnnworkbench.experiments.run.RunRecord;
import org.bnnworkbench.experiments.run.RunSettings;
import org.bnnworkbench.experiments.run.RunStatus;
import org.bnnworkbench.experiments.run.TrainingRun;
import org.bnnworkbench.experiments.store.RunStore;
import org.junit.jupiter.api.Test;

/** The Runs tab on a store the test fills: records written directly, or a real tiny run stopped after one epoch. */
class RunsViewTest extends WorkbenchUiTest {

    private RunStore store() {
        return new RunStore(home.resolve("runs"));
    }

    /** A finished record of bnn-small with a clip threshold and one or two epochs of made-up history. */
    private void record(String id, RunStatus status, float clip, double top1, NetworkSpec spec) throws IOException {
        record(id, status, clip, top1, spec, 2);
    }

    private void record(String id, RunStatus status, float clip, double top1, NetworkSpec spec, int epochs)
            throws IOException {
        record(id, status, clip, top1, spec, epochs, 128);
    }

    private void record(String id, RunStatus status, float clip, double top1, NetworkSpec spec, int epochs,
                        int testImages) throws IOException {
        RunDirectory directory = store().directory(id);
        Files.createDirectories(directory.path());
        var history = List.of(new EpochMetrics(1, 1.5, 0.4, 1.2, top1 - 0.1, 0.9, 0.15, 0.004, 3.5, 140, 1e-3),
                new EpochMetrics(2, 1.1, 0.6, 1.0, top1, 0.95, 0.12, 0.003, 3.5, 140, 1e-3)).subList(0, epochs);
        var config = TrainingConfig.defaults();
        var settings = org.bnnworkbench.experiments.run.TrainingParameters.values(config).withFoundValue("clip",
                (double) clip);
        directory.write(new RunRecord(RunRecord.FORMAT, RunRecord.VERSION, status, status.id(), "bnn-small",
                Map.of("growthRate", "32"), false,
                new RunRecord.Dataset("fashion-mnist-subset", "classpath:/x/", 256, testImages, "28x28x1", 10, null),
                org.bnnworkbench.experiments.run.TrainingParameters.toConfig(settings).asMap(), history, top1, 2, 0,
                7.0, 140.0, 1234, null, new int[0][0], RunRecord.Environment.current(),
                Instant.parse("2026-01-02T03:04:05Z"), Instant.parse("2026-01-02T03:05:05Z"),
                spec == null ? null : SpecJson.toTree(spec)));
    }

    private void showRuns(int expected) {
        tab("runs-tab");
        waitFor(10, () -> window.runsView().table().getItems().size() == expected, expected + " rows");
    }

    private void clickRow(int index, boolean addToSelection) {
        Node row = robot.lookup("#runs-table .table-row-cell").queryAll().stream()
                .filter(n -> n instanceof TableRow<?> r && r.getIndex() == index).findFirst().orElseThrow();
        if (addToSelection) {
            robot.press(javafx.scene.input.KeyCode.SHORTCUT).clickOn(row).release(javafx.scene.input.KeyCode.SHORTCUT);
        } else {
            robot.clickOn(row);
        }
    }

    @Test
    void theCurveOfASingleEpochHasAReadableScale() throws IOException {
        record("r1-one-epoch", RunStatus.COMPLETED, 1.3f, 0.744, null, 1);
        showRuns(1);

        clickRow(0, false);
        waitFor(10, () -> window.runsView().curves() == 1, "the curve");

        // JFreeChart's own minimum (1e-8) labelled every tick 7.44E1
        assertThat(window.runsView().curveAxisSpan()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void everyAccuracyInTheTableCarriesTheStandardErrorOfItsTestImages() throws IOException {
        record("r1-small-test", RunStatus.COMPLETED, 1.3f, 0.80, null, 2, 128);
        record("r2-full-test", RunStatus.COMPLETED, 1.3f, 0.9123, null, 2, 10_000);
        showRuns(2);

        // sqrt(p (1 - p) / n) of each record, in points
        assertThat(accuracyCell("r1-small-test")).isEqualTo(String.format(Locale.ROOT, "80.00%% \u00b1 %.2f",
                100 * Math.sqrt(0.80 * 0.20 / 128)));
        assertThat(accuracyCell("r1-small-test")).isEqualTo("80.00% \u00b1 3.54");
        assertThat(accuracyCell("r2-full-test")).isEqualTo(String.format(Locale.ROOT, "91.23%% \u00b1 %.2f",
                100 * Math.sqrt(0.9123 * 0.0877 / 10_000)));
    }

    @Test
    void theAccuracyCurvesAreNeverZoomedBelowTheTestSetNoise() throws IOException {
        record("r1-clip10", RunStatus.COMPLETED, 1.0f, 0.80, null, 2, 128);
        record("r2-clip13", RunStatus.COMPLETED, 1.3f, 0.81, null, 2, 128);
        showRuns(2);
        clickRow(0, false);
        clickRow(1, true);
        waitFor(10, () -> window.runsView().curves() == 2, "two curves");

        // the curves span 70 to 81%; a standard error of their 128 test images is about 3.5 points
        double se = 100 * (Math.sqrt(0.80 * 0.20 / 128) + Math.sqrt(0.81 * 0.19 / 128)) / 2;
        var axis = window.runsView().curveAxis();
        assertThat(axis.getLength()).isGreaterThanOrEqualTo(8 * se - 1e-9);
        assertThat(axis.getLowerBound()).isLessThanOrEqualTo(70);
        assertThat(axis.getUpperBound()).isGreaterThanOrEqualTo(81);

        robot.clickOn("#runs-metric").clickOn("testLoss");
        waitFor(10, () -> window.runsView().curveAxis().getUpperBound() < 5, "the loss's own scale");
        assertThat(window.runsView().curveAxis().getLowerBound()).isGreaterThan(0.5);
    }

    /** The text of a run's test top-1 cell, as the table shows it. */
    private String accuracyCell(String id) {
        int row = window.runsView().table().getItems().stream().map(r -> r.id()).toList().indexOf(id);
        return robot.lookup("#runs-table .table-cell").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.TableCell<?, ?> c && c.getIndex() == row
                        && "runs-column-testTop1".equals(c.getTableColumn().getId()))
                .map(n -> ((javafx.scene.control.TableCell<?, ?>) n).getText()).findFirst().orElseThrow();
    }

    @Test
    void theTableFiltersByAnyParameterOverlaysTheSelectedRunsAndDeletesAfterAsking() throws IOException {
        record("r1-clip05", RunStatus.COMPLETED, 0.5f, 0.70, null);
        record("r2-clip13", RunStatus.COMPLETED, 1.3f, 0.80, null);
        record("r3-clip20", RunStatus.DIVERGED, 2.0f, 0.10, null);
        showRuns(3);
        assertThat(text("#runs-count")).isEqualTo("3 of 3 runs");

        type("#runs-filter", "clip>=1 status=completed");
        waitFor(5, () -> window.runsView().table().getItems().size() == 1, "the filter");
        assertThat(window.runsView().table().getItems().get(0).id()).isEqualTo("r2-clip13");

        type("#runs-filter", "clip>>1");
        assertThat(text("#runs-filter-error")).isEqualTo("'clip>>1' is not key, operator, value (operators: = != < <="
                + " > >=)");
        type("#runs-filter", "cilp>1");
        assertThat(text("#runs-filter-error")).startsWith("no run has a value named 'cilp'");

        type("#runs-filter", "growthRate=32");
        waitFor(5, () -> window.runsView().table().getItems().size() == 3, "every run has growthRate 32");
        assertThat(text("#runs-filter-error")).isEmpty();

        clickRow(0, false);
        clickRow(1, true);
        waitFor(10, () -> window.runsView().curves() == 2, "two curves");

        clickRow(2, false);
        String doomed = window.runsView().table().getSelectionModel().getSelectedItem().id();
        dialogs.confirmations.add(true);
        robot.clickOn("#runs-delete");
        waitFor(10, () -> window.runsView().table().getItems().size() == 2, "the run to go");
        assertThat(dialogs.asked).containsExactly("Delete run " + doomed + "?");
        assertThat(home.resolve("runs").resolve(doomed)).doesNotExist();

        clickRow(0, false);
        dialogs.confirmations.add(false);
        robot.clickOn("#runs-delete");
        assertThat(store().list()).hasSize(2);
    }

    @Test
    void openDesignReopensTheRunsNetworkInTheDesignerAsAFamilyInstance() throws IOException {
        ParameterValues values = Architectures.get("bnn-small").parameters().with("growthRate", "32");
        NetworkSpec spec = Architectures.get("bnn-small").spec(values);
        record("r1", RunStatus.COMPLETED, 1.3f, 0.8, spec);
        showRuns(1);
        clickRow(0, false);

        robot.clickOn("#runs-open-design");

        waitFor(10, () -> window.designer().design().spec().equals(spec), "the run's design in the Designer");
        assertThat(window.designer().design().family()).isNotNull();
        assertThat(window.designer().design().family().parameters()).containsEntry("growthRate", "32");
        assertThat(((javafx.scene.control.TabPane) node(".tab-pane")).getSelectionModel().getSelectedItem().getId())
                .isEqualTo("designer-tab");
    }

    @Test
    void aCancelledRunIsResumedFromTheRunsTabAndTrainsToItsLastEpoch() throws Exception {
        DatasetSplit data = new DatasetCatalog().resolve("fashion-mnist-subset");
        RunSettings settings = RunSettings.defaults().withParam("growthRate", "16").withParam("initFeatures", "16")
                .withConfig(TrainingConfig.defaults().withLimits(256, 128).withEpochs(2));
        TrainingRun run = store().create(settings, settings.spec(new InputShape(28, 28, 1), 10), data);
        run.addListener(e -> {
            if (e instanceof TrainingEvent.Epoch) {
                run.cancel();
            }
        });
        assertThat(run.run().status()).isEqualTo(RunStatus.CANCELLED);
        showRuns(1);
        clickRow(0, false);
        assertThat(window.runsView().table().getItems().get(0).resumable()).isTrue();

        robot.clickOn("#runs-resume");

        waitFor(5, () -> window.trainingView().model().state() != TrainingModel.State.IDLE, "the training");
        waitFor(50, () -> window.trainingView().model().state() == TrainingModel.State.IDLE, "the run to end");
        RunRecord record = store().record(store().list().get(0).id());
        assertThat(record.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(record.epochs()).isEqualTo(2);
        assertThat(record.resumedFromEpoch()).isEqualTo(1);
        assertThat(window.trainingView().points("chart-accuracy", "binary test")).isEqualTo(2);
        assertThat(text("#training-status")).startsWith("Completed (run ");
        tab("runs-tab");
        waitFor(10, () -> "completed".equals(window.runsView().table().getItems().get(0).status().id()),
                "the table to show it completed");
        clickRow(0, false);
        assertThat(((Button) node("#runs-resume")).isDisabled()).isTrue();
    }

    @Test
    void aFinishedRunIsExportedToAPackedModelInTheBackgroundAndTheCheckIsShown() throws Exception {
        DatasetSplit data = new DatasetCatalog().resolve("fashion-mnist-subset");
        // bnn-small as named: a smaller variant's per-layer fields weigh more than 1% beside its weights
        RunSettings settings = RunSettings.defaults()
                .withConfig(TrainingConfig.defaults().withLimits(256, 0).withEpochs(1));
        TrainingRun run = store().create(settings, settings.spec(new InputShape(28, 28, 1), 10), data);
        RunRecord record = run.run();
        assertThat(record.status()).isEqualTo(RunStatus.COMPLETED);
        String id = run.directory().path().getFileName().toString();
        showRuns(1);
        clickRow(0, false);
        Path file = Files.createDirectories(home.resolve("exports")).resolve("model.bnnp");
        dialogs.paths.add(file);

        robot.clickOn("#runs-export");

        waitFor(60, () -> !window.runsView().isExporting() && !text("#runs-export-status").isEmpty(),
                "the export to end");
        assertThat(dialogs.errors).isEmpty();
        assertThat(dialogs.asked).containsExactly("Export packed model " + id + ".bnnp");
        assertThat(file).isRegularFile();
        long size = Files.size(file);
        long cost = record.cost().modelSizeBytes();
        assertThat((double) size).isCloseTo(cost, org.assertj.core.api.Assertions.within(0.01 * cost));
        // the run evaluated the whole test split, so the restored network's top-1 on it is the record's
        String top1 = String.format(java.util.Locale.ROOT, "%.2f%%", 100 * record.testTop1());
        assertThat(text("#runs-export-status")).isEqualTo(String.format(java.util.Locale.ROOT,
                "Exported run %s to %s: %,d bytes (cost model %,d bytes, ratio %.4f). Check on 2,000 test images: "
                + "packed top-1 %s, training engine top-1 %s, 0 predictions differ.", id, file, size, cost,
                (double) size / cost, top1, top1));
        assertThat(((Button) node("#runs-export")).isDisabled()).as("ready for the next export").isFalse();
    }

    @Test
    void aRunWithoutACheckpointIsNotExportedAndTheStatusAndADialogSayWhy() throws IOException {
        record("r1-no-checkpoint", RunStatus.COMPLETED, 1.3f, 0.8,
                Architectures.get("bnn-small").spec(Architectures.get("bnn-small").parameters()));
        showRuns(1);
        clickRow(0, false);
        Path file = home.resolve("model.bnnp");
        dialogs.paths.add(file);

        robot.clickOn("#runs-export");

        waitFor(20, () -> !window.runsView().isExporting() && !text("#runs-export-status").isEmpty(),
                "the export to end");
        String why = "'" + store().directory("r1-no-checkpoint").path() + "' has no checkpoint.bin";
        assertThat(text("#runs-export-status")).startsWith("Export of run r1-no-checkpoint failed: " + why);
        assertThat(dialogs.errors).singleElement().asString().startsWith("Export failed: " + why);
        assertThat(file).doesNotExist();
    }
}
