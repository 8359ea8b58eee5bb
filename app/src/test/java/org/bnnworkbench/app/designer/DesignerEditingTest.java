package org.bnnworkbench.app.designer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.bnnworkbench.engine.spec.Block;
import org.bnnworkbench.engine.spec.DenseBlock;
import org.junit.jupiter.api.Test;

/** Building a design with the mouse and the keyboard: palette drops, wiring, undo and redo. */
class DesignerEditingTest extends DesignerUiTest {

    private void dropADenseBlockAndWireTheImageIntoIt() {
        newDesign();
        dragFromPalette("dense", w.canvasPoint(0.5, 0.8));
        connect("input", "dense1", 0);
    }

    @Test
    void aDenseBlockDraggedFromThePaletteAndWiredFromTheImageReadsTheImage() {
        dropADenseBlockAndWireTheImageIntoIt();

        Block dense = w.design().block("dense1").orElseThrow();
        assertThat(dense).isInstanceOf(DenseBlock.class);
        assertThat(dense.inputs()).containsExactly("input");
        assertThat(robot.lookup("#block-dense1").tryQuery()).isPresent();
        assertThat(robot.lookup("#wire-dense1-0").tryQuery()).isPresent();
        assertThat(w.design().position("dense1").y()).isGreaterThan(w.design().position("input").y());
    }

    @Test
    void undoAndRedoWorkWithCtrlZCtrlShiftZCtrlYAndFromTheEditMenuWhichNamesTheEdit() {
        dropADenseBlockAndWireTheImageIntoIt();

        shortcut(KeyCode.Z);
        assertThat(w.design().block("dense1").orElseThrow().inputs()).containsExactly("");
        assertThat(robot.lookup("#wire-dense1-0").tryQuery()).isEmpty();

        shortcut(KeyCode.SHIFT, KeyCode.Z);
        assertThat(w.design().block("dense1").orElseThrow().inputs()).containsExactly("input");

        shortcut(KeyCode.Z);
        shortcut(KeyCode.Y);
        assertThat(w.design().block("dense1").orElseThrow().inputs()).containsExactly("input");

        menu("Edit", "Undo Connect input to dense1");
        assertThat(w.design().block("dense1").orElseThrow().inputs()).containsExactly("");
        menu("Edit", "Undo Add DenseBlock");
        assertThat(w.design().block("dense1")).isEmpty();
        assertThat(robot.lookup("#block-dense1").tryQuery()).isEmpty();
        menu("Edit", "Redo Add DenseBlock");
        assertThat(w.design().block("dense1")).isPresent();
        menu("Edit", "Redo Connect input to dense1");
        assertThat(w.design().block("dense1").orElseThrow().inputs()).containsExactly("input");
    }

    @Test
    void changingGrowthInThePropertySheetChangesTheShapeOnTheBlockAndTheStatusTotals() {
        clickBlock("s1b1-dense");
        javafx.scene.text.Text shape = robot.lookup("#shape-s1b1-dense").queryText();
        assertThat(shape.getText()).isEqualTo("128 \u00d7 14 \u00d7 14");
        String totalsBefore = w.status();

        typeParameter("growth", "32");

        assertThat(((DenseBlock) w.design().block("s1b1-dense").orElseThrow()).growth()).isEqualTo(32);
        assertThat(robot.lookup("#shape-s1b1-dense").queryText().getText()).isEqualTo("96 \u00d7 14 \u00d7 14");
        assertThat(w.status()).isNotEqualTo(totalsBefore).contains("params");
    }

    @Test
    void anInvalidValueIsRefusedAndTheReasonIsShownBesideTheField() {
        clickBlock("s1b1-dense");

        typeParameter("growth", "0");

        Label message = robot.lookup("#property-sheet #error-growth").queryAs(Label.class);
        assertThat(message.isVisible()).isTrue();
        assertThat(message.getText()).isEqualTo("'0' is outside 1..1024 (channels added)");
        assertThat(((DenseBlock) w.design().block("s1b1-dense").orElseThrow()).growth()).isEqualTo(64);
        assertThat(robot.lookup("#property-sheet #param-growth").query().getPseudoClassStates().toString()).contains("invalid");

        typeParameter("growth", "lots");
        assertThat(robot.lookup("#property-sheet #error-growth").queryAs(Label.class).getText()).isNotBlank();
        assertThat(((DenseBlock) w.design().block("s1b1-dense").orElseThrow()).growth()).isEqualTo(64);
    }

