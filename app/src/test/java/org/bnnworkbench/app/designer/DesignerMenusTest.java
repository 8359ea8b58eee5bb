package org.bnnworkbench.app.designer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** The menus, the keys and the 1280x800 window. */
class DesignerMenusTest extends DesignerUiTest {

    private List<MenuItem> items() {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        List<MenuItem> all = new ArrayList<>();
        for (Menu m : bar.getMenus()) {
            collect(m, all);
        }
        return all;
    }

    private static void collect(Menu menu, List<MenuItem> into) {
        for (MenuItem i : menu.getItems()) {
            if (i instanceof Menu sub) {
                into.add(sub);
                collect(sub, into);
            } else if (!(i instanceof SeparatorMenuItem)) {
                into.add(i);
            }
        }
    }

    @Test
    void everyMenuItemDoesSomethingAndTheCommonActionsHaveKeys() {
        for (MenuItem i : items()) {
            if (i instanceof Menu sub) {
                assertThat(sub.getOnShowing()).as("submenu %s fills itself", sub.getText()).isNotNull();
            } else if (!i.isDisable() || i.getOnAction() == null && !i.getText().equals("(none)")) {
                // disabled items are fine while they cannot apply (Paste with nothing copied); a placeholder is "(none)"
                assertThat(i.getOnAction()).as("menu item %s", i.getText()).isNotNull();
            }
        }
        Map<String, String> keys = items().stream().filter(i -> i.getAccelerator() != null && i.getId() != null)
                .collect(Collectors.toMap(MenuItem::getId, i -> i.getAccelerator().getDisplayText()));
        assertThat(keys).containsEntry("new", "Ctrl+N").containsEntry("open", "Ctrl+O").containsEntry("save", "Ctrl+S")
                .containsEntry("undo", "Ctrl+Z").containsEntry("redo", "Ctrl+Shift+Z").containsEntry("copy", "Ctrl+C")
                .containsEntry("paste", "Ctrl+V").containsEntry("duplicate", "Ctrl+D").containsEntry("delete", "Delete")
                .containsEntry("select-all", "Ctrl+A").containsEntry("fit", "Ctrl+0").containsEntry("open-template", "Ctrl+T")
                .containsEntry("export-png", "Ctrl+E").containsEntry("shortcuts", "F1");
        assertThat(items()).anyMatch(i -> i instanceof CheckMenuItem && i.getText().equals("FX Latency Overlay"));
    }

    @Test
    void keysZoomTheCanvasAndCtrl0FitsTheDesign() {
        double fitted = w.canvas().zoom();
        robot.clickOn(w.canvasPoint(0.02, 0.5));

        shortcut(KeyCode.EQUALS);
        assertThat(w.canvas().zoom()).isGreaterThan(fitted);
        shortcut(KeyCode.DIGIT0);
        assertThat(w.canvas().zoom()).isEqualTo(fitted);
        shortcut(KeyCode.MINUS);
        assertThat(w.canvas().zoom()).isLessThan(fitted);
    }

    @Test
    void theLatencyOverlayShowsTheFxLatencyInTheStatusBar() {
        menu("View", "FX Latency Overlay");
        DesignerWindow.waitFor(() -> robot.lookup("#latency").queryLabeled().getText().startsWith("FX latency"),
                "the latency figures");
        assertThat(robot.lookup("#latency").query().isVisible()).isTrue();
        menu("View", "FX Latency Overlay");
        assertThat(robot.lookup("#latency").query().isVisible()).isFalse();
    }

    @Test
    void f1ListsTheKeysAndTheMouseGestures() {
        robot.type(KeyCode.F1);
        w.settle();
        Node help = robot.lookup("#shortcuts-dialog").query();
        assertThat(robot.from(help).lookup("Ctrl+Shift+Z or Ctrl+Y").tryQuery()).isPresent();
        robot.clickOn("Close");
        w.settle();
        assertThat(robot.lookup("#shortcuts-dialog").tryQuery()).isEmpty();
    }

    @Test
    void atTwelveEightyByEightHundredEveryPaneIsInsideTheWindowAndUsable() {
        assertThat(w.stage.getScene().getWidth()).isEqualTo(1280);
        assertThat(w.stage.getScene().getHeight()).isEqualTo(800);
        for (String id : List.of("#palette", "#design-canvas", "#properties", "#problems", "#status-bar", "#minimap")) {
            Node n = robot.lookup(id).query();
            Bounds b = n.localToScene(n.getBoundsInLocal());
            assertThat(b.getMinX()).as(id).isGreaterThanOrEqualTo(0);
            assertThat(b.getMinY()).as(id).isGreaterThanOrEqualTo(0);
            assertThat(b.getMaxX()).as(id).isLessThanOrEqualTo(1280);
            assertThat(b.getMaxY()).as(id).isLessThanOrEqualTo(800);
            assertThat(b.getWidth()).as(id).isGreaterThan(150);
            assertThat(b.getHeight()).as(id).isGreaterThan(18);
        }
        Node canvas = robot.lookup("#design-canvas").query();
        assertThat(canvas.getLayoutBounds().getWidth()).isGreaterThan(700);
        // the last palette entry can be reached without scrolling
        Node last = robot.lookup("#palette-classifier").query();
        assertThat(last.localToScene(last.getBoundsInLocal()).getMaxY()).isLessThan(760);
    }
}
