package org.bnnworkbench.app.designer.view;

import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * The frame drawn behind the blocks of an expanded stage, with a header that names it. Clicking
 * the header selects the stage's blocks (so dragging it moves the stage); the collapse button or a
 * double-click on the header folds the stage into one node.
 */
final class StageFrame extends Pane {

    static final double PAD = 12;
    static final double HEADER = 24;

    private final String group;
    private final Region box = new Region();
    private final Label name = new Label();
    private final Label collapse = new Label("\u2212");
    private final HBox header;

    StageFrame(String group, Runnable onCollapse) {
        this.group = group;
        setId("frame-" + DesignCanvas.cssId(group));
        getStyleClass().add("stage-frame");
        setManaged(false);
        setPickOnBounds(false);
        box.getStyleClass().add("stage-box");
        box.setMouseTransparent(true);
        box.setManaged(false);
        name.getStyleClass().add("stage-name");
        collapse.getStyleClass().add("stage-collapse");
        collapse.setId("collapse-" + DesignCanvas.cssId(group));
        Tooltip.install(collapse, new Tooltip("Collapse the stage into one node (double-click it to expand)"));
        collapse.addEventHandler(MouseEvent.MOUSE_PRESSED, MouseEvent::consume);
        collapse.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                onCollapse.run();
            }
            e.consume();
        });
        header = new HBox(6, collapse, name);
        header.getStyleClass().add("stage-header");
        header.setManaged(false);
        header.setId("stage-header-" + DesignCanvas.cssId(group));
        header.getProperties().put(DesignCanvas.STAGE_HEADER, group);
        header.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                onCollapse.run();
                e.consume();
            }
        });
        getChildren().addAll(box, header);
    }

    String group() {
        return group;
    }

    /** Frames the given bounds (world coordinates of the stage's blocks) and names the stage. */
    void frame(Bounds blocks, String text) {
        name.setText(text);
        double x = blocks.getMinX() - PAD;
        double y = blocks.getMinY() - PAD - HEADER;
        double w = blocks.getWidth() + 2 * PAD;
        double h = blocks.getHeight() + 2 * PAD + HEADER;
        relocate(x, y);
        box.resizeRelocate(0, 0, w, h);
        header.relocate(8, 2);
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        // the header is not managed (the frame's size is the box's); size it once CSS has given it a font
        header.autosize();
    }
}
