package org.bnnworkbench.app.designer;

import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Each test gets a fresh main window (opened on bnn-small, as the app starts) and drives it as a
 * person would: robot drags and clicks, keys, menus. Only results are read from the view model.
 */
abstract class DesignerUiTest {

    @TempDir
    Path home;
    final FxRobot robot = new FxRobot();
    final ScriptedDialogs dialogs = new ScriptedDialogs();
    DesignerWindow w;
    private final LatencyReport latency = new LatencyReport();

    @BeforeAll
    static void startTheToolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void openAWindow() throws TimeoutException {
        w = DesignerWindow.open(home, dialogs);
        latency.start();
    }

    @AfterEach
    void closeTheWindow(TestInfo test) throws TimeoutException {
        latency.stop(getClass().getSimpleName() + "." + test.getTestMethod().map(m -> m.getName()).orElse("?"));
        w.close();
    }

    /** Ctrl (Cmd on a Mac) plus the keys. */
    void shortcut(KeyCode... keys) {
        KeyCode[] all = new KeyCode[keys.length + 1];
        all[0] = KeyCode.SHORTCUT;
        System.arraycopy(keys, 0, all, 1, keys.length);
        robot.push(all);
        w.settle();
    }

    /** Opens a menu of the menu bar and clicks one of its items (found by the text it shows). */
    void menu(String menu, String item) {
        robot.clickOn(menu);
        // straight down into the open menu first: crossing the next menu's title would open that one instead
        robot.moveBy(0, 30);
        robot.clickOn(item);
        w.settle();
    }

    /** Drags a palette entry to a screen point and lets go. */
    void dragFromPalette(String kind, Point2D to) {
        robot.drag("#palette-" + kind, MouseButton.PRIMARY).dropTo(to);
        w.settle();
    }

    /** Drags from the output port of one block to an input port of another. */
    void connect(String source, String target, int input) {
        robot.drag("#port-out-" + source, MouseButton.PRIMARY).dropTo("#port-in-" + target + "-" + input);
        w.settle();
    }

    void clickBlock(String id) {
        robot.clickOn("#block-" + id);
        w.settle();
    }

    /** Replaces the text of a property-sheet field and presses Enter. */
    void typeParameter(String name, String text) {
        robot.clickOn(robot.lookup("#property-sheet #param-" + name).<javafx.scene.Node>query());
        robot.push(KeyCode.SHORTCUT, KeyCode.A);
        robot.write(text);
        robot.type(KeyCode.ENTER);
        w.settle();
    }

    /** File > New on an unchanged design: an empty design with only the image. */
    void newDesign() {
        shortcut(KeyCode.N);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
