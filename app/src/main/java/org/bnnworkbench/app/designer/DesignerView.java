package org.bnnworkbench.app.designer;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import org.bnnworkbench.app.designer.model.DesignAnalysis;
import org.bnnworkbench.app.designer.view.DesignCanvas;
import org.bnnworkbench.app.designer.view.PaletteView;
import org.bnnworkbench.app.designer.view.ProblemsView;
import org.bnnworkbench.app.designer.view.PropertiesView;
import org.bnnworkbench.engine.cost.NetworkCost;

/**
 * The Designer tab: palette on the left, canvas in the middle, property sheet and problems on the
 * right. The totals for the status bar are exposed as bindings.
 */
public final class DesignerView extends StackPane {

    private final DesignerModel model;
    private final DesignCanvas canvas;

    public DesignerView(DesignerModel model) {
        this.model = model;
        setId("designer");
        canvas = new DesignCanvas(model);
        var ghostLayer = new Pane();
        ghostLayer.setMouseTransparent(true);
        ghostLayer.setPickOnBounds(false);
        var palette = new PaletteView(canvas, ghostLayer);
        var side = new SplitPane(new PropertiesView(model), new ProblemsView(model));
        side.setOrientation(Orientation.VERTICAL);
        side.setDividerPositions(0.62);
        side.setPrefWidth(310);
        side.setMinWidth(240);
        var layout = new BorderPane(canvas, null, side, null, palette);
        getChildren().addAll(layout, ghostLayer);
        canvas.addEventHandler(KeyEvent.KEY_PRESSED, this::keys);
    }

    public DesignCanvas canvas() {
        return canvas;
    }

    private void keys(KeyEvent e) {
        double step = 60;
        switch (e.getCode()) {
            case DELETE, BACK_SPACE -> model.deleteSelection();
            case LEFT -> canvas.panBy(step, 0);
            case RIGHT -> canvas.panBy(-step, 0);
            case UP -> canvas.panBy(0, step);
            case DOWN -> canvas.panBy(0, -step);
            case PLUS, EQUALS, ADD -> canvas.zoomBy(1.25);
            case MINUS, SUBTRACT -> canvas.zoomBy(0.8);
            case F, DIGIT0 -> canvas.fitToView();
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** "params 433,610 (binary 405,504) | 0.16 MiB (0.16 MB) | FLOPs ... | BOPs ... | OPs ...". */
    public StringBinding totals() {
        return Bindings.createStringBinding(() -> describe(model.analysisProperty().get()), model.analysisProperty());
    }

    /** Where the design would sit among the published networks (at ImageNet scale). */
    public StringBinding comparison() {
        return Bindings.createStringBinding(() -> {
            DesignAnalysis a = model.analysisProperty().get();
            if (a == null) {
                return "";
            }
            return a.valid() ? a.comparison() : a.problems().size() + " problem" + (a.problems().size() == 1 ? "" : "s");
        }, model.analysisProperty());
    }

    static String describe(DesignAnalysis a) {
        if (a == null) {
            return "analysing\u2026";
        }
        NetworkCost c = a.total();
        return String.format(Locale.ROOT, "%,d params (%,d binary) \u00b7 %.3f MiB = %.3f MB \u00b7 FLOPs %s \u00b7 BOPs %s"
                        + " \u00b7 OPs %s%s", c.parameters(), c.binaryParams(), c.modelSizeMiB(), c.modelSizeMB(),
                sci(c.flops()), sci(c.bops()), sci(c.ops()), a.valid() ? "" : " (incomplete)");
    }

    static String sci(double v) {
        return v == 0 ? "0" : String.format(Locale.ROOT, "%.3g", v);
    }
}
