package org.bnnworkbench.app.sweeps;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.bnnworkbench.experiments.run.RunStatus;
import org.bnnworkbench.experiments.sweep.ResultsCsv;

/**
 * A parallel-coordinates plot of a sweep (Inselberg 1985): one vertical axis per swept parameter and a last one for
 * test top-1, one polyline per run through its values. Numbers get a linear axis (logarithmic when they are positive
 * and span more than a factor of 20, as learning rates do), anything else one tick per value. Lines are shaded by
 * accuracy; the runs of the clearly best configuration, if one is, are drawn last, thick and red. Drawn on a canvas
 * that follows the pane's size.
 */
final class ParallelCoordinates extends Region {

    private static final String METRIC = "testTop1";
    private static final Color BEST = Color.rgb(211, 60, 46);
    private static final Font SMALL = Font.font("System", 10);
    private static final Font BOLD = Font.font("System", FontWeight.BOLD, 11);

    private final Canvas canvas = new Canvas();
    private List<String> parameters = List.of();
    private List<ResultRow> rows = List.of();

    /** One axis: how a value maps to [0, 1] from bottom to top, and its tick labels. */
    private record Axis(String name, List<String> categories, double min, double max, boolean log) {

        double position(Object value) {
            if (categories != null) {
                int i = categories.indexOf(text(value));
                return categories.size() == 1 ? 0.5 : (double) i / (categories.size() - 1);
            }
            double v = ((Number) number(value)).doubleValue();
            if (max == min) {
                return 0.5;
            }
            return log ? (Math.log(v) - Math.log(min)) / (Math.log(max) - Math.log(min)) : (v - min) / (max - min);
        }
    }

    ParallelCoordinates() {
        setId("sweep-parallel-coordinates");
        getChildren().add(canvas);
        setMinSize(200, 150);
        setPrefSize(420, 260);
        widthProperty().addListener((obs, o, n) -> draw());
        heightProperty().addListener((obs, o, n) -> draw());
    }

    void show(List<String> sweptParameters, List<ResultRow> results) {
        parameters = List.copyOf(sweptParameters);
        rows = List.copyOf(results);
        draw();
    }

    /** The number of polylines drawn; for tests. */
    int lines() {
        return (int) rows.stream().filter(r -> r.status() == RunStatus.COMPLETED).count();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
    }

    private void draw() {
        double w = getWidth();
        double h = getHeight();
        canvas.setWidth(w);
        canvas.setHeight(h);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setFill(Color.rgb(0x33, 0x33, 0x33));
        g.setFont(BOLD);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText("Parallel coordinates", w / 2, 4);
        List<ResultRow> done = rows.stream().filter(r -> r.status() == RunStatus.COMPLETED).toList();
        if (done.isEmpty()) {
            g.setFont(SMALL);
            g.fillText("One line per run appears here as runs end.", w / 2, h / 2);
            return;
        }
        List<Axis> axes = new ArrayList<>();
        for (String p : parameters) {
            axes.add(axis(p, done));
        }
        axes.add(axis(METRIC, done));
        double left = 50;
        double right = w - 50;
        double top = 42;
        double bottom = h - 28;
        double step = axes.size() == 1 ? 0 : (right - left) / (axes.size() - 1);
        double accMin = axes.get(axes.size() - 1).min();
        double accMax = axes.get(axes.size() - 1).max();
        List<ResultRow> best = done.stream().filter(ResultRow::best).toList();
        for (ResultRow r : done) {
            if (!r.best()) {
                // the metric's axis is in percent
                double t = accMax == accMin ? 1 : (100 * r.testTop1() - accMin) / (accMax - accMin);
                t = Math.max(0, Math.min(1, t));
                g.setStroke(Color.rgb(31, 111, 209, 0.25 + 0.6 * t));
                g.setLineWidth(1.5);
                polyline(g, r, axes, left, step, top, bottom);
            }
        }
        g.setStroke(BEST);
        g.setLineWidth(3.5);
        for (ResultRow r : best) {
            polyline(g, r, axes, left, step, top, bottom);
        }
        for (int i = 0; i < axes.size(); i++) {
            drawAxis(g, axes.get(i), left + i * step, top, bottom);
        }
        if (!best.isEmpty()) {
            g.setFill(BEST);
            g.setFont(SMALL);
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText("best: " + SweepModel.label(best.get(0).entry()) + (best.size() == 1 ? ""
                    : " (its " + best.size() + " runs)"), w - 6, h - 2);
        }
    }

    private static void polyline(GraphicsContext g, ResultRow r, List<Axis> axes, double left, double step,
                                 double top, double bottom) {
        g.beginPath();
        for (int i = 0; i < axes.size(); i++) {
            Axis a = axes.get(i);
            Object value = a.name().equals(METRIC) ? (Object) (100 * r.testTop1()) : r.point().get(a.name());
            double y = bottom - a.position(value) * (bottom - top);
            double x = left + i * step;
            if (i == 0) {
                g.moveTo(x, y);
            } else {
                g.lineTo(x, y);
            }
        }
        g.stroke();
    }

    private static void drawAxis(GraphicsContext g, Axis a, double x, double top, double bottom) {
        g.setStroke(Color.rgb(0x55, 0x5f, 0x6e));
        g.setLineWidth(1);
        g.strokeLine(x, top, x, bottom);
        g.setFill(Color.rgb(0x22, 0x22, 0x22));
        g.setFont(BOLD);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(a.name().equals(METRIC) ? "test top-1 %" : a.name() + (a.log() ? " (log)" : ""), x, top - 12);
        g.setFont(SMALL);
        g.setFill(Color.rgb(0x4a, 0x55, 0x66));
        if (a.categories() != null) {
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            for (String c : a.categories()) {
                g.fillText(c, x + 4, bottom - a.position(c) * (bottom - top));
            }
        } else {
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText(ResultsCsv.value(round(a.max())), x, top - 1);
            g.setTextBaseline(VPos.TOP);
            g.fillText(ResultsCsv.value(round(a.min())), x, bottom + 2);
        }
    }

    private static double round(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).doubleValue();
    }

    private static Axis axis(String name, List<ResultRow> rows) {
        var values = new ArrayList<Object>();
        for (ResultRow r : rows) {
            values.add(name.equals(METRIC) ? (Object) (100 * r.testTop1()) : r.point().get(name));
        }
        boolean numeric = values.stream().allMatch(v -> number(v) != null);
        if (!numeric) {
            var categories = new TreeSet<String>();
            values.forEach(v -> categories.add(text(v)));
            return new Axis(name, List.copyOf(categories), 0, 0, false);
        }
        double min = values.stream().mapToDouble(v -> number(v).doubleValue()).min().orElse(0);
        double max = values.stream().mapToDouble(v -> number(v).doubleValue()).max().orElse(1);
        boolean log = min > 0 && max / min > 20;
        return new Axis(name, null, min, max, log);
    }

    private static Number number(Object v) {
        if (v instanceof Number n) {
            return n;
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static String text(Object v) {
        return v == null ? "" : v instanceof Double d ? ResultsCsv.value(d) : v.toString();
    }
}
