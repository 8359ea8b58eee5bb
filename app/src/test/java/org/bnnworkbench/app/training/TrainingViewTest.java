package org.bnnworkbench.app.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.bnnworkbench.app.WorkbenchUiTest;
import org.bnnworkbench.app.training.TrainingModel.State;
import org.bnnworkbench.experiments.run.RunStatus;
import org.bnnworkbench.experiments.store.RunStore;
import org.bnnworkbench.experiments.store.RunSummary;
import org.junit.jupiter.api.Test;

/**
 * The Training tab as a person uses it: bnn-small (the design the app opens with) on slices of the embedded
 * Fashion-MNIST subset, a few seconds a run.
 */
class TrainingViewTest extends WorkbenchUiTest {

    private TrainingView view() {
        return window.trainingView();
    }

    private State state() {
        return view().model().state();
    }

    private List<RunSummary> runs() throws IOException {
        return new RunStore(home.resolve("runs")).list();
    }

    private void waitForIdle(String what) {
        waitFor(50, () -> state() == State.IDLE, what);
    }

    private void waitUntilStartable() {
        waitFor(20, () -> !((Button) node("#training-start")).isDisabled(), "the design to be checked against the "
                + "data set");
    }

    @Test
    void aOneEpochRunOnASliceDrawsItsChartsAndKeepsItsRecord() throws IOException {
        typeTinySettings();
        waitUntilStartable();
        assertThat(text("#training-fit")).contains("Trains bnn-small on fashion-mnist-subset (28x28x1 images, 10 "
                + "classes)");

        robot.clickOn("#training-start");

        waitFor(30, () -> view().points("chart-batch-loss", "binary") > 0, "the smoothed batch loss's first point");
        assertThat(state()).isIn(State.TRAINING, State.PAUSED);
        waitForIdle("the run to end");
        assertThat(view().points("chart-batch-loss", "binary")).isEqualTo(4); // 256 images in batches of 64
        assertThat(view().points("chart-loss", "binary test")).isEqualTo(1);
        assertThat(view().points("chart-accuracy", "binary test")).isEqualTo(1);
        assertThat(view().points("chart-diagnostics", "saturation")).isEqualTo(1);
        assertThat(view().points("chart-throughput", "binary")).isPositive();
        assertThat(view().confusionRows()).isEqualTo(10);
        assertThat(text("#training-status")).startsWith("Completed (run ").contains("test top-1").contains("1 epoch");
        assertThat(runs()).singleElement().satisfies(run -> {
            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(run.arch()).isEqualTo("bnn-small");
            assertThat(run.value("trainLimit")).isEqualTo(256);
            assertThat(run.value("batch")).isEqualTo(64);
            assertThat(run.epochs()).isEqualTo(1);
        });
    }

    @Test
    void cancelStopsTheRunAndItsRecordSaysCancelled() throws IOException {
        typeTinySettings();
        type("#train-param-epochs", "3");
        waitUntilStartable();
        robot.clickOn("#training-start");
        waitFor(30, () -> view().points("chart-batch-loss", "binary") > 0, "the first batch");

        robot.clickOn("#training-cancel");

        waitForIdle("the run to stop");
        assertThat(text("#training-status")).startsWith("Cancelled (run ");
        RunSummary run = runs().get(0);
        assertThat(run.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(run.epochs()).isLessThan(3);
        assertThat(((Button) node("#training-start")).isDisabled()).isFalse();
    }

    @Test
    void pauseHoldsTheRunAndResumeTrainsItToTheEnd() throws IOException {
        typeTinySettings();
        type("#train-param-trainLimit", "512");
        waitUntilStartable();
        robot.clickOn("#training-start");
        waitFor(30, () -> view().points("chart-batch-loss", "binary") > 0, "the first batch");

        robot.clickOn("#training-pause");

        assertThat(state()).isEqualTo(State.PAUSED);
        assertThat(((Button) node("#training-pause")).getText()).isEqualTo("Resume");
        sleep(800); // the batch under way when Pause was pressed may still end
        int held = view().points("chart-batch-loss", "binary");
        sleep(1500);
        assertThat(view().points("chart-batch-loss", "binary")).as("batches while paused").isEqualTo(held);
        assertThat(held).isLessThan(8);

        robot.clickOn("#training-pause");

        assertThat(((Button) node("#training-pause")).getText()).isEqualTo("Pause");
        waitForIdle("the run to end");
        assertThat(view().points("chart-batch-loss", "binary")).isEqualTo(8);
        assertThat(runs()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(RunStatus.COMPLETED));
    }

    @Test
    void trainTwinTooTrainsTheFullPrecisionTwinAfterTheBinaryRunAndShowsTheGap() throws IOException {
        typeTinySettings();
        waitUntilStartable();
        assertThat(node("#training-gap").isVisible()).isFalse();

        robot.clickOn("#training-twin");

        waitFor(50, () -> view().points("chart-accuracy", "binary test") == 1, "the binary run's epoch");
        waitForIdle("both runs to end");
        assertThat(view().points("chart-accuracy", "twin test")).isEqualTo(1);
        assertThat(view().points("chart-batch-loss", "twin")).isEqualTo(4);
        assertThat(node("#training-gap").isVisible()).isTrue();
        assertThat(text("#training-gap")).startsWith("Twin \u2212 binary test top-1: ").contains(" pp")
                .contains("epoch 1");
        List<RunSummary> runs = runs();
        assertThat(runs).hasSize(2).allSatisfy(r -> assertThat(r.status()).isEqualTo(RunStatus.COMPLETED));
        assertThat(runs).extracting(RunSummary::fullPrecision).containsExactlyInAnyOrder(false, true);
        RunSummary binary = runs.stream().filter(r -> !r.fullPrecision()).findFirst().orElseThrow();
        RunSummary twin = runs.stream().filter(RunSummary::fullPrecision).findFirst().orElseThrow();
        assertThat(text("#training-gap")).contains(String.format(java.util.Locale.ROOT, "%+.1f pp",
                100 * (twin.testTop1() - binary.testTop1())));
        assertThat(text("#training-status")).contains("binary").contains("full-precision twin");
        assertThat(twin.config()).isEqualTo(binary.config());
    }

    @Test
    void anInvalidValueIsRefusedBesideItsFieldAndTheFormKeepsTheLastGoodOne() {
        tab("training-tab");
        type("#train-param-clip", "-1");

        Label error = (Label) node("#train-error-clip");
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).isEqualTo("expects a positive number, got '-1'");
        assertThat(view().model().form().text("clip")).isEqualTo("1.3");

        type("#train-param-epochs", "ten");
        assertThat(text("#train-error-epochs")).contains("'ten'");
        assertThat(view().model().form().config().epochs()).isEqualTo(10);

        type("#train-param-clip", "1.0");
        assertThat(node("#train-error-clip").isVisible()).isFalse();
        assertThat(((TextField) node("#train-param-clip")).getText()).isEqualTo("1.0");
        assertThat(view().model().form().config().clip()).isEqualTo(1.0f);
    }