    @Test
    void aBlockDroppedOnAWireIsInsertedIntoThatConnection() {
        Node wire = robot.lookup("#wire-s1b2-dense-0").query();
        var b = wire.getBoundsInLocal();
        var onTheWire = wire.localToScreen(b.getCenterX(), b.getCenterY());

        dragFromPalette("improvement", onTheWire);

        assertThat(w.design().block("improvement1").orElseThrow().inputs()).containsExactly("s1b1-dense");
        assertThat(w.design().block("s1b2-dense").orElseThrow().inputs()).containsExactly("improvement1");
        assertThat(w.model().undoNameProperty().get()).isEqualTo("Insert ImprovementBlock");
    }

    @Test
    void copyPasteDuplicateAndDeleteActOnTheSelection() {
        clickBlock("r1-conv");

        shortcut(KeyCode.C);
        shortcut(KeyCode.V);
        assertThat(w.design().block("r1-conv-copy")).isPresent();
        assertThat(w.model().selection()).containsExactly("r1-conv-copy");
        assertThat(robot.lookup("#block-r1-conv-copy").tryQuery()).isPresent();

        shortcut(KeyCode.D);
        assertThat(w.design().block("r1-conv-copy2")).isPresent();
        assertThat(w.model().selection()).containsExactly("r1-conv-copy2");

        robot.type(KeyCode.DELETE);
        w.settle();
        assertThat(w.design().block("r1-conv-copy2")).isEmpty();
        assertThat(robot.lookup("#block-r1-conv-copy2").tryQuery()).isEmpty();
        assertThat(w.design().block("r1-conv-copy")).isPresent();
    }

    @Test
    void aRubberBandSelectsTheBlocksItTouchesAndShiftClickAddsAndRemovesOne() {
        var stem = w.design().position("stem");
        var pool = w.design().position("stem-pool");
        // from empty space left of the stem column down to the middle of stem-pool
        var from = w.worldToScreen(stem.x() - 40, stem.y() - 20);
        var to = w.worldToScreen(pool.x() + 60, pool.y() + 30);

        robot.drag(from).dropTo(to);
        w.settle();
        assertThat(w.model().selection()).containsExactlyInAnyOrder("stem", "stem-pool");

        robot.press(KeyCode.SHIFT).clickOn("#block-t1").release(KeyCode.SHIFT);
        w.settle();
        assertThat(w.model().selection()).containsExactlyInAnyOrder("stem", "stem-pool", "t1");

        robot.press(KeyCode.SHIFT).clickOn("#block-stem").release(KeyCode.SHIFT);
        w.settle();
        assertThat(w.model().selection()).containsExactlyInAnyOrder("stem-pool", "t1");
    }

    @Test
    void aStageCollapsesFromItsFrameIntoOneNodeAndADoubleClickExpandsIt() {
        robot.clickOn("#collapse-stage-1");
        w.settle();

        assertThat(w.design().group("stage 1").orElseThrow().collapsed()).isTrue();
        assertThat(robot.lookup("#block-s1b1-dense").tryQuery()).isEmpty();
        assertThat(robot.lookup("#block-group-stage-1").tryQuery()).isPresent();
        assertThat(robot.lookup("#wire-r1-conv-0").tryQuery()).as("the stage's output still feeds the next block").isPresent();

        robot.doubleClickOn("#block-group-stage-1");
        w.settle();

        assertThat(w.design().group("stage 1").orElseThrow().collapsed()).isFalse();
        assertThat(robot.lookup("#block-s1b1-dense").tryQuery()).isPresent();
        assertThat(robot.lookup("#block-group-stage-1").tryQuery()).isEmpty();
    }

    @Test
    void draggingABlockMovesItAsOneUndoableStep() {
        var before = w.design().position("classifier");
        var start = robot.lookup("#block-classifier").query();
        var p = start.localToScreen(40, 20);

        robot.drag(p).dropTo(p.add(120, 40));
        w.settle();

        var after = w.design().position("classifier");
        assertThat(after.x()).isGreaterThan(before.x() + 50);
        assertThat(w.model().undoNameProperty().get()).isEqualTo("Move classifier");
        shortcut(KeyCode.Z);
        assertThat(w.design().position("classifier")).isEqualTo(before);
        assertThat(List.of(start.getLayoutX(), start.getLayoutY())).containsExactly(before.x(), before.y());
    }
}
