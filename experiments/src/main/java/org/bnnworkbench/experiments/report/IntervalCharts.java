package org.bnnworkbench.experiments.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;
import org.bnnworkbench.experiments.stats.AccuracyScale;
import org.bnnworkbench.experiments.stats.ConfigurationStats;
import org.bnnworkbench.experiments.stats.Interval;
import org.bnnworkbench.experiments.stats.SampleSummary;
import org.bnnworkbench.experiments.stats.SeedResult;
import org.bnnworkbench.experiments.stats.TestSetError;
import org.bnnworkbench.experiments.sweep.ResultsCsv;
import org.bnnworkbench.experiments.sweep.SweepSummary;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Accuracy charts that show how sure each number is: per configuration the mean test top-1 with its 95 % interval as
 * an error bar (Student t over the seeds; for a configuration of one run, that run's test-set interval), every seed's
 * run as a dot beside it, and a value axis that never zooms in below the noise ({@link AccuracyScale}). The sweeps'
 * charts, the charts of your runs against size and OPs, the twin gap and the replication studies all draw these
 * ({@link #plot}); the Compare tab and the Sweeps tab show the same charts.
 */
public final class IntervalCharts {

    /** What the error bars and dots mean, for captions. */
    public static final String LEGEND = "Marks: the mean of each configuration's completed runs with its 95% "
            + "confidence interval (Student t over the seeds) as an error bar, and each seed's run as a dot; a "
            + "configuration with a single run shows that run's 95% test-set (binomial, Wilson) interval instead. "
            + "The value axis spans at least " + (int) AccuracyScale.NOISE_SPANS + " test-set standard errors, so "
            + "differences within the noise stay small.";

    /** The dataset index of the means (with their intervals) and of the seeds' dots in a {@link #plot}. */
    static final int MEANS = 0;
    static final int SEEDS = 1;

    private static final double CATEGORY_JITTER = 0.07;
    private static final double CATEGORY_DODGE = 0.16;

    /** A configuration drawn at x. */
    record Mark(double x, ConfigurationStats stats) {
    }

    /** The marks of one series (one colour): a design, or one combination of the other swept values. */
    record Group(String name, List<Mark> marks) {

        Group {
            marks = List.copyOf(marks);
        }
    }

    /** Where a seed's dot goes: its configuration's x moved sideways by {@code offset}, from -1/2 to +1/2. */
    @FunctionalInterface
    interface Spread {
        double at(double x, double offset);
    }

    private IntervalCharts() {
    }

    /**
     * Test top-1 against one swept parameter: a numeric parameter on a number axis (log when its values span more
     * than a factor of 20), any other one value per tick; a series per combination of the other swept values.
     *
     * @param name    the sweep's name, for the title and the chart's id
     * @param dataset the data set, for the axis label
     */
    public static ReportChart accuracyVs(SweepSummary summary, String parameter, String name, String dataset) {
        return accuracyVs(summary, parameter, name, dataset, "sweep-" + RunCharts.slug(name) + "-"
                + RunCharts.slug(parameter));
    }

    /** As {@link #accuracyVs(SweepSummary, String, String, String)}, with the chart's id given. */
    public static ReportChart accuracyVs(SweepSummary summary, String parameter, String name, String dataset,
                                         String id) {
        List<ConfigurationStats> done = summary.configurations().stream()
                .filter(c -> c.hasResults() && c.values().containsKey(parameter)).toList();
        boolean numeric = !done.isEmpty() && done.stream().allMatch(c -> c.values().get(parameter) instanceof Number
                && !(c.values().get(parameter) instanceof Boolean));
        var categories = new ArrayList<String>();
        if (!numeric) {
            done.forEach(c -> {
                String text = ResultsCsv.value(c.values().get(parameter));
                if (!categories.contains(text)) {
                    categories.add(text);
                }
            });
        }
        double min = done.stream().mapToDouble(c -> numeric ? number(c, parameter) : 0).min().orElse(1);
        double max = done.stream().mapToDouble(c -> numeric ? number(c, parameter) : 0).max().orElse(1);
        boolean log = numeric && min > 0 && max / min > 20;

        var byOthers = new LinkedHashMap<String, List<ConfigurationStats>>();
        done.forEach(c -> byOthers.computeIfAbsent(others(c, parameter), k -> new ArrayList<>()).add(c));
        var groups = new ArrayList<Group>();
        int g = 0;
        for (Map.Entry<String, List<ConfigurationStats>> group : byOthers.entrySet()) {
            var sorted = new ArrayList<>(group.getValue());
            if (numeric) {
                sorted.sort(java.util.Comparator.comparingDouble(c -> number(c, parameter)));
            }
            double dodge = numeric ? 0 : dodge(g, byOthers.size());
            var marks = new ArrayList<Mark>();
            for (ConfigurationStats c : sorted) {
                marks.add(new Mark(numeric ? number(c, parameter)
                        : categories.indexOf(ResultsCsv.value(c.values().get(parameter))) + dodge, c));
            }
            groups.add(new Group(group.getKey().isEmpty() ? name : group.getKey(), marks));
            g++;
        }

        ValueAxis x;
        Spread spread;
        if (!numeric) {
            x = categoryAxis(parameter, categories);
            spread = categorySpread();
        } else if (log) {
            x = ChartStyle.logAxis(parameter + " (log scale)");
            spread = (at, offset) -> at * Math.pow(max / min, offset * 0.012);
        } else {
            var axis = new NumberAxis(parameter);
            axis.setAutoRangeIncludesZero(false);
            axis.setAutoRangeMinimumSize(Math.max(Math.abs(max) * 0.2, 1e-9));
            axis.setLowerMargin(0.08);
            axis.setUpperMargin(0.08);
            x = axis;
            double span = max > min ? max - min : Math.max(Math.abs(max), 1);
            spread = (at, offset) -> at + offset * 0.025 * span;
        }
        XYPlot plot = plot(groups, x, "test top-1 on " + dataset + " (%)", numeric, spread, null);
        String title = name + ": test top-1 on " + dataset + " vs " + parameter;
        var chart = new JFreeChart(title, ChartStyle.TITLE, plot, groups.size() > 1);
        ChartStyle.apply(chart, seedsText(done));
        verdict(chart, summary.ranking().verdict(), summary.ranking().hasClearBest());
        int without = summary.configurations().size() - done.size();
        return new ReportChart(id, title, chart,
                String.format(Locale.ROOT, "%d configurations of %s with completed runs%s. %s", done.size(),
                        name, without == 0 ? "" : "; " + without + " without any left out", LEGEND));
    }

    /**
     * The plot every interval chart draws: per group one colour, per mark its mean (a square) with its error bar
     * ({@link #interval}), each seed's run as an open dot spread a little sideways, the means of a group joined by a
     * line when {@code lines}, and the value axis of {@link AccuracyScale} over everything drawn with the marks'
     * mean test-set standard error as the noise. Tooltips name each mark and seed.
     *
     * @param labels the text beside each mean, or null for none
     */
    static XYPlot plot(List<Group> groups, ValueAxis x, String valueLabel, boolean lines, Spread spread,
                       Function<ConfigurationStats, String> labels) {
        var means = new YIntervalSeriesCollection();
        var dots = new XYSeriesCollection();
        var meanItems = new ArrayList<List<ConfigurationStats>>();
        var dotItems = new ArrayList<List<String>>();
        var onAxis = new ArrayList<Double>();
        double noise = 0;
        int noiseCount = 0;
        for (Group group : groups) {
            var meanSeries = new YIntervalSeries(group.name(), false, true);
            var dotSeries = new XYSeries(group.name() + " (seeds)", false, true);
            var configurations = new ArrayList<ConfigurationStats>();
            var dotTips = new ArrayList<String>();
            for (Mark m : group.marks()) {
                ConfigurationStats c = m.stats();
                Interval interval = interval(c);
                meanSeries.add(m.x(), 100 * c.summary().mean(), 100 * interval.low(), 100 * interval.high());
                configurations.add(c);
                onAxis.add(100 * interval.low());
                onAxis.add(100 * interval.high());
                List<SeedResult> runs = c.runs();
                for (int i = 0; i < runs.size(); i++) {
                    double offset = runs.size() == 1 ? 0 : (i - (runs.size() - 1) / 2.0) / (runs.size() - 1);
                    dotSeries.add(spread.at(m.x(), offset), 100 * runs.get(i).accuracy());
                    onAxis.add(100 * runs.get(i).accuracy());
                    dotTips.add(seedTooltip(c, runs.get(i)));
                }
                if (c.meanTestSetError().isPresent()) {
                    noise += 100 * c.meanTestSetError().getAsDouble();
                    noiseCount++;
                }
            }
            means.addSeries(meanSeries);
            dots.addSeries(dotSeries);
            meanItems.add(configurations);
            dotItems.add(dotTips);
        }

        var bars = new XYErrorRenderer();
        bars.setDrawXError(false);
        bars.setDrawYError(true);
        bars.setCapLength(7);
        bars.setErrorStroke(new BasicStroke(1.6f));
        bars.setDefaultLinesVisible(lines);
        bars.setDefaultShapesVisible(true);
        bars.setDrawOutlines(false);
        var dotRenderer = new XYLineAndShapeRenderer(false, true);
        dotRenderer.setUseFillPaint(true);
        dotRenderer.setDrawOutlines(true);
        for (int i = 0; i < groups.size(); i++) {
            Color color = (Color) ChartStyle.color(i);
            bars.setSeriesPaint(i, color);
            bars.setSeriesShape(i, new java.awt.Rectangle(-4, -4, 8, 8));
            dotRenderer.setSeriesPaint(i, color);
            dotRenderer.setSeriesOutlinePaint(i, color);
            dotRenderer.setSeriesFillPaint(i, Color.WHITE);
            dotRenderer.setSeriesShape(i, new Ellipse2D.Double(-3, -3, 6, 6));
            dotRenderer.setSeriesVisibleInLegend(i, false);
        }
        bars.setDefaultToolTipGenerator((ds, s, i) -> tooltip(meanItems.get(s).get(i)));
        dotRenderer.setDefaultToolTipGenerator((ds, s, i) -> dotItems.get(s).get(i));
        if (labels != null) {
            bars.setDefaultItemLabelGenerator((ds, s, i) -> labels.apply(meanItems.get(s).get(i)));
            bars.setDefaultItemLabelsVisible(true);
            bars.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
            bars.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3,
                    TextAnchor.CENTER_LEFT));
        }

        NumberAxis y = new NumberAxis(valueLabel);
        AccuracyScale scale = AccuracyScale.of(onAxis.stream().mapToDouble(Double::doubleValue).toArray(),
                noiseCount == 0 ? Double.NaN : noise / noiseCount);
        y.setRange(scale.lower(), scale.upper());
        var plot = new XYPlot(means, x, y, bars);
        plot.setDataset(SEEDS, dots);
        plot.setRenderer(SEEDS, dotRenderer);
        return plot;
    }

    /** A category axis: one tick per text at 0, 1, 2, ... */
    static SymbolAxis categoryAxis(String label, List<String> categories) {
        var axis = new SymbolAxis(label, categories.toArray(new String[0]));
        axis.setRange(-0.6, Math.max(0.6, categories.size() - 0.4));
        axis.setGridBandsVisible(false);
        return axis;
    }

    /** The seeds of a mark on a category axis, spread over a seventh of a category. */
    static Spread categorySpread() {
        return (at, offset) -> at + offset * 2 * CATEGORY_JITTER;
    }

    /** Where the k-th of n groups sits within a category: side by side, 0.16 apart. */
    static double dodge(int k, int n) {
        return n <= 1 ? 0 : (k - (n - 1) / 2.0) * CATEGORY_DODGE;
    }

    /** The verdict as a line under the plot: green when it names a clear best. */
    static void verdict(JFreeChart chart, String text, boolean clear) {
        var verdict = new TextTitle(text, ChartStyle.SUBTITLE);
        verdict.setPosition(RectangleEdge.BOTTOM);
        verdict.setPaint(clear ? new Color(0x1B5E20) : Color.DARK_GRAY);
        chart.addSubtitle(verdict);
    }

    /** The error bar of a configuration: its t-interval, or its single run's test-set interval, or the mean alone. */
    public static Interval interval(ConfigurationStats c) {
        SampleSummary s = c.summary();
        if (s.hasInterval()) {
            return s.interval();
        }
        TestSetError e = c.runs().get(0).testSetError();
        return e != null ? e.interval() : new Interval(s.mean(), s.mean(), SampleSummary.LEVEL);
    }

    /** E.g. {@code clip=1.3: 89.10% mean of 5 runs (95% CI 88.60 to 89.60%), sd 0.35}. */
    static String tooltip(ConfigurationStats c) {
        SampleSummary s = c.summary();
        Interval i = interval(c);
        if (!s.hasInterval()) {
            return String.format(Locale.ROOT, "%s: %.2f%%, one run (95%% test-set interval %.2f to %.2f%%)", c.label(),
                    100 * s.mean(), 100 * i.low(), 100 * i.high());
        }
        return String.format(Locale.ROOT, "%s: %.2f%% mean of %d runs (95%% CI %.2f to %.2f%%), sd %.2f points",
                c.label(), 100 * s.mean(), s.n(), 100 * i.low(), 100 * i.high(), 100 * s.sd());
    }

    /** E.g. {@code clip=1.3, seed 43: 88.95% ± 0.70 (test-set standard error)}. */
    static String seedTooltip(ConfigurationStats c, SeedResult run) {
        return String.format(Locale.ROOT, "%s, seed %d: %.2f%%%s", c.label(), run.seed(), 100 * run.accuracy(),
                run.testSetError() == null ? "" : String.format(Locale.ROOT,
                        " \u00b1 %.2f (test-set standard error)", 100 * run.testSetError().standardError()));
    }

    /** E.g. {@code n = 5 seeds per configuration; error bars: ...}, for the subtitle. */
    static String seedsText(List<ConfigurationStats> done) {
        int least = done.stream().mapToInt(ConfigurationStats::n).min().orElse(0);
        int most = done.stream().mapToInt(ConfigurationStats::n).max().orElse(0);
        String n = least == most ? "n = " + least : "n = " + least + " to " + most;
        return n + (most == 1 ? " run per configuration: error bars are test-set intervals only"
                : " seeds per configuration; error bars: 95% CI of the mean, dots: single seeds");
    }

    private static double number(ConfigurationStats c, String parameter) {
        return ((Number) c.values().get(parameter)).doubleValue();
    }

    /** The other swept values, e.g. {@code estimator=ste}; empty for a one-parameter sweep. */
    private static String others(ConfigurationStats c, String parameter) {
        var text = new StringJoiner(", ");
        c.values().forEach((k, v) -> {
            if (!k.equals(parameter)) {
                text.add(k + "=" + ResultsCsv.value(v));
            }
        });
        return text.toString();
    }
}
