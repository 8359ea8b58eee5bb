package org.bnnworkbench.app.designer.view;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;

/**
 * An overview of the whole design with the visible part outlined (blocks with problems in red);
 * click or drag to move the view. Redrawn when the design or the view changes, not on every pulse.
 */
final class Minimap extends StackPane {

    static final double W = 180;
    static final double H = 120;

    private final DesignCanvas canvas;
    private final Canvas drawing = new Canvas(W, H);
    private double scale = 1;
    private double offsetX;
    private double offsetY;

    Minimap(DesignCanvas canvas) {
        this.canvas = canvas;
        setId("minimap");
        getStyleClass().add("minimap");
        getChildren().add(drawing);
        setPrefSize(W, H);
        setMaxSize(W, H);
        setManaged(false);
        resize(W, H);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::jump);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::jump);
        addEventHandler(MouseEvent.MOUSE_RELEASED, MouseEvent::consume);
        visibleProperty().addListener((obs, was, on) -> redraw());
        javafx.scene.control.Tooltip.install(this, new javafx.scene.control.Tooltip(
                "The whole design; the frame is what the canvas shows. Click or drag to move there. View > Minimap (Ctrl+M) hides it."));
    }

    boolean isAncestorOf(javafx.scene.Node n) {
        while (n != null) {
            if (n == this) {
                return true;
            }
            n = n.getParent();
        }
        return false;
    }

    private void jump(MouseEvent e) {
        canvas.centerOn(new Point2D((e.getX() - offsetX) / scale, (e.getY() - offsetY) / scale));
        e.consume();
    }

    void redraw() {
        if (!isVisible()) {
            return;
        }
        GraphicsContext g = drawing.getGraphicsContext2D();
        g.clearRect(0, 0, W, H);
        g.setFill(Color.rgb(250, 250, 252));
        g.fillRect(0, 0, W, H);
        Bounds content = canvas.contentBounds();
        Bounds view = canvas.viewportInWorld();
        if (content.isEmpty()) {
            return;
        }
        double minX = Math.min(content.getMinX(), view.getMinX());
        double minY = Math.min(content.getMinY(), view.getMinY());
        double maxX = Math.max(content.getMaxX(), view.getMaxX());
        double maxY = Math.max(content.getMaxY(), view.getMaxY());
        scale = Math.min((W - 8) / (maxX - minX), (H - 8) / (maxY - minY));
        offsetX = 4 - minX * scale;
        offsetY = 4 - minY * scale;
        for (BlockNode n : canvas.nodes().values()) {
            g.setFill(n.hasProblem() ? Color.rgb(211, 60, 46) : Color.rgb(90, 110, 140));
            g.fillRect(offsetX + n.getLayoutX() * scale, offsetY + n.getLayoutY() * scale,
                    Math.max(1, BlockNode.W * scale), Math.max(1, BlockNode.H * scale));
        }
        g.setStroke(Color.rgb(220, 80, 40));
        g.setLineWidth(1.5);
        g.strokeRect(offsetX + view.getMinX() * scale, offsetY + view.getMinY() * scale,
                view.getWidth() * scale, view.getHeight() * scale);
    }
}
