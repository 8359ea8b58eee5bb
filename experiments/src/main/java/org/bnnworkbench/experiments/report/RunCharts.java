package org.bnnworkbench.experiments.report;

import java.awt.Font;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bnnworkbench.engine.cost.NetworkCost;
import org.bnnworkbench.experiments.run.RunRecord;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.axis.NumberAxis;
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
 * Charts of the user's own runs, one data set per chart (its accuracy axis names it): test top-1 against model size
 * and against OPs (log x; the network as trained on that data set, not at ImageNet scale), and each binary design
 * beside its full-precision twin.
 */
public final class RunCharts {

    private RunCharts() {
    }

    /** The runs of one data set, completed and with a cost, grouped as charts plot them. */
    public static Map<String, List<ReportRun>> byDataset(List<ReportRun> runs) {
        var map = new LinkedHashMap<String, List<ReportRun>>();
        for (ReportRun r : runs) {
            if (r.completed() && r.record().cost() != null) {
                map.computeIfAbsent(r.dataset(), k -> new ArrayList<>()).add(r);
            }
        }
        return map;
    }

    /** Names a data set as the run records describe it, e.g. {@code fashion-mnist-subset (28x28x1, 10 classes)}. */
    public static String describe(String dataset, List<ReportRun> runs) {
        RunRecord.Dataset d = runs.isEmpty() ? null : runs.get(0).record().dataset();
        return d == null ? dataset : String.format(Locale.ROOT, "%s (%s, %d classes, %d test images)", dataset,
                d.input(), d.classes(), d.testImages());
    }

