package org.bnnworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.bnnworkbench.app.designer.DesignerActions;
import org.bnnworkbench.app.diagnostics.FxLatencyProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A fresh main window (1280x800, opened on bnn-small as the app starts, its workspace in a temporary folder) for
 * tests of the Training, Runs and Sweeps tabs, driven by the robot as a person would. Every test runs with an
 * {@link FxLatencyProbe} (10 ms period); the longest time the FX thread kept a task waiting is printed and appended
 * to target/fx-latency.md (not asserted: the machine's load decides wall times).
 */
public abstract class WorkbenchUiTest {

    private static final Path LATENCY = Path.of("target", "fx-latency.md");

    @TempDir
    protected Path home;
    protected final FxRobot robot = new FxRobot();
    protected final ScriptedExperimentDialogs dialogs = new ScriptedExperimentDialogs();
    protected MainWindow window;
    protected Stage stage;
    private final FxLatencyProbe latency = new FxLatencyProbe(10);

    @BeforeAll
    static void startTheToolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void openAWindow() throws TimeoutException {
        var setup = new Setup(home, owner -> designerDialogs(), Duration.minutes(10), owner -> dialogs);
        var opened = WindowFixture.open(home, setup);
        window = opened.window();
        stage = opened.stage();
        WaitForAsyncUtils.waitForFxEvents();
        latency.reset();
        latency.start();
    }

    @AfterEach
    void closeTheWindow(TestInfo test) throws TimeoutException {
        latency.stop();
        String line = String.format(Locale.ROOT, "| %s.%s | %.0f ms | %.0f ms | %d |%n", getClass().getSimpleName(),
                test.getTestMethod().map(m -> m.getName()).orElse("?"), latency.maxMillis(), latency.maxCpuMillis(),
                latency.samples());
        System.out.print("FX latency " + line);
        try {
            Files.createDirectories(LATENCY.getParent());
            Files.writeString(LATENCY, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.out.println("cannot write " + LATENCY + ": " + e);
        }
        FxToolkit.setupFixture(() -> {
            window.trainingView().model().cancel();
            window.sweepsView().model().cancel();
        });
        // the runs write into the temporary folder, which is deleted after the test
        waitFor(60, () -> !window.trainingView().model().state().busy() && !window.sweepsView().model().isRunning(),
                "the training and the sweep to stop");
        FxToolkit.setupFixture(() -> {
            window.actions().stopAutosave();
            stage.hide();
        });
    }

    /** The designer asks nothing in these tests: a question fails the test. */
    private static DesignerActions.Dialogs designerDialogs() {
        return new DesignerActions.Dialogs() {
            @Override
            public String unsavedChanges(String designName) {
                throw new AssertionError("unexpected question: unsaved changes in " + designName);
            }

            @Override
            public java.util.Optional<Path> openFile(Path folder) {
                throw new AssertionError("unexpected question: open file");
            }

            @Override
            public java.util.Optional<Path> saveFile(Path folder, String suggestedName, String extension) {
                throw new AssertionError("unexpected question: save file");
            }

            @Override
            public boolean recover(org.bnnworkbench.app.designer.io.Autosave.Recovery recovery) {
                return false;
            }

            @Override
            public void error(String title, String message) {
                throw new AssertionError("unexpected error: " + title + ": " + message);
            }
        };
    }

    /**
     * In the Training tab: one epoch of batches of 64 on the first 256 training and 128 test images, typed into the
     * form: a run of a few seconds.
     */
    protected void typeTinySettings() {
        tab("training-tab");
        type("#train-param-epochs", "1");
        type("#train-param-batch", "64");
        type("#train-param-trainLimit", "256");
        type("#train-param-testLimit", "128");
    }

    /** Clicks a tab by its id, e.g. {@code training-tab}. */
    protected void tab(String id) {
        robot.clickOn("#" + id + " .tab-label");
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Replaces a text field's text and presses Enter. */
    protected void type(String query, String text) {
        scrollTo(node(query));
        robot.clickOn(node(query));
        robot.push(KeyCode.SHORTCUT, KeyCode.A);
        robot.write(text);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Turns the mouse wheel over the scroll pane that holds the node until the node is in view, as a person would. */
    protected void scrollTo(Node node) {
        javafx.scene.control.ScrollPane pane = null;
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof javafx.scene.control.ScrollPane p) {
                pane = p;
                break;
            }
        }
        if (pane == null) {
            return;
        }
        for (int i = 0; i < 40; i++) {
            var view = pane.localToScreen(pane.getLayoutBounds());
            var at = node.localToScreen(node.getLayoutBounds());
            if (at.getMinY() >= view.getMinY() && at.getMaxY() <= view.getMaxY()) {
                return;
            }
            robot.moveTo(pane);
            robot.scroll(1, at.getMinY() < view.getMinY() ? javafx.geometry.VerticalDirection.UP
                    : javafx.geometry.VerticalDirection.DOWN);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    protected Node node(String query) {
        Node n = robot.lookup(query).query();
        assertThat(n).as(query).isNotNull();
        return n;
    }

    protected String text(String query) {
        return ((Labeled) node(query)).getText();
    }

    /** Waits, polling every 50 ms, for what a person would wait for. */
    protected static void waitFor(double seconds, BooleanSupplier condition, String what) {
        try {
            WaitForAsyncUtils.waitFor((long) (seconds * 1000), TimeUnit.MILLISECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.getAsBoolean();
            });
        } catch (TimeoutException e) {
            throw new AssertionError("waited " + seconds + " s for " + what);
        }
    }
}
