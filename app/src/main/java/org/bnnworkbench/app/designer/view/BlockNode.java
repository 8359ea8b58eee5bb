package org.bnnworkbench.app.designer.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.text.Text;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;
import org.bnnworkbench.app.designer.model.AutoLayout;
import org.bnnworkbench.app.designer.model.BlockCost;

/**
 * One block on the canvas: kind badge and id, output shape, and two cost bars (parameters in
 * bytes and OPs), each split into its binary part and its 32-bit part. Input ports on top, the
 * output port at the bottom. Also stands for the image ("input") and for a collapsed stage. The
 * tooltip (what the block is, its shape and cost) is written only when it is about to show.
 */
final class BlockNode extends Pane {

    static final double W = AutoLayout.BLOCK_WIDTH;
    static final double H = AutoLayout.BLOCK_HEIGHT;
    static final double PORT_RADIUS = 6;
    private static final double BAR_W = W - 20;
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");

    private final String blockId;
    private final String kind;
    private final String description;
    private final Text title = new Text();
    private final Text shape = new Text();
    private Label problemMark;
    private final Rectangle paramsBinary = bar("bar-binary");
    private final Rectangle paramsFp = bar("bar-fp");
    private final Rectangle opsBinary = bar("bar-binary");
    private final Rectangle opsFp = bar("bar-fp");
    private final List<Circle> inputPorts = new ArrayList<>();
    private final Circle outputPort = new Circle(PORT_RADIUS);
    private final boolean hasOutput;
    private BlockCost cost;
    private double shownMaxBytes = -1;
    private double shownMaxOps = -1;
    private String problem;

    /*
     * Kept light on purpose: a MeliusNet59 has over a hundred of these, and every Control (a Label,
     * a Tooltip) costs CSS and layout time on the FX thread. Texts and shapes only; the problem
     * mark and the tooltip are made when first needed.
     */
    BlockNode(String blockId, String kind, List<String> inputNames, boolean output, String description) {
        this.blockId = blockId;
        this.kind = kind;
        this.description = description;
        this.hasOutput = output;
        setId("block-" + DesignCanvas.cssId(blockId));
        getStyleClass().addAll("block-node", "kind-" + kind);
        setPrefSize(W, H);
        setMinSize(W, H);
        setMaxSize(W, H);
        resize(W, H);
        Node badge = Glyphs.badge(kind);
        badge.relocate(8, 7);
        title.getStyleClass().add("block-title");
        title.setTextOrigin(VPos.CENTER);
        title.setLayoutX(40);
        title.setLayoutY(17);
        shape.getStyleClass().add("block-shape");
        shape.setId("shape-" + DesignCanvas.cssId(blockId));
        shape.setTextOrigin(VPos.CENTER);
        shape.setLayoutX(10);
        shape.setLayoutY(41);
        var clip = new Rectangle(W - 70, 20);
        clip.setY(-10);
        title.setClip(clip);
        getChildren().addAll(badge, title, shape);
        if (!kind.equals("input")) {
            placeBar(paramsBinary, paramsFp, 55);
            placeBar(opsBinary, opsFp, 64);
        }
        for (int k = 0; k < inputNames.size(); k++) {
            Circle port = new Circle(PORT_RADIUS);
            port.getStyleClass().add("port-in");
            port.setCenterX(W * (k + 1) / (inputNames.size() + 1));
            port.setCenterY(0);
            port.setUserData(k);
            port.setId("port-in-" + DesignCanvas.cssId(blockId) + "-" + k);
            String portText = inputNames.size() == 1 ? "input: drag from another block's output to here"
                    : inputNames.get(k) + " input (" + (k + 1) + " of " + inputNames.size() + "): drag from a block's output to here";
            installTooltipOnHover(port, () -> portText);
            inputPorts.add(port);
            getChildren().add(port);
        }
        if (output) {
            outputPort.getStyleClass().add("port-out");
            outputPort.setCenterX(W / 2);
            outputPort.setCenterY(H);
            outputPort.setId("port-out-" + DesignCanvas.cssId(blockId));
            installTooltipOnHover(outputPort, () -> "output: drag to an input port to connect");
            getChildren().add(outputPort);
        }
        title.setText(blockId);
        addEventHandler(MouseEvent.MOUSE_ENTERED, e -> installTooltip());
    }