    @Test
    void aDesignOfPlainBlocksForOtherImagesIsRefusedWithWhatToChange() {
        robot.clickOn("#expand-family");
        waitFor(10, () -> window.designer().design().family() == null, "the design to be plain blocks");
        robot.clickOn("#property-sheet #param-input");
        robot.push(javafx.scene.input.KeyCode.SHORTCUT, javafx.scene.input.KeyCode.A);
        robot.write("32x32x3");
        robot.type(javafx.scene.input.KeyCode.ENTER);
        tab("training-tab");

        waitFor(20, () -> view().model().fitProperty().get() != null, "the check");
        assertThat(text("#training-fit")).contains("does not fit fashion-mnist-subset")
                .contains("takes 32x32x3 images").contains("Set the design's input shape to 28x28x1");
        assertThat(((Button) node("#training-start")).isDisabled()).isTrue();
        assertThat(((Button) node("#training-twin")).isDisabled()).isTrue();
    }

    @Test
    void aFolderOfIdxFilesIsChosenAndTheFamilyDesignIsRebuiltForItsImages() throws IOException {
        java.nio.file.Path folder = home.resolve("tiny-idx");
        writeIdx(folder, "train", 40);
        writeIdx(folder, "t10k", 20);
        dialogs.paths.add(folder);
        tab("training-tab");

        robot.clickOn("#training-dataset-folder");

        waitFor(20, () -> text("#training-fit").contains("16x16x1"), "the folder's data set to be checked");
        assertThat(text("#training-fit")).isEqualTo("Trains bnn-small on " + folder + " (16x16x1 images, 10 "
                + "classes). The design takes 28x28x1 images and 10 classes; it is rebuilt for the data set's.");
        assertThat(dialogs.asked).containsExactly("Data set folder");
        assertThat(((Button) node("#training-start")).isDisabled()).isFalse();
    }

    /** Four-file IDX layout (raw, not gzipped): {@code count} 16x16 images, labels 0..9 in turn. */
    private static void writeIdx(java.nio.file.Path folder, String split, int count) throws IOException {
        java.nio.file.Files.createDirectories(folder);
        var images = java.nio.ByteBuffer.allocate(16 + count * 256);
        images.putInt(0x803).putInt(count).putInt(16).putInt(16);
        for (int i = 0; i < count * 256; i++) {
            images.put((byte) (i * 7));
        }
        var labels = java.nio.ByteBuffer.allocate(8 + count);
        labels.putInt(0x801).putInt(count);
        for (int i = 0; i < count; i++) {
            labels.put((byte) (i % 10));
        }
        java.nio.file.Files.write(folder.resolve(split + "-images-idx3-ubyte"), images.array());
        java.nio.file.Files.write(folder.resolve(split + "-labels-idx1-ubyte"), labels.array());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
