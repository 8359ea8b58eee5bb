package org.bnnworkbench.experiments.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bnnworkbench.engine.cost.NetworkCost;
import org.bnnworkbench.experiments.run.RunRecord;
import org.bnnworkbench.experiments.stats.ConfigurationStats;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;

/**
 * Charts of the user's own runs, one data set per chart (its accuracy axis names it): test top-1 against model size
 * and against OPs (log x; the network as trained on that data set, not at ImageNet scale), and each binary design
 * beside its full-precision twin. Runs that differ only by seed are one configuration ({@link RunConfiguration}),
 * drawn as {@link IntervalCharts} draws a sweep's: the mean with its 95 % interval, a dot per seed.
 */
public final class RunCharts {

    /** A configuration's seeds are spread sideways over this fraction of the axis (of its decades, on a log axis). */
    private static final double SPREAD = 0.012;
    /** Configurations of equal cost are set this many {@link #SPREAD}s apart. */
    private static final double APART = 1.6;
    /** With more configurations than this, their names are left to the legend, the tooltips and the tables. */
    private static final int MOST_LABELS = 8;

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

    /**
     * Test top-1 against size or OPs of the runs on one data set: one series per design, one mark per configuration
     * (mean, 95 % interval, a dot per seed), each named beside its mean. Configurations of equal cost (the points of a
     * clip sweep) are spread a little sideways so that their bars stay apart; the tooltips give the exact cost.
     */
    public static ReportChart accuracyVs(CostAxis axis, String dataset, List<ReportRun> runs) {
        boolean kib = axis == CostAxis.SIZE && runs.stream().allMatch(r -> r.record().cost().modelSizeBytes() < (1 << 20));
        List<RunConfiguration> configurations = RunConfiguration.group(runs);
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (RunConfiguration c : configurations) {
            min = Math.min(min, x(axis, c.first().record().cost(), kib));
            max = Math.max(max, x(axis, c.first().record().cost(), kib));
        }
        String unit = axis == CostAxis.OPS ? "OPs x 10^8 = FLOPs + BOPs / 64, as trained"
                : "model size as trained (" + (kib ? "KiB" : "MiB") + ")";
        ValueAxis x = ChartStyle.costAxis(unit, min, max);
        boolean log = x instanceof LogAxis;
        double lo = min;
        double hi = max;
        IntervalCharts.Spread spread = log ? (at, offset) -> at * Math.pow(Math.max(hi / lo, 10), offset * SPREAD)
                : (at, offset) -> at + offset * SPREAD * (hi > lo ? hi - lo : Math.max(Math.abs(hi) * 0.2, 1e-9));

        // configurations at the same cost, side by side in the order given
        var atCost = new LinkedHashMap<Double, List<RunConfiguration>>();
        configurations.forEach(c -> atCost.computeIfAbsent(x(axis, c.first().record().cost(), kib),
                k -> new ArrayList<>()).add(c));
        var designs = new LinkedHashMap<String, List<IntervalCharts.Mark>>();
        for (RunConfiguration c : configurations) {
            double at = x(axis, c.first().record().cost(), kib);
            List<RunConfiguration> same = atCost.get(at);
            int k = same.indexOf(c);
            double moved = same.size() == 1 ? at : spread.at(at, APART * (k - (same.size() - 1) / 2.0));
            designs.computeIfAbsent(c.designName(), d -> new ArrayList<>()).add(new IntervalCharts.Mark(moved,
                    c.stats()));
        }
        var groups = new ArrayList<IntervalCharts.Group>();
        designs.forEach((design, marks) -> groups.add(new IntervalCharts.Group(design, marks)));
        boolean named = configurations.size() <= MOST_LABELS;
        if (named) {
            roomForLabels(x, min, max);
        }
        XYPlot plot = IntervalCharts.plot(groups, x, "test top-1 on " + dataset + " (%)", false, spread,
                named ? ConfigurationStats::label : null);
        String title = dataset + ": test top-1 vs " + axis.noun() + " (your runs)";
        var chart = new JFreeChart(title, ChartStyle.TITLE, plot, true);
        ChartStyle.apply(chart, "accuracy axis: " + describe(dataset, runs) + "; "
                + IntervalCharts.seedsText(configurations.stream().map(RunConfiguration::stats).toList()));
        return new ReportChart("runs-" + slug(dataset) + "-" + axis.id(), title, chart,
                String.format(Locale.ROOT, "%d completed runs on %s in %d configurations (runs that differ only by"
                        + " seed). The cost is of the network as trained on this data set's images (BMXNet"
                        + " convention), not at ImageNet scale; configurations of equal cost are drawn slightly apart.%s"
                        + " %s", runs.size(), dataset, configurations.size(), named ? ""
                        : " With this many configurations they are not named on the chart: hover over a mark, or see"
                        + " the runs table.", IntervalCharts.LEGEND));
    }