    private static void installTooltipOnHover(Node node, java.util.function.Supplier<String> text) {
        node.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
            if (!node.getProperties().containsKey(TOOLTIP)) {
                var tip = new Tooltip(text.get());
                tip.setShowDelay(Duration.millis(300));
                Tooltip.install(node, tip);
                node.getProperties().put(TOOLTIP, tip);
            }
        });
    }

    /** The tooltip is installed on the first hover (installing it during MOUSE_ENTERED still shows it this time). */
    private void installTooltip() {
        if (getProperties().containsKey(TOOLTIP)) {
            return;
        }
        var tooltip = new Tooltip();
        tooltip.setShowDelay(Duration.millis(400));
        tooltip.setShowDuration(Duration.seconds(30));
        tooltip.setOnShowing(e -> tooltip.setText(tooltipText()));
        Tooltip.install(this, tooltip);
        getProperties().put(TOOLTIP, tooltip);
    }

    private static final String TOOLTIP = "block-tooltip";

    private static Rectangle bar(String style) {
        var r = new Rectangle(0, 5);
        r.getStyleClass().add(style);
        r.setMouseTransparent(true);
        return r;
    }

    private void placeBar(Rectangle binary, Rectangle fp, double y) {
        var track = new Rectangle(BAR_W, 5);
        track.getStyleClass().add("bar-track");
        track.setMouseTransparent(true);
        track.relocate(10, y);
        binary.relocate(10, y);
        fp.relocate(10, y);
        getChildren().addAll(track, binary, fp);
    }

    String blockId() {
        return blockId;
    }

    String kind() {
        return kind;
    }

    String description() {
        return description;
    }

    boolean hasOutput() {
        return hasOutput;
    }

    List<Circle> inputPorts() {
        return inputPorts;
    }

    Circle outputPort() {
        return outputPort;
    }

    /** Where a wire attaches, in the parent's (world) coordinates. */
    Point2D inputAnchor(int k) {
        Circle c = inputPorts.get(Math.max(0, Math.min(k, inputPorts.size() - 1)));
        return new Point2D(getLayoutX() + c.getCenterX(), getLayoutY() + c.getCenterY());
    }

    Point2D outputAnchor() {
        return new Point2D(getLayoutX() + W / 2, getLayoutY() + H);
    }

    void setTitle(String text) {
        if (!text.equals(title.getText())) {
            title.setText(text);
        }
    }

    String title() {
        return title.getText();
    }

    String shapeText() {
        return shape.getText();
    }

    void setSelected(boolean selected) {
        pseudoClassStateChanged(SELECTED, selected);
    }

    void setProblem(String text) {
        if (java.util.Objects.equals(problem, text)) {
            return;
        }
        problem = text;
        boolean has = text != null;
        if (has && problemMark == null) {
            problemMark = new Label("!");
            problemMark.getStyleClass().add("problem-mark");
            problemMark.relocate(W - 24, 6);
            getChildren().add(problemMark);
        }
        if (problemMark != null) {
            problemMark.setVisible(has);
        }
        pseudoClassStateChanged(PROBLEM, has);
    }

    boolean hasProblem() {
        return problem != null;
    }

    /** Shows shape and cost; bars are scaled to the largest block of the design. */
    void setCost(BlockCost c, double maxBytes, double maxOps) {
        if (c != null && c.equals(cost) && maxBytes == shownMaxBytes && maxOps == shownMaxOps) {
            return;
        }
        cost = c;
        shownMaxBytes = maxBytes;
        shownMaxOps = maxOps;
        if (c == null) {
            shape.setText(problem != null ? "shape unknown" : "");
            for (Rectangle r : List.of(paramsBinary, paramsFp, opsBinary, opsFp)) {
                r.setWidth(0);
            }
            return;
        }
        shape.setText(c.output().channels() + " \u00d7 " + c.output().height() + " \u00d7 " + c.output().width());
        split(paramsBinary, paramsFp, c.binaryParams() / 8.0, c.fpParams() * 4.0, maxBytes);
        split(opsBinary, opsFp, c.bops() / 64.0, c.flops(), maxOps);
    }

    String tooltipText() {
        StringBuilder s = new StringBuilder(description);
        if (problem != null) {
            s.append("\n\u26a0 ").append(problem);
        }
        if (cost != null) {
            s.append(String.format(Locale.ROOT, "%noutput %s (channels \u00d7 height \u00d7 width)"
                            + "%nparameters: %,d binary, %,d 32-bit = %s"
                            + "%nBOPs %,d, FLOPs %,d, OPs %s", shape.getText(), cost.binaryParams(), cost.fpParams(),
                    bytes(cost.binaryParams() / 8.0 + cost.fpParams() * 4.0), cost.bops(), cost.flops(),
                    Numbers.sci(cost.ops())));
            s.append("\nbars: model size and OPs, green binary, orange 32-bit");
        }
        return s.toString();
    }

    private static String bytes(double b) {
        if (b >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.2f MiB", b / (1024 * 1024));
        }
        return String.format(Locale.ROOT, "%.1f KiB", b / 1024);
    }

    private static void split(Rectangle binary, Rectangle fp, double binaryPart, double fpPart, double max) {
        double total = binaryPart + fpPart;
        double length = max <= 0 ? 0 : BAR_W * Math.min(1, total / max);
        if (total > 0 && length < 2) {
            length = 2; // a block that costs something shows at least a sliver
        }
        double binaryLength = total <= 0 ? 0 : length * binaryPart / total;
        binary.setWidth(binaryLength);
        fp.setWidth(length - binaryLength);
        fp.setTranslateX(binaryLength);
    }
}
