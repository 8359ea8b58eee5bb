package org.bnnworkbench.app.designer;

import java.util.List;
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
import org.bnnworkbench.app.designer.view.Numbers;
import org.bnnworkbench.app.designer.view.PaletteView;
import org.bnnworkbench.app.designer.view.ProblemsView;
import org.bnnworkbench.app.designer.view.PropertiesView;
import org.bnnworkbench.engine.cost.NetworkCost;

/**
 * The Designer tab: palette on the left, canvas in the middle, property sheet and problems on the
 * right. The totals for the status bar are exposed as bindings. Keys on the canvas: arrows pan,
 * + and - zoom, F fits, Escape clears the selection, Backspace deletes (Delete is the Edit menu's).
 */
public final class DesignerView extends StackPane {

    private final DesignerModel model;
    private final DesignCanvas canvas;
    private final PropertiesView properties;

    public DesignerView(DesignerModel model) {
        this.model = model;
        setId("designer");
        canvas = new DesignCanvas(model);
        var ghostLayer = new Pane();
        ghostLayer.setMouseTransparent(true);
        ghostLayer.setPickOnBounds(false);
        var palette = new PaletteView(canvas, ghostLayer);
        properties = new PropertiesView(model);
        var side = new SplitPane(properties, new ProblemsView(model, canvas::reveal));
        side.setId("designer-side");
        side.setOrientation(Orientation.VERTICAL);
        side.setDividerPositions(0.7);
        side.setPrefWidth(320);
        side.setMinWidth(240);
        var layout = new BorderPane(canvas, null, side, null, palette);
        getChildren().addAll(layout, ghostLayer);
        canvas.addEventHandler(KeyEvent.KEY_PRESSED, this::keys);
    }

    public DesignCanvas canvas() {
        return canvas;
    }

    /** Once the window shows: builds the property sheets of all block kinds while the app is idle. */
    public void prepare() {
        properties.prepareSheets();
    }

    private void keys(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        double step = 60;
        switch (e.getCode()) {
            case BACK_SPACE -> model.deleteSelection();
            case ESCAPE -> model.select(List.of());
            case LEFT -> canvas.panBy(step, 0);
            case RIGHT -> canvas.panBy(-step, 0);
            case UP -> canvas.panBy(0, step);
            case DOWN -> canvas.panBy(0, -step);
            case PLUS, EQUALS, ADD -> canvas.zoomBy(1.25);
            case MINUS, SUBTRACT -> canvas.zoomBy(0.8);
            case F -> canvas.fitToView();
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** "433,610 params (405,504 binary) · 0.16 MiB = 0.17 MB · FLOPs 1.66e6 · BOPs 3.61e7 · 2.22e6 OPs" (MiB = 2^20 bytes, MB = 10^6). */
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
        return String.format(Locale.ROOT, "%,d params (%,d binary) \u00b7 %s = %.2f MB \u00b7 FLOPs %s \u00b7 BOPs %s \u00b7 %s OPs%s",
                c.parameters(), c.binaryParams(), Numbers.mib(c.modelSizeMiB()), c.modelSizeMB(), Numbers.sci(c.flops()),
                Numbers.sci(c.bops()), Numbers.sci(c.ops()), a.valid() ? "" : " (so far)");
    }
}
