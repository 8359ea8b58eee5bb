package org.bnnworkbench.app.designer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.bnnworkbench.app.MainWindow;
import org.bnnworkbench.app.Setup;
import org.bnnworkbench.app.WindowFixture;
import org.bnnworkbench.app.designer.model.Design;
import org.bnnworkbench.app.designer.view.DesignCanvas;
import org.controlsfx.control.StatusBar;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A real main window (the one the app shows, 1280x800) on its own stage, with a fresh home folder,
 * dialogs the test answers, and autosave every 300 ms. Tests drive it with the robot and read the
 * results from the view model.
 */
final class DesignerWindow {

    final Path home;
    final ScriptedDialogs dialogs;
    final MainWindow window;
    final Stage stage;

    private DesignerWindow(Path home, ScriptedDialogs dialogs, MainWindow window, Stage stage) {
        this.home = home;
        this.dialogs = dialogs;
        this.window = window;
        this.stage = stage;
    }

    static DesignerWindow open(Path home, ScriptedDialogs dialogs) throws TimeoutException {
        var setup = new Setup(home, owner -> dialogs, Duration.millis(300));
        var opened = WindowFixture.open(home, setup);
        var w = new DesignerWindow(home, dialogs, opened.window(), opened.stage());
        w.settle();
        return w;
    }

    /** Hides the window without asking anything (as a crash would leave it: the autosave stays). */
    void close() throws TimeoutException {
        FxToolkit.setupFixture(() -> {
            window.actions().stopAutosave();
            stage.hide();
        });
    }

    DesignerModel model() {
        return window.designer();
    }

    Design design() {
        return model().design();
    }

    DesignCanvas canvas() {
        return window.designerView().canvas();
    }

    /** Waits until the FX thread is idle and the analysis of the current design is published. */
    void settle() {
        WaitForAsyncUtils.waitForFxEvents();
        waitFor(() -> model().isAnalysisCurrent() && canvas().isComplete(), "the analysis and the canvas of the current design");
        WaitForAsyncUtils.waitForFxEvents();
    }

    String status() {
        return ((StatusBar) window.root().lookup("#status-bar")).getText();
    }

    /** A point on the canvas, as a fraction of its width and height, in screen coordinates. */
    Point2D canvasPoint(double fx, double fy) {
        DesignCanvas c = canvas();
        return c.localToScreen(c.getWidth() * fx, c.getHeight() * fy);
    }

    /** The screen point of a world (design) coordinate. */
    Point2D worldToScreen(double x, double y) {
        return canvas().content().localToScreen(x, y);
    }

    static void waitFor(BooleanSupplier condition, String what) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.getAsBoolean();
            });
        } catch (TimeoutException e) {
            throw new AssertionError("waited 10 s for " + what);
        }
    }

    Node node(FxRobot robot, String query) {
        Node n = robot.lookup(query).query();
        assertThat(n).as(query).isNotNull();
        return n;
    }
}