    /**
     * Each binary configuration beside its full-precision twin, one category per binary configuration (a twin may
     * serve several, e.g. every point of a clip sweep), with the gap of {@link TwinPair#gap()} in the category's name.
     */
    public static ReportChart twinGap(List<TwinPair> pairs) {
        boolean severalDesigns = pairs.stream().map(p -> p.binary().designName() + p.binary().dataset())
                .distinct().count() > 1;
        var categories = new ArrayList<String>();
        var binary = new ArrayList<IntervalCharts.Mark>();
        var twins = new ArrayList<IntervalCharts.Mark>();
        for (int i = 0; i < pairs.size(); i++) {
            TwinPair p = pairs.get(i);
            categories.add(category(p, pairs, severalDesigns));
            binary.add(new IntervalCharts.Mark(i + IntervalCharts.dodge(0, 2), p.binary().stats()));
            twins.add(new IntervalCharts.Mark(i + IntervalCharts.dodge(1, 2), p.twin().stats()));
        }
        SymbolAxis x = IntervalCharts.categoryAxis(severalDesigns ? "binary design (gap to its twin in points)"
                : pairs.get(0).binary().designName() + " on " + pairs.get(0).binary().dataset()
                + ": binary configuration (gap to the twin in points)", categories);
        String datasets = String.join(", ", pairs.stream().map(p -> p.binary().dataset()).distinct().toList());
        XYPlot plot = IntervalCharts.plot(List.of(new IntervalCharts.Group("binary", binary),
                        new IntervalCharts.Group("full-precision twin", twins)), x, "test top-1 on " + datasets + " (%)",
                false, IntervalCharts.categorySpread(), null);
        if (categories.size() > 5 || categories.stream().mapToInt(String::length).sum() > 90) {
            // many or long names: one line each down the side, the first at the top, accuracy along the bottom
            plot.setOrientation(PlotOrientation.HORIZONTAL);
            x.setInverted(true);
        }
        String title = "Binary vs full-precision twin (your runs)";
        var chart = new JFreeChart(title, ChartStyle.TITLE, plot, true);
        ChartStyle.apply(chart, "accuracy axis: test top-1 on " + datasets + "; each pair trained on the same data set; "
                + IntervalCharts.seedsText(pairs.stream().flatMap(p -> java.util.stream.Stream.of(p.binary().stats(),
                p.twin().stats())).distinct().toList()));
        return new ReportChart("twin-gap", title, chart, "Each binary configuration beside its full-precision twin"
                + " (every binary conv 32-bit, every sign a ReLU), trained with the same settings on the same data set;"
                + " the gap (twin minus binary, in the category's name and the table below) is the accuracy the"
                + " binarisation costs, paired over the seeds both have where they share two or more. "
                + IntervalCharts.LEGEND);
    }

    /**
     * E.g. {@code clip=0.5 (gap 5.85)}; with several designs the design's name ({@code resnete-mini (gap 3.10)}),
     * followed by the configuration's when the design has several.
     */
    private static String category(TwinPair p, List<TwinPair> pairs, boolean severalDesigns) {
        String name = p.binary().stats().label();
        if (severalDesigns) {
            long ofDesign = pairs.stream().filter(q -> q.binary().designName().equals(p.binary().designName())
                    && q.binary().dataset().equals(p.binary().dataset())).count();
            name = p.binary().designName() + (ofDesign > 1 ? ": " + name : "");
        }
        return name + String.format(Locale.ROOT, " (gap %.2f)", p.gapPoints());
    }

    /**
     * Widens the cost axis on the right so that the rightmost mark sits at most at 70% of it: the names are written to
     * the right of the marks and would otherwise run off the plot.
     */
    private static void roomForLabels(ValueAxis x, double min, double max) {
        if (x instanceof LogAxis log) {
            double lower = log.getLowerBound();
            double upper = Math.pow(10, Math.log10(lower) + (Math.log10(max) - Math.log10(lower)) / 0.7);
            log.setRange(lower, Math.max(upper, log.getUpperBound()));
        } else {
            double span = max > min ? max - min : Math.max(Math.abs(max) * 0.2, 1e-9);
            double lower = min - 0.1 * span;
            x.setRange(lower, lower + (max + 0.02 * span - lower) / 0.7);
        }
    }

    static double x(CostAxis axis, RunRecord.Cost cost, boolean kib) {
        return axis == CostAxis.OPS ? cost.ops() / 1e8 : cost.modelSizeBytes() / (kib ? 1024.0 : NetworkCost.MIB);
    }

    static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return s.isEmpty() ? "x" : s;
    }
}
