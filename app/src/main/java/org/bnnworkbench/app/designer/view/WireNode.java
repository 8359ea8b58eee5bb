package org.bnnworkbench.app.designer.view;

import javafx.geometry.Point2D;
import javafx.scene.shape.CubicCurve;

/** A connection from a block's output to another block's input, drawn as a vertical S-curve. */
final class WireNode extends CubicCurve {

    private final String target;
    private final int inputIndex;

    WireNode(String target, int inputIndex) {
        this.target = target;
        this.inputIndex = inputIndex;
        getStyleClass().add("wire");
        setFill(null);
        setMouseTransparent(false);
        setPickOnBounds(false);
    }

    String target() {
        return target;
    }

    int inputIndex() {
        return inputIndex;
    }

    void connect(Point2D from, Point2D to) {
        setStartX(from.getX());
        setStartY(from.getY());
        setEndX(to.getX());
        setEndY(to.getY());
        double dy = to.getY() - from.getY();
        double pull = Math.max(30, Math.abs(dy) / 2);
        // a wire that skips over blocks (a shortcut) bows out to the side instead of running behind them
        double bow = dy > 1.5 * BlockNode.H + 40 && Math.abs(to.getX() - from.getX()) < BlockNode.W
                ? BlockNode.W * 0.75 : 0;
        setControlX1(from.getX() + bow);
        setControlY1(from.getY() + pull);
        setControlX2(to.getX() + bow);
        setControlY2(to.getY() - pull);
    }

    /** Distance from p to the curve (sampled), for dropping a block onto a wire. */
    double distanceTo(Point2D p) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i <= 24; i++) {
            double t = i / 24.0;
            double u = 1 - t;
            double x = u * u * u * getStartX() + 3 * u * u * t * getControlX1() + 3 * u * t * t * getControlX2() + t * t * t * getEndX();
            double y = u * u * u * getStartY() + 3 * u * u * t * getControlY1() + 3 * u * t * t * getControlY2() + t * t * t * getEndY();
            best = Math.min(best, p.distance(x, y));
        }
        return best;
    }
}
