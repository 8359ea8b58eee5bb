package org.bnnworkbench.experiments.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.bnnworkbench.experiments.run.RunStatus;
import org.bnnworkbench.experiments.sweep.JournalEntry;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A sweep's test top-1 against one swept parameter: a line per combination of the other swept values for a numeric
 * parameter (log x when its values span more than a factor of 20, as learning rates do), bars for a choice. Points
 * that did not complete are left out and the caption says how many.
 */
public final class SweepCharts {

    private SweepCharts() {
    }

    /** The data set a sweep trained on, as its runs' records name it. */
    public static String dataset(ReportSweep sweep) {
        return sweep.runs().values().stream().map(ReportRun::dataset).findFirst().orElse("the sweep's data set");
    }

    public static ReportChart accuracyVs(ReportSweep sweep, String parameter) {
        List<JournalEntry> done = sweep.entries().stream().filter(e -> e.status() == RunStatus.COMPLETED
                && e.point().containsKey(parameter)).toList();
        boolean numeric = done.stream().allMatch(e -> e.point().get(parameter) instanceof Number);
        String dataset = dataset(sweep);
        String title = sweep.name() + ": test top-1 on " + dataset + " vs " + parameter;
        JFreeChart chart = numeric ? lines(sweep, parameter, done, dataset, title)
                : bars(sweep, parameter, done, dataset, title);
        List<ReportRun> runs = new ArrayList<>(sweep.runs().values());
        ChartStyle.apply(chart, "accuracy axis: " + RunCharts.describe(dataset, runs));
        int left = sweep.entries().size() - done.size();
        return new ReportChart("sweep-" + RunCharts.slug(sweep.name()) + "-" + RunCharts.slug(parameter), title, chart,
                String.format(Locale.ROOT, "%d completed points of sweep %s%s.", done.size(), sweep.name(),
                        left == 0 ? "" : "; " + left + " point" + (left == 1 ? "" : "s")
                                + " without a completed run left out"));
    }

    private static JFreeChart lines(ReportSweep sweep, String parameter, List<JournalEntry> done, String dataset,
                                    String title) {
        var groups = new LinkedHashMap<String, List<JournalEntry>>();
        for (JournalEntry e : done) {
            groups.computeIfAbsent(others(e, parameter), k -> new ArrayList<>()).add(e);
        }
        var data = new XYSeriesCollection();
        var items = new ArrayList<List<JournalEntry>>();
        for (Map.Entry<String, List<JournalEntry>> g : groups.entrySet()) {
            var series = new XYSeries(g.getKey().isEmpty() ? sweep.name() : g.getKey(), true, true);
            var sorted = new ArrayList<>(g.getValue());
            sorted.sort(java.util.Comparator.comparingDouble(e -> number(e, parameter)));
            sorted.forEach(e -> series.add(number(e, parameter), 100 * e.testTop1()));
            data.addSeries(series);
            items.add(sorted);
        }
        var renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < items.size(); i++) {
            renderer.setSeriesPaint(i, ChartStyle.color(i));
            renderer.setSeriesShape(i, ChartStyle.shape(i));
        }
        renderer.setDrawOutlines(false); // the filled shape alone: half the SVG
        renderer.setDefaultToolTipGenerator((ds, s, i) -> {
            JournalEntry e = items.get(s).get(i);
            return String.format(Locale.ROOT, "%s %s: %.2f%% test top-1 on %s (seed %d)", e.id(), label(e),
                    100 * e.testTop1(), dataset, e.seed());
        });
        renderer.setDefaultItemLabelGenerator((ds, s, i) -> String.format(Locale.ROOT, "%.2f%%",
                100 * items.get(s).get(i).testTop1()));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(ChartStyle.LABEL);
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12,
                TextAnchor.BOTTOM_CENTER));
        double min = done.stream().mapToDouble(e -> number(e, parameter)).min().orElse(1);
        double max = done.stream().mapToDouble(e -> number(e, parameter)).max().orElse(1);
        ValueAxis x;
        if (min > 0 && max / min > 20) {
            x = ChartStyle.logAxis(parameter + " (log scale)");
        } else {
            var axis = new NumberAxis(parameter);
            axis.setAutoRangeIncludesZero(false);
            axis.setAutoRangeMinimumSize(Math.max(Math.abs(max) * 0.2, 1e-9));
            axis.setLowerMargin(0.08);
            axis.setUpperMargin(0.08);
            x = axis;
        }
        var y = RunCharts.accuracyAxis("test top-1 on " + dataset + " (%)");
        var plot = new XYPlot(data, x, y, renderer);
        return new JFreeChart(title, ChartStyle.TITLE, plot, groups.size() > 1);
    }

    private static JFreeChart bars(ReportSweep sweep, String parameter, List<JournalEntry> done, String dataset,
                                   String title) {
        var data = new DefaultCategoryDataset();
        for (JournalEntry e : done) {
            String others = others(e, parameter);
            data.addValue(100 * e.testTop1(), others.isEmpty() ? sweep.name() : others,
                    String.valueOf(e.point().get(parameter)));
        }
        var renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        for (int i = 0; i < data.getRowCount(); i++) {
            renderer.setSeriesPaint(i, ChartStyle.color(i));
        }
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}%",
                new java.text.DecimalFormat("0.0")));
        renderer.setDefaultItemLabelsVisible(true);
        var y = new NumberAxis("test top-1 on " + dataset + " (%)");
        y.setUpperMargin(0.12);
        var plot = new CategoryPlot(data, new CategoryAxis(parameter), y, renderer);
        return new JFreeChart(title, ChartStyle.TITLE, plot, data.getRowCount() > 1);
    }

    private static double number(JournalEntry e, String parameter) {
        return ((Number) e.point().get(parameter)).doubleValue();
    }

    /** The other swept values of a point, e.g. {@code estimator=ste}; empty for a one-parameter sweep. */
    private static String others(JournalEntry e, String parameter) {
        var text = new StringJoiner(", ");
        e.point().forEach((k, v) -> {
            if (!k.equals(parameter)) {
                text.add(k + "=" + v);
            }
        });
        return text.toString();
    }

    private static String label(JournalEntry e) {
        return ReportInputs.pointLabel(e);
    }
}
