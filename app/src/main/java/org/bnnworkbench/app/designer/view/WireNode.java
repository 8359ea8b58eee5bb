package org.bnnworkbench.app.designer.view;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.shape.QuadCurveTo;
import org.bnnworkbench.app.designer.model.AutoLayout;

/**
 * A connection from a block's output (bottom) to another block's input (top). Between
 * neighbouring rows, or when no block is in the way, it is an S-curve; a wire that skips blocks in
 * the same column (a shortcut) runs down beside the column instead of behind them; any other wire (into the next
 * column, or upwards) leaves its block, runs along the gap between rows to the gap beside the
 * target's column, and enters the target from above. Rows line up across columns
 * ({@link AutoLayout}), so such wires do not cross blocks.
 */
final class WireNode extends Path {

    private static final double LEAD = 14;
    /** Shorter above a target, to stay clear of a stage frame's header there. */
    private static final double ENTRY = 9;
    private static final double CORNER = 8;

    private final String source;
    private final String target;
    private final int inputIndex;
    private final List<Point2D> samples = new ArrayList<>();
    private double lastFromX = Double.NaN;
    private double lastFromY;
    private double lastToX;
    private double lastToY;
    private boolean lastObstructed;

    /**
     * @param source     the block whose output the wire carries (its id in the spec)
     * @param target     the block that reads it (its id in the spec)
     * @param inputIndex which input of the target
     */
    WireNode(String source, String target, int inputIndex) {
        this.source = source;
        this.target = target;
        this.inputIndex = inputIndex;
        getStyleClass().add("wire");
        setId("wire-" + DesignCanvas.cssId(target) + "-" + inputIndex);
        setMouseTransparent(true);
    }

    String source() {
        return source;
    }

    String target() {
        return target;
    }

    int inputIndex() {
        return inputIndex;
    }

    /**
     * Routes the wire from an output anchor to an input anchor; the left edges of both blocks tell
     * where their columns are, and {@code obstructed} whether other blocks lie between them. Does
     * nothing when nothing changed.
     */
    void connect(Point2D from, double sourceLeft, Point2D to, double targetLeft, boolean obstructed) {
        if (from.getX() == lastFromX && from.getY() == lastFromY && to.getX() == lastToX && to.getY() == lastToY
                && obstructed == lastObstructed) {
            return;
        }
        lastObstructed = obstructed;
        lastFromX = from.getX();
        lastFromY = from.getY();
        lastToX = to.getX();
        lastToY = to.getY();
        double w = AutoLayout.BLOCK_WIDTH;
        double dx = to.getX() - from.getX();
        double dy = to.getY() - from.getY();
        boolean below = dy >= 2 * LEAD;
        boolean skipsRows = dy > AutoLayout.ROW_GAP + AutoLayout.BLOCK_HEIGHT / 2;
        samples.clear();
        if (below && (!skipsRows || !obstructed) && Math.abs(dx) < 2.5 * w) {
            curve(from, to);
        } else if (below && Math.abs(targetLeft - sourceLeft) < w / 2) {
            double side = Math.max(sourceLeft, targetLeft) + w + AutoLayout.LANE_GAP / 2;
            polyline(List.of(from, new Point2D(from.getX(), from.getY() + LEAD), new Point2D(side, from.getY() + LEAD),
                    new Point2D(side, to.getY() - ENTRY), new Point2D(to.getX(), to.getY() - ENTRY), to));
        } else {
            double gap;
            if (targetLeft >= sourceLeft + w) {
                // the gap just left of the target's column
                gap = targetLeft - Math.min(AutoLayout.COLUMN_GAP / 2, (targetLeft - sourceLeft - w) / 2);
            } else {
                // target further left: the gap just right of the target's column
                gap = targetLeft + w + Math.min(AutoLayout.COLUMN_GAP / 2, Math.max(AutoLayout.LANE_GAP / 2,
                        (sourceLeft - targetLeft - w) / 2));
            }
            polyline(List.of(from, new Point2D(from.getX(), from.getY() + LEAD), new Point2D(gap, from.getY() + LEAD),
                    new Point2D(gap, to.getY() - ENTRY), new Point2D(to.getX(), to.getY() - ENTRY), to));
        }
    }

    private void curve(Point2D from, Point2D to) {
        double pull = Math.max(24, (to.getY() - from.getY()) / 2);
        double c1x = from.getX();
        double c1y = from.getY() + pull;
        double c2x = to.getX();
        double c2y = to.getY() - pull;
        getElements().setAll(new MoveTo(from.getX(), from.getY()), new CubicCurveTo(c1x, c1y, c2x, c2y, to.getX(), to.getY()));
        for (int i = 0; i <= 16; i++) {
            double t = i / 16.0;
            double u = 1 - t;
            samples.add(new Point2D(
                    u * u * u * from.getX() + 3 * u * u * t * c1x + 3 * u * t * t * c2x + t * t * t * to.getX(),
                    u * u * u * from.getY() + 3 * u * u * t * c1y + 3 * u * t * t * c2y + t * t * t * to.getY()));
        }
    }

    /** Straight segments with rounded corners; repeated and collinear points are dropped. */
    private void polyline(List<Point2D> raw) {
        List<Point2D> points = new ArrayList<>();
        for (Point2D p : raw) {
            if (!points.isEmpty() && points.get(points.size() - 1).distance(p) < 0.5) {
                continue;
            }
            if (points.size() >= 2 && collinear(points.get(points.size() - 2), points.get(points.size() - 1), p)) {
                points.set(points.size() - 1, p);
                continue;
            }
            points.add(p);
        }
        samples.addAll(points);
        List<PathElement> elements = new ArrayList<>();
        Point2D first = points.get(0);
        elements.add(new MoveTo(first.getX(), first.getY()));
        for (int i = 1; i < points.size() - 1; i++) {
            Point2D prev = points.get(i - 1);
            Point2D p = points.get(i);
            Point2D next = points.get(i + 1);
            double r = Math.min(CORNER, Math.min(p.distance(prev), p.distance(next)) / 2);
            Point2D in = p.subtract(p.subtract(prev).normalize().multiply(r));
            Point2D out = p.add(next.subtract(p).normalize().multiply(r));
            elements.add(new LineTo(in.getX(), in.getY()));
            elements.add(new QuadCurveTo(p.getX(), p.getY(), out.getX(), out.getY()));
        }
        Point2D last = points.get(points.size() - 1);
        elements.add(new LineTo(last.getX(), last.getY()));
        getElements().setAll(elements);
    }

    private static boolean collinear(Point2D a, Point2D b, Point2D c) {
        return Math.abs((b.getX() - a.getX()) * (c.getY() - a.getY()) - (b.getY() - a.getY()) * (c.getX() - a.getX())) < 1e-6;
    }

    /** Distance from p to the wire, for dropping a block onto it. */
    double distanceTo(Point2D p) {
        double best = Double.MAX_VALUE;
        for (int i = 1; i < samples.size(); i++) {
            best = Math.min(best, segmentDistance(p, samples.get(i - 1), samples.get(i)));
        }
        return best;
    }

    private static double segmentDistance(Point2D p, Point2D a, Point2D b) {
        Point2D ab = b.subtract(a);
        double len2 = ab.dotProduct(ab);
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, p.subtract(a).dotProduct(ab) / len2));
        return p.distance(a.add(ab.multiply(t)));
    }
}
