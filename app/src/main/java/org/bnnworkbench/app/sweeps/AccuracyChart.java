package org.bnnworkbench.app.sweeps;

import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.TreeSet;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.bnnworkbench.app.charts.ChartStyle;
import org.bnnworkbench.experiments.run.RunStatus;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Test top-1 against one swept parameter (chosen in a list): a point per completed run, joined by a line when only
 * that parameter is swept, the best run marked in red. Numbers get a number axis (logarithmic for a wide positive
 * range), other values one tick each.
 */
final class AccuracyChart extends BorderPane {

    private final XYSeriesCollection data = new XYSeriesCollection();
    private final XYSeries runs = new XYSeries("runs", true, true);
    private final XYSeries best = new XYSeries("best", true, true);
    private final ComboBox<String> parameter = new ComboBox<>();
    private final JFreeChart chart;
    private List<String> parameters = List.of();
    private List<ResultRow> rows = List.of();

    AccuracyChart() {
        setId("sweep-accuracy-chart");
        data.addSeries(runs);
        data.addSeries(best);
        chart = ChartStyle.lines("Test top-1 against the parameter", "", "test top-1 (%)", data, true);
        XYPlot plot = chart.getXYPlot();
        ChartStyle.percent((NumberAxis) plot.getRangeAxis());
        var renderer = (XYLineAndShapeRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, ChartStyle.BINARY);
        renderer.setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        renderer.setSeriesPaint(1, ChartStyle.BEST);
        renderer.setSeriesLinesVisible(1, false);
        renderer.setSeriesShape(1, new Ellipse2D.Double(-6, -6, 12, 12));
        renderer.setSeriesStroke(0, new BasicStroke(1.6f));
        ChartViewer viewer = ChartStyle.viewer(chart, "sweep-accuracy");
        parameter.setId("sweep-accuracy-parameter");
        parameter.valueProperty().addListener((obs, old, p) -> draw());
        var bar = new HBox(6, new Label("Test top-1 against"), parameter);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 0, 4, 0));
        setTop(bar);
        setCenter(viewer);
    }

    void show(List<String> sweptParameters, List<ResultRow> results) {
        if (!sweptParameters.equals(parameters)) {
            parameters = List.copyOf(sweptParameters);
            parameter.getItems().setAll(parameters);
            parameter.setValue(parameters.isEmpty() ? null : parameters.get(0));
        }
        rows = List.copyOf(results);
        draw();
    }

    /** The points drawn; for tests. */
    int points() {
        return runs.getItemCount();
    }

    private void draw() {
        String key = parameter.getValue();
        XYPlot plot = chart.getXYPlot();
        plot.setNotify(false);
        try {
            runs.clear();
            best.clear();
            plot.clearAnnotations();
            if (key == null) {
                return;
            }
            List<ResultRow> done = rows.stream().filter(r -> r.status() == RunStatus.COMPLETED
                    && r.point().get(key) != null).toList();
            boolean numeric = done.stream().allMatch(r -> number(r.point().get(key)) != null);
            List<String> categories = numeric ? null : List.copyOf(new TreeSet<>(done.stream()
                    .map(r -> String.valueOf(r.point().get(key))).toList()));
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            for (ResultRow r : done) {
                double x = numeric ? number(r.point().get(key)) : categories.indexOf(String.valueOf(r.point()
                        .get(key)));
                min = Math.min(min, x);
                max = Math.max(max, x);
                runs.add(x, 100 * r.testTop1(), false);
                if (r.best()) {
                    best.add(x, 100 * r.testTop1(), false);
                    var label = new XYTextAnnotation(String.format(java.util.Locale.ROOT, "best %.2f%%",
                            100 * r.testTop1()), x, 100 * r.testTop1());
                    label.setTextAnchor(TextAnchor.BOTTOM_CENTER);
                    label.setPaint(ChartStyle.BEST);
                    label.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 11));
                    plot.addAnnotation(label, false);
                }
            }
            runs.fireSeriesChanged();
            best.fireSeriesChanged();
            ((XYLineAndShapeRenderer) plot.getRenderer()).setSeriesLinesVisible(0, parameters.size() == 1);
            ValueAxis axis;
            if (!numeric) {
                axis = new SymbolAxis(key, categories.toArray(new String[0]));
            } else if (min > 0 && max / min > 20) {
                axis = new LogAxis(key);
            } else {
                var n = new NumberAxis(key);
                n.setAutoRangeIncludesZero(false);
                // a single value still gets a scale around it
                n.setAutoRangeMinimumSize(Math.max(1e-9, Math.abs(max) * 0.5));
                axis = n;
            }
            axis.setLabelFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 11));
            axis.setTickLabelFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 10));
            plot.setDomainAxis(axis);
            // room above the best point for its label
            plot.getRangeAxis().setUpperMargin(0.15);
        } finally {
            plot.setNotify(true);
        }
    }

    private static Double number(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return v == null ? null : Double.parseDouble(v.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