    /** Test top-1 against size or OPs of the runs on one data set, one series per design, each point named. */
    public static ReportChart accuracyVs(CostAxis axis, String dataset, List<ReportRun> runs) {
        boolean kib = axis == CostAxis.SIZE && runs.stream().allMatch(r -> r.record().cost().modelSizeBytes() < (1 << 20));
        var designs = new LinkedHashMap<String, List<ReportRun>>();
        runs.forEach(r -> designs.computeIfAbsent(r.designName(), k -> new ArrayList<>()).add(r));
        var data = new XYSeriesCollection();
        var items = new ArrayList<List<ReportRun>>();
        for (Map.Entry<String, List<ReportRun>> d : designs.entrySet()) {
            var series = new XYSeries(d.getKey(), false, true);
            d.getValue().forEach(r -> series.add(x(axis, r.record().cost(), kib), 100 * r.record().testTop1()));
            data.addSeries(series);
            items.add(d.getValue());
        }
        var renderer = new XYLineAndShapeRenderer(false, true);
        for (int i = 0; i < items.size(); i++) {
            renderer.setSeriesPaint(i, ChartStyle.color(i));
            renderer.setSeriesShape(i, ChartStyle.shape(i));
        }
        renderer.setDrawOutlines(false); // the filled shape alone: half the SVG
        renderer.setDefaultToolTipGenerator((ds, s, i) -> tooltip(items.get(s).get(i)));
        renderer.setDefaultItemLabelGenerator((ds, s, i) -> pointName(items.get(s).get(i)));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3,
                TextAnchor.CENTER_LEFT));
        String unit = axis == CostAxis.OPS ? "OPs x 10^8 = FLOPs + BOPs / 64, as trained"
                : "model size as trained (" + (kib ? "KiB" : "MiB") + ")";
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (ReportRun r : runs) {
            min = Math.min(min, x(axis, r.record().cost(), kib));
            max = Math.max(max, x(axis, r.record().cost(), kib));
        }
        ValueAxis x = ChartStyle.costAxis(unit, min, max);
        var y = accuracyAxis("test top-1 on " + dataset + " (%)");
        var plot = new XYPlot(data, x, y, renderer);
        String title = dataset + ": test top-1 vs " + axis.noun() + " (your runs)";
        var chart = new JFreeChart(title, ChartStyle.TITLE, plot, true);
        ChartStyle.apply(chart, "accuracy axis: " + describe(dataset, runs) + "; not comparable with ImageNet numbers");
        return new ReportChart("runs-" + slug(dataset) + "-" + axis.id(), title, chart,
                String.format(Locale.ROOT, "%d completed runs on %s. The cost is of the network as trained on this"
                        + " data set's images (BMXNet convention), not at ImageNet scale.", runs.size(), dataset));
    }

    /** Each binary design's test top-1 beside its full-precision twin's, for the pairs found. */
    public static ReportChart twinGap(List<TwinPair> pairs) {
        var data = new DefaultCategoryDataset();
        boolean severalDesigns = pairs.stream().map(p -> p.binary().designName() + p.binary().dataset())
                .distinct().count() > 1;
        for (TwinPair p : pairs) {
            // one category per binary run (a twin may serve several, e.g. every point of a clip sweep)
            String column = (severalDesigns ? p.binary().designName() + " / " + p.binary().dataset() + ": " : "")
                    + p.binary().shortLabel() + String.format(Locale.ROOT, " (gap %.2f)", p.gapPoints());
            data.addValue(100 * p.binary().record().testTop1(), "binary", column);
            data.addValue(100 * p.twin().record().testTop1(), "full-precision twin", column);
        }
        var renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, ChartStyle.color(0));
        renderer.setSeriesPaint(1, ChartStyle.color(9));
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}%",
                new java.text.DecimalFormat("0.00")));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(ChartStyle.LABEL);
        renderer.setDefaultToolTipGenerator((dataset, row, column) -> dataset.getRowKey(row) + " "
                + dataset.getColumnKey(column) + ": " + dataset.getValue(row, column) + "% test top-1");
        var y = new NumberAxis("test top-1 on the run's data set (%)");
        y.setAutoRangeIncludesZero(true);
        y.setUpperMargin(0.12);
        String design = pairs.get(0).binary().designName() + " on " + pairs.get(0).binary().dataset();
        var plot = new CategoryPlot(data, new CategoryAxis(severalDesigns ? "design / data set: binary run"
                : design + ": binary run (gap to the twin in points)"), y, renderer);
        String datasets = String.join(", ", pairs.stream().map(p -> p.binary().dataset()).distinct().toList());
        String title = "Binary vs full-precision twin (your runs)";
        var chart = new JFreeChart(title, ChartStyle.TITLE, plot, true);
        ChartStyle.apply(chart, "accuracy axis: test top-1 on " + datasets + "; each pair trained on the same data set");
        return new ReportChart("twin-gap", title, chart, "Each binary run beside its full-precision twin (every"
                + " binary conv 32-bit, every sign a ReLU), trained with the same settings on the same data set; the"
                + " difference is the accuracy the binarisation costs.");
    }

    /** A percentage axis that does not zoom in below two points, so one run or close runs still read sensibly. */
    static NumberAxis accuracyAxis(String label) {
        var y = new NumberAxis(label);
        y.setAutoRangeIncludesZero(false);
        y.setAutoRangeMinimumSize(2.0);
        y.setUpperMargin(0.1);
        return y;
    }

    static double x(CostAxis axis, RunRecord.Cost cost, boolean kib) {
        return axis == CostAxis.OPS ? cost.ops() / 1e8 : cost.modelSizeBytes() / (kib ? 1024.0 : NetworkCost.MIB);
    }

    private static String pointName(ReportRun r) {
        return r.shortLabel();
    }

    private static String tooltip(ReportRun r) {
        RunRecord.Cost c = r.record().cost();
        return String.format(Locale.ROOT, "%s (%s): %.2f%% test top-1 on %s, %d bytes, %.3e OPs, seed %s",
                r.label(), r.designName(), 100 * r.record().testTop1(), r.dataset(), c.modelSizeBytes(), c.ops(),
                r.record().config().get("seed"));
    }

    static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return s.isEmpty() ? "x" : s;
    }
}
