package org.bnnworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.TableRow;
import org.bnnworkbench.app.training.TrainingModel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Drives the running app on a real X server (Xvfb, 1280x800) through what docs/user-guide.md and docs/clip-sweep.md
 * show, and captures the screen with ImageMagick's {@code import}: a training with its twin on a slice of the
 * embedded subset, the Runs tab, the clip-threshold sweep t in {0.5, 1.0, 1.3, 2.0} of bnn-small on the whole
 * subset, whose folder is kept in docs/examples/clip-sweep, and a clip sweep with three seeds per configuration. Not part of the default run (tag {@code screenshots});
 * the commands are in docs/clip-sweep.md. Skipped under Monocle, which has no screen to capture.
 */
@Tag("screenshots")
class ExperimentScreenshots extends WorkbenchUiTest {

    private static final Path IMAGES = ScreenCapture.IMAGES;
    private static final Path CLIP_SWEEP = Path.of(System.getProperty("bnn.clipSweep",
            "../docs/examples/clip-sweep")).toAbsolutePath().normalize();

    private static void shoot(String name) throws IOException, InterruptedException {
        ScreenCapture.shoot(name, 600); // let the last frame reach the X server
    }

    private static void crop(String from, String to, int x, int y, int width, int height) throws IOException {
        ScreenCapture.crop(from, to, x, y, width, height);
    }

    private static void assumeADisplay() {
        assumeTrue(!"Monocle".equals(System.getProperty("glass.platform")), "needs a real display (Xvfb)");
    }

    private TrainingModel training() {
        return window.trainingView().model();
    }

    @Test
    void trainingTwinAndRunsScreenshots() throws Exception {
        assumeADisplay();
        tab("training-tab");
        type("#train-param-epochs", "3");
        type("#train-param-trainLimit", "3000");
        type("#train-param-testLimit", "1000");
        waitFor(30, () -> training().fitProperty().get() != null, "the design check");
        robot.clickOn("#training-twin");

        waitFor(1200, () -> window.trainingView().points("chart-accuracy", "binary test") >= 2,
                "two epochs of the binary run");
        robot.moveTo("#training-status");
        shoot("training-live");
        waitFor(1800, () -> window.trainingView().points("chart-accuracy", "twin test") >= 1
                && window.trainingView().points("chart-batch-loss", "twin") >= 12, "the twin half-way into epoch 1");
        shoot("training-twin-live");
        waitFor(1800, () -> training().state() == TrainingModel.State.IDLE, "both runs to end");
        shoot("training-twin-gap");

        type("#train-param-clip", "-1");
        shoot("training-refused");
        crop("training-refused", "training-form", 0, 56, 345, 719);
        Files.delete(IMAGES.resolve("training-refused.png")); // only the form is shown
        type("#train-param-clip", "1.3");

        tab("runs-tab");
        waitFor(20, () -> window.runsView().table().getItems().size() == 2, "two runs");
        robot.clickOn(row(0));
        robot.press(javafx.scene.input.KeyCode.SHORTCUT).clickOn(row(1)).release(javafx.scene.input.KeyCode.SHORTCUT);
        waitFor(20, () -> window.runsView().curves() == 2, "two curves");
        shoot("runs");

        // the binary run exported to a packed model file, checked against the training engine
        robot.clickOn(row(0));
        Path model = Files.createTempDirectory("bnn-shot").resolve("binary.bnnp");
        dialogs.paths.add(model);
        robot.clickOn("#runs-export");
        waitFor(120, () -> !window.runsView().isExporting() && !text("#runs-export-status").isEmpty(),
                "the export and its check");
        shoot("runs-export");
    }

    private Node row(int index) {
        return robot.lookup("#runs-table .table-row-cell").queryAll().stream()
                .filter(n -> n instanceof TableRow<?> r && r.getIndex() == index).findFirst().orElseThrow();
    }

    /**
     * The clip-threshold sweep of bnn-small on the whole embedded subset, two epochs a point, the other settings the
     * defaults (seed 42). Run again on the kept folder, it trains nothing and shoots the finished sweep.
     */
    @Test
    void clipSweepThroughTheUi() throws Exception {
        assumeADisplay();
        tab("training-tab");
        type("#train-param-epochs", "2");
        tab("sweeps-tab");
        waitFor(60, () -> "the Training tab".equals(window.sweepsView().form().baseOriginProperty().get())
                && window.sweepsView().form().baseProperty().get().config().epochs() == 2, "the base");
        type("#sweep-values-0", "0.5, 1.0, 1.3, 2.0");
        type("#sweep-folder", CLIP_SWEEP.toString());
        assertThat(text("#sweep-points")).isEqualTo("4 points");

        robot.clickOn("#sweep-run");
        waitFor(60, () -> window.sweepsView().model().isRunning()
                || window.sweepsView().table().getItems().size() == 4, "the sweep to start");
        if (!Files.exists(CLIP_SWEEP.resolve("journal.jsonl"))
                || Files.readAllLines(CLIP_SWEEP.resolve("journal.jsonl")).size() < 4) {
            waitFor(4 * 3600, () -> window.sweepsView().table().getItems().size() >= 1
                    || !window.sweepsView().model().isRunning(), "the first point");
            Thread.sleep(20_000);
            robot.moveTo("#sweep-status");
            shoot("sweep-running");
            if (Boolean.getBoolean("bnn.onlyTheRunningSweep")) {
                return; // the window's closing cancels the sweep; its folder resumes where it stopped
            }
        }
        waitFor(4 * 3600, () -> !window.sweepsView().model().isRunning(), "the sweep to end");
        assertThat(window.sweepsView().table().getItems()).hasSize(4);
        robot.moveTo("#sweep-status");
        shoot("sweep-results");
        // the verdict and the two charts below it, wherever the layout puts them
        var verdict = node("#sweep-verdict").localToScreen(node("#sweep-verdict").getLayoutBounds());
        var below = node("#sweep-charts").localToScreen(node("#sweep-charts").getLayoutBounds());
        crop("sweep-results", "sweep-charts", (int) verdict.getMinX(), (int) verdict.getMinY(),
                (int) (below.getMaxX() - verdict.getMinX()), (int) (below.getMaxY() - verdict.getMinY()));
    }

