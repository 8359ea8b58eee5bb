package org.bnnworkbench.app.designer;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.bnnworkbench.app.ScreenCapture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Takes the screenshots of docs/user-guide.md from the running designer on a real X server
 * (Xvfb, 1280x800), driving it with the robot and capturing the screen with ImageMagick's
 * {@code import}. Not part of the default test run (tag {@code screenshots}); the command is in
 * docs/user-guide.md. Skipped under Monocle, which has no screen to capture.
 */
@Tag("screenshots")
class DesignerScreenshots extends DesignerUiTest {

    private static final Path IMAGES = ScreenCapture.IMAGES;

    private static void shoot(String name) throws IOException, InterruptedException {
        ScreenCapture.shoot(name, 400); // let the last frame reach the X server
    }

    private static void crop(String from, String to, int x, int y, int width, int height) throws IOException {
        ScreenCapture.crop(from, to, x, y, width, height);
    }

    private void openTemplate(String name) {
        menu("File", "Open Template\u2026");
        robot.clickOn("#template-filter").write(name);
        robot.type(KeyCode.ENTER);
        w.settle();
    }

    @Test
    void takeTheUserGuideScreenshots() throws Exception {
        assumeTrue(!"Monocle".equals(System.getProperty("glass.platform")), "needs a real display (Xvfb)");

        // 1. the designer as it opens, on bnn-small, with s1b2-dense selected
        clickBlock("s1b2-dense");
        shoot("designer-bnn-small");

        // 2. the tooltip of a block: its shape and cost
        robot.moveTo("#block-t1").moveBy(30, 10);
        Thread.sleep(1500);
        shoot("block-tooltip");
        robot.moveTo(w.canvasPoint(0.05, 0.5));

        // 3. dragging an ImprovementBlock from the palette onto the wire between s1b1-dense and s1b2-dense
        Node wire = robot.lookup("#wire-s1b2-dense-0").query();
        var b = wire.getBoundsInLocal();
        Point2D onTheWire = wire.localToScreen(b.getCenterX(), b.getCenterY());
        robot.drag("#palette-improvement", MouseButton.PRIMARY).moveTo(onTheWire.add(-40, 0)).moveTo(onTheWire);
        Thread.sleep(300);
        shoot("palette-drag");
        robot.release(MouseButton.PRIMARY);
        w.settle();

        // 4. a refused value beside its field
        clickBlock("improvement1");
        typeParameter("growth", "0");
        shoot("property-refused");
        robot.type(KeyCode.ESCAPE);
        shortcut(KeyCode.Z);

        // 5. wiring a new design: the image into a Pooling block, then into a Shortcut, mid-drag
        dialogs.unsavedAnswers.add("discard");
        shortcut(KeyCode.N);
        dragFromPalette("pool", w.canvasPoint(0.3, 0.62));
        connect("input", "pool1", 0);
        dragFromPalette("shortcut", w.canvasPoint(0.55, 0.85));
        connect("input", "shortcut1", 0);
        robot.drag("#port-out-pool1", MouseButton.PRIMARY).moveTo("#port-in-shortcut1-1");
        robot.moveBy(-6, -14);
        Thread.sleep(300);
        shoot("wiring");
        robot.moveTo("#port-in-shortcut1-1").release(MouseButton.PRIMARY);
        w.settle();

        // 6. the invalid design: problems listed, blocks marked, the first problem clicked
        Node problem = robot.lookup((Node n) -> n instanceof javafx.scene.control.ListCell<?> c && c.getText() != null
                && c.getText().contains("cannot down-sample")).query();
        robot.clickOn(problem);
        w.settle();
        shoot("problems");

        // 7. the template chooser, filtered
        dialogs.unsavedAnswers.add("discard");
        menu("File", "Open Template\u2026");
        robot.clickOn("#template-filter").write("melius");
        Thread.sleep(300);
        shoot("template-chooser");
        robot.type(KeyCode.ESCAPE);
        w.settle();

        // 8. MeliusNet22: the status bar totals and comparison, and the Edit menu naming the last edit
        dialogs.unsavedAnswers.add("discard");
        openTemplate("meliusnet22");
        shoot("meliusnet22");
        crop("meliusnet22", "status-bar", 0, 766, 1280, 34);

        // 9. MeliusNet59 with stage 2 collapsed, then zoomed in so that the minimap shows where the view is
        openTemplate("meliusnet59");
        robot.clickOn("#collapse-stage-2");
        w.settle();
        robot.moveTo("#palette");
        shoot("meliusnet59-collapsed");
        robot.clickOn(w.canvasPoint(0.02, 0.5));
        shortcut(KeyCode.EQUALS);
        shortcut(KeyCode.EQUALS);
        shortcut(KeyCode.EQUALS);
        robot.moveTo("#palette");
        w.settle();
        shoot("meliusnet59-minimap");

        // 10. the Edit menu names the edit it would undo
        robot.clickOn("Edit");
        Thread.sleep(300);
        shoot("edit-menu");
        robot.type(KeyCode.ESCAPE);

        // 11. the Start tab (README)
        robot.clickOn("#start-tab .tab-label");
        robot.moveTo("#status-bar");
        shoot("start");
        robot.clickOn("#designer-tab .tab-label");

        // 12. an exported picture of bnn-small
        dialogs.unsavedAnswers.add("discard");
        openTemplate("bnn-small");
        dialogs.fileAnswers.add(IMAGES.resolve("bnn-small-export.png").toAbsolutePath());
        menu("File", "Export as PNG\u2026");
        DesignerWindow.waitFor(() -> Files.exists(IMAGES.resolve("bnn-small-export.png")), "the export");
    }
}
