package org.bnnworkbench.app.designer.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import org.bnnworkbench.app.designer.model.AutoLayout;
import org.bnnworkbench.app.designer.model.BlockCost;

/**
 * One block on the canvas: kind badge and id, output shape, and two cost bars (parameters in
 * bytes and OPs), each split into its binary part and its 32-bit part. Input ports on top, the
 * output port at the bottom. Also stands for the image ("input") and for a collapsed stage.
 */
final class BlockNode extends Pane {

    static final double W = AutoLayout.BLOCK_WIDTH;
    static final double H = AutoLayout.BLOCK_HEIGHT;
    private static final double BAR_W = W - 20;

    private final String blockId;
    private final Label title = new Label();
    private final Label shape = new Label();
    private final Label problemMark = new Label("!");
    private final Rectangle paramsBinary = bar("bar-binary");
    private final Rectangle paramsFp = bar("bar-fp");
    private final Rectangle opsBinary = bar("bar-binary");
    private final Rectangle opsFp = bar("bar-fp");
    private final List<Circle> inputPorts = new ArrayList<>();
    private final Circle outputPort = new Circle(5);
    private final Tooltip tooltip = new Tooltip();

    BlockNode(String blockId, String kind, List<String> inputNames, boolean output) {
        this.blockId = blockId;
        setId("block-" + blockId);
        getStyleClass().addAll("block-node", "kind-" + kind);
        setPrefSize(W, H);
        setMinSize(W, H);
        setMaxSize(W, H);
        var header = new HBox(6, Glyphs.badge(kind), title, problemMark);
        header.getStyleClass().add("block-header");
        header.relocate(8, 6);
        title.getStyleClass().add("block-title");
        title.setMaxWidth(W - 70);
        problemMark.getStyleClass().add("problem-mark");
        problemMark.setVisible(false);
        shape.getStyleClass().add("block-shape");
        shape.relocate(10, 32);
        getChildren().addAll(header, shape);
        placeBar(paramsBinary, paramsFp, 52);
        placeBar(opsBinary, opsFp, 60);
        for (int k = 0; k < inputNames.size(); k++) {
            Circle port = new Circle(5);
            port.getStyleClass().add("port-in");
            port.setCenterX(W * (k + 1) / (inputNames.size() + 1));
            port.setCenterY(0);
            port.setUserData(k);
            port.setId("port-in-" + blockId + "-" + k);
            Tooltip.install(port, new Tooltip("input: " + inputNames.get(k)));
            inputPorts.add(port);
            getChildren().add(port);
        }
        if (output) {
            outputPort.getStyleClass().add("port-out");
            outputPort.setCenterX(W / 2);
            outputPort.setCenterY(H);
            outputPort.setId("port-out-" + blockId);
            getChildren().add(outputPort);
        }
        title.setText(blockId);
        Tooltip.install(this, tooltip);
    }

    private static Rectangle bar(String style) {
        var r = new Rectangle(0, 5);
        r.getStyleClass().add(style);
        return r;
    }

    private void placeBar(Rectangle binary, Rectangle fp, double y) {
        var track = new Rectangle(BAR_W, 5);
        track.getStyleClass().add("bar-track");
        track.relocate(10, y);
        binary.relocate(10, y);
        fp.relocate(10, y);
        getChildren().addAll(track, binary, fp);
    }

    String blockId() {
        return blockId;
    }

    List<Circle> inputPorts() {
        return inputPorts;
    }

    Circle outputPort() {
        return outputPort;
    }

    /** Where a wire attaches, in the parent's (world) coordinates. */
    Point2D inputAnchor(int k) {
        Circle c = inputPorts.get(Math.min(k, inputPorts.size() - 1));
        return new Point2D(getLayoutX() + c.getCenterX(), getLayoutY() + c.getCenterY());
    }

    Point2D outputAnchor() {
        return new Point2D(getLayoutX() + W / 2, getLayoutY() + H);
    }

    void setTitle(String text) {
        title.setText(text);
    }

    void setSelected(boolean selected) {
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("selected"), selected);
    }

    void setProblem(String problem) {
        boolean has = problem != null;
        problemMark.setVisible(has);
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("problem"), has);
        if (has) {
            tooltip.setText(problem);
        }
    }

    /** Shows shape and cost; bars are scaled to the largest block of the design. */
    void setCost(BlockCost cost, double maxBytes, double maxOps, String description) {
        if (cost == null) {
            shape.setText("shape unknown");
            for (Rectangle r : List.of(paramsBinary, paramsFp, opsBinary, opsFp)) {
                r.setWidth(0);
            }
            if (!problemMark.isVisible()) {
                tooltip.setText(description);
            }
            return;
        }
        shape.setText(cost.output().channels() + " \u00d7 " + cost.output().height() + " \u00d7 " + cost.output().width());
        double binBytes = cost.binaryParams() / 8.0;
        double fpBytes = cost.fpParams() * 4.0;
        split(paramsBinary, paramsFp, binBytes, fpBytes, maxBytes);
        split(opsBinary, opsFp, cost.bops() / 64.0, cost.flops(), maxOps);
        if (!problemMark.isVisible()) {
            tooltip.setText(String.format(Locale.ROOT, "%s%noutput %s%nbinary params %,d, 32-bit params %,d%n"
                            + "BOPs %,d, FLOPs %,d, OPs %.3g", description, cost.output(), cost.binaryParams(),
                    cost.fpParams(), cost.bops(), cost.flops(), cost.ops()));
        }
    }

    private static void split(Rectangle binary, Rectangle fp, double binaryPart, double fpPart, double max) {
        double total = binaryPart + fpPart;
        double length = max <= 0 ? 0 : BAR_W * Math.min(1, total / max);
        double binaryLength = total <= 0 ? 0 : length * binaryPart / total;
        binary.setWidth(binaryLength);
        fp.setWidth(length - binaryLength);
        fp.setTranslateX(binaryLength);
    }
}