    /**
     * A clip sweep with three seeds per configuration of bnn-small (two epochs on 3,000 training and 1,000 test
     * images): the configurations with their intervals, the verdict, the error bars;
     * then the Runs tab with two runs of the Training tab and their accuracies' standard errors. The sweep's folder is
     * {@code -Dbnn.repeatSweep} (default target/repeat-sweep): run again, it trains nothing and shoots at once.
     */
    @Test
    void repeatedSweepAndRunsWithErrorsScreenshots() throws Exception {
        assumeADisplay();
        fillInTheRepeatedSweep(Path.of(System.getProperty("bnn.repeatSweep", "target/repeat-sweep")));
        robot.clickOn("#sweep-run");
        waitFor(60, () -> window.sweepsView().model().isRunning()
                || window.sweepsView().table().getItems().size() == 9, "the sweep to start");
        waitFor(3600, () -> !window.sweepsView().model().isRunning(), "the sweep to end");
        waitFor(30, () -> window.sweepsView().accuracyChart().getXYPlot().getDataset(1) != null
                && window.sweepsView().accuracyChart().getXYPlot().getDataset(1).getItemCount(0) == 9, "the chart");
        robot.moveTo("#sweep-verdict");
        shoot("sweep-repeats");

        tab("training-tab");
        type("#train-param-clip", "1.0");
        robot.clickOn("#training-start");
        waitFor(10, () -> training().state() != TrainingModel.State.IDLE, "the first run to start");
        waitFor(1800, () -> training().state() == TrainingModel.State.IDLE, "the first run");
        type("#train-param-clip", "1.3");
        robot.clickOn("#training-start");
        waitFor(10, () -> training().state() != TrainingModel.State.IDLE, "the second run to start");
        waitFor(1800, () -> training().state() == TrainingModel.State.IDLE, "the second run");
        tab("runs-tab");
        waitFor(20, () -> window.runsView().table().getItems().size() == 2, "two runs");
        robot.clickOn(row(0));
        robot.press(javafx.scene.input.KeyCode.SHORTCUT).clickOn(row(1)).release(javafx.scene.input.KeyCode.SHORTCUT);
        waitFor(20, () -> window.runsView().curves() == 2, "two curves");
        robot.moveTo("#runs-count");
        shoot("runs-errors");
    }

    /**
     * The same sweep under way, in {@code -Dbnn.repeatSweepRunning}: a copy of the finished sweep's folder cut down
     * to the first round of seeds (its journal's first three lines, without the other runs' folders), which resumes
     * there; shot while the second round trains. The window's closing cancels it.
     */
    @Test
    void repeatedSweepRunningScreenshot() throws Exception {
        assumeADisplay();
        Path folder = Path.of(System.getProperty("bnn.repeatSweepRunning", "target/repeat-sweep-running"));
        assumeTrue(Files.isDirectory(folder), "a cut-down copy of a finished sweep in " + folder);
        fillInTheRepeatedSweep(folder);
        robot.clickOn("#sweep-run");
        waitFor(60, () -> window.sweepsView().model().isRunning(), "the sweep to start");
        waitFor(60, () -> window.sweepsView().table().getItems().size() >= 3, "the first round's results");
        Thread.sleep(25_000); // into the first epoch of the running point
        robot.moveTo("#sweep-status");
        shoot("sweep-repeats-running");
    }

    /** bnn-small, two epochs on 3,000 training and 1,000 test images, clip 0.5, 1.0, 1.3, three seeds each. */
    private void fillInTheRepeatedSweep(Path folder) {
        tab("training-tab");
        type("#train-param-epochs", "2");
        type("#train-param-trainLimit", "3000");
        type("#train-param-testLimit", "1000");
        tab("sweeps-tab");
        waitFor(60, () -> window.sweepsView().form().baseProperty().get().config().trainLimit() == 3000
                && window.sweepsView().form().baseProperty().get().config().testLimit() == 1000, "the base");
        type("#sweep-name", "clip-seeds");
        type("#sweep-values-0", "0.5, 1.0, 1.3");
        type("#sweep-repeats", "3");
        type("#sweep-folder", folder.toAbsolutePath().toString());
        assertThat(text("#sweep-points")).isEqualTo("9 points: 3 configurations \u00d7 3 seeds");
    }
}
