package org.bnnworkbench.app.designer.view;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import org.bnnworkbench.engine.spec.BlockKind;
import org.bnnworkbench.engine.spec.BlockKinds;

/**
 * The block palette, grouped by kind, each entry with its glyph, title and description. Dragging
 * an entry shows a ghost that follows the pointer; releasing it over the canvas places the block
 * (on a wire: inserted there). A double-click adds the block at the centre of the view. The drag is
 * made of plain mouse events, so it works the same with a mouse, a robot and a test.
 */
public final class PaletteView extends ScrollPane {

    private final DesignCanvas canvas;
    private final Pane ghostLayer;
    private Label ghost;
    private String ghostTitle;

    /** @param ghostLayer a pane over the whole designer in which the drag ghost is drawn */
    public PaletteView(DesignCanvas canvas, Pane ghostLayer) {
        this.canvas = canvas;
        this.ghostLayer = ghostLayer;
        setId("palette");
        getStyleClass().add("palette");
        setFitToWidth(true);
        var list = new VBox(2);
        Map<String, List<BlockKind>> groups = new LinkedHashMap<>();
        for (BlockKind k : BlockKinds.all()) {
            groups.computeIfAbsent(k.group(), g -> new java.util.ArrayList<>()).add(k);
        }
        groups.forEach((group, kinds) -> {
            var heading = new Label(group);
            heading.getStyleClass().add("palette-group");
            list.getChildren().add(heading);
            for (BlockKind k : kinds) {
                list.getChildren().add(entry(k));
            }
        });
        setContent(list);
        setPrefWidth(206);
        setMinWidth(150);
    }

    private HBox entry(BlockKind kind) {
        var title = new Label(kind.title());
        title.getStyleClass().add("palette-title");
        var item = new HBox(8, Glyphs.badge(kind.id()), title);
        item.setId("palette-" + kind.id());
        item.getStyleClass().add("palette-entry");
        Tooltip.install(item, new Tooltip(kind.title() + ": " + kind.description()));
        item.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                startGhost(kind, e);
            }
        });
        item.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> moveGhost(e));
        item.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> finish(kind, e));
        item.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getClickCount() == 2) {
                Point2D center = canvas.localToScene(canvas.getWidth() / 2, canvas.getHeight() / 2);
                canvas.drop(kind, center);
            }
        });
        return item;
    }

    private void startGhost(BlockKind kind, MouseEvent e) {
        ghostTitle = kind.title();
        ghost = new Label(kind.title(), Glyphs.badge(kind.id()));
        ghost.getStyleClass().add("drag-ghost");
        ghost.setMouseTransparent(true);
        ghost.setManaged(false);
        ghost.setVisible(false);
        ghostLayer.getChildren().add(ghost);
    }

    private void moveGhost(MouseEvent e) {
        if (ghost == null) {
            return;
        }
        String target = canvas.dragOver(new Point2D(e.getSceneX(), e.getSceneY()));
        String text = ghostTitle + (target == null ? "" : "\n\u21b3 " + target);
        if (!text.equals(ghost.getText())) {
            ghost.setText(text);
        }
        Point2D p = ghostLayer.sceneToLocal(e.getSceneX(), e.getSceneY());
        ghost.autosize();
        // beside the pointer, so that the wire under it (highlighted) stays in sight
        ghost.relocate(p.getX() + 14, p.getY() + 12);
        ghost.setVisible(true);
        e.consume();
    }

    private void finish(BlockKind kind, MouseEvent e) {
        if (ghost == null) {
            return;
        }
        boolean moved = ghost.isVisible();
        ghostLayer.getChildren().remove(ghost);
        ghost = null;
        Point2D scenePoint = new Point2D(e.getSceneX(), e.getSceneY());
        canvas.dragOver(new Point2D(-1e9, -1e9));
        if (moved && canvas.contains(scenePoint)) {
            canvas.drop(kind, scenePoint);
            canvas.requestFocus();
        }
        e.consume();
    }
}
