package org.bnnworkbench.experiments.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
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
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Accuracy charts that show how sure each number is: per configuration the mean test top-1 with its 95 % interval as
 * an error bar (Student t over the seeds; for a configuration of one run, that run's test-set interval), every seed's
 * run as a dot beside it, and a value axis that never zooms in below the noise ({@link AccuracyScale}). The reports,
 * the Compare tab and the Sweeps tab all draw these.
 */
public final class IntervalCharts {

    /** What the error bars and dots mean, for captions. */
    public static final String LEGEND = "Marks: the mean of each configuration's completed runs with its 95% "
            + "confidence interval (Student t over the seeds) as an error bar, and each seed's run as a dot; a "
            + "configuration with a single run shows that run's 95% test-set (binomial, Wilson) interval instead. "
            + "The value axis spans at least " + (int) AccuracyScale.NOISE_SPANS + " test-set standard errors, so "
            + "differences within the noise stay small.";

    private static final double CATEGORY_JITTER = 0.07;
    private static final double CATEGORY_DODGE = 0.16;

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

        var groups = new LinkedHashMap<String, List<ConfigurationStats>>();
        done.forEach(c -> groups.computeIfAbsent(others(c, parameter), k -> new ArrayList<>()).add(c));
        var means = new YIntervalSeriesCollection();
        var dots = new XYSeriesCollection();
        var meanItems = new ArrayList<List<ConfigurationStats>>();
        var dotItems = new ArrayList<List<String>>();
        var onAxis = new ArrayList<Double>();
        double noise = 0;
        int noiseCount = 0;
        int g = 0;
        for (Map.Entry<String, List<ConfigurationStats>> group : groups.entrySet()) {
            String key = group.getKey().isEmpty() ? name : group.getKey();
            var meanSeries = new YIntervalSeries(key, false, true);
            var dotSeries = new XYSeries(key + " (seeds)", false, true);
            var sorted = new ArrayList<>(group.getValue());
            if (numeric) {
                sorted.sort(java.util.Comparator.comparingDouble(c -> number(c, parameter)));
            }
            double dodge = numeric || groups.size() == 1 ? 0 : (g - (groups.size() - 1) / 2.0) * CATEGORY_DODGE;
            var dotTips = new ArrayList<String>();
            for (ConfigurationStats c : sorted) {
                double x = numeric ? number(c, parameter)
                        : categories.indexOf(ResultsCsv.value(c.values().get(parameter))) + dodge;
                SampleSummary s = c.summary();
                Interval interval = interval(c);
                double mean = 100 * s.mean();
                meanSeries.add(x, mean, 100 * interval.low(), 100 * interval.high());
                onAxis.add(100 * interval.low());
                onAxis.add(100 * interval.high());
                List<SeedResult> runs = c.runs();
                for (int i = 0; i < runs.size(); i++) {
                    double offset = runs.size() == 1 ? 0 : (i - (runs.size() - 1) / 2.0) / (runs.size() - 1);
                    dotSeries.add(jitter(x, offset, numeric, log, min, max), 100 * runs.get(i).accuracy());
                    onAxis.add(100 * runs.get(i).accuracy());
                    dotTips.add(String.format(Locale.ROOT, "%s, seed %d: %.2f%%%s", c.label(), runs.get(i).seed(),
                            100 * runs.get(i).accuracy(), runs.get(i).testSetError() == null ? ""
                                    : String.format(Locale.ROOT, " \u00b1 %.2f (test-set standard error)",
                                    100 * runs.get(i).testSetError().standardError())));
                }
                if (c.meanTestSetError().isPresent()) {
                    noise += 100 * c.meanTestSetError().getAsDouble();
                    noiseCount++;
                }
            }
            means.addSeries(meanSeries);
            dots.addSeries(dotSeries);
            meanItems.add(sorted);
            dotItems.add(dotTips);
            g++;
        }

        var bars = new XYErrorRenderer();
        bars.setDrawXError(false);
        bars.setDrawYError(true);
        bars.setCapLength(7);
        bars.setErrorStroke(new BasicStroke(1.6f));
        bars.setDefaultLinesVisible(numeric);
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

        ValueAxis x;
        if (!numeric) {
            var axis = new SymbolAxis(parameter, categories.toArray(new String[0]));
            axis.setRange(-0.6, Math.max(0.6, categories.size() - 0.4));
            axis.setGridBandsVisible(false);
            x = axis;
        } else if (log) {
            x = ChartStyle.logAxis(parameter + " (log scale)");
        } else {
            var axis = new NumberAxis(parameter);
            axis.setAutoRangeIncludesZero(false);
            axis.setAutoRangeMinimumSize(Math.max(Math.abs(max) * 0.2, 1e-9));
            axis.setLowerMargin(0.08);
            axis.setUpperMargin(0.08);
            x = axis;
        }
        NumberAxis y = new NumberAxis("test top-1 on " + dataset + " (%)");
        AccuracyScale scale = AccuracyScale.of(onAxis.stream().mapToDouble(Double::doubleValue).toArray(),
                noiseCount == 0 ? Double.NaN : noise / noiseCount);
        y.setRange(scale.lower(), scale.upper());
        var plot = new XYPlot(means, x, y, bars);
        plot.setDataset(1, dots);
        plot.setRenderer(1, dotRenderer);
        String title = name + ": test top-1 on " + dataset + " vs " + parameter;
        var chart = new JFreeChart(title, ChartStyle.TITLE, plot, groups.size() > 1);
        ChartStyle.apply(chart, seedsText(done));
        var verdict = new TextTitle(summary.ranking().verdict(), ChartStyle.SUBTITLE);
        verdict.setPosition(RectangleEdge.BOTTOM);
        verdict.setPaint(summary.ranking().hasClearBest() ? new Color(0x1B5E20) : Color.DARK_GRAY);
        chart.addSubtitle(verdict);
        int without = summary.configurations().size() - done.size();
        return new ReportChart("sweep-" + RunCharts.slug(name) + "-" + RunCharts.slug(parameter), title, chart,
                String.format(Locale.ROOT, "%d configurations of sweep %s with completed runs%s. %s", done.size(),
                        name, without == 0 ? "" : "; " + without + " without any left out", LEGEND));
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

    private static String seedsText(List<ConfigurationStats> done) {
        int least = done.stream().mapToInt(ConfigurationStats::n).min().orElse(0);
        int most = done.stream().mapToInt(ConfigurationStats::n).max().orElse(0);
        String n = least == most ? "n = " + least : "n = " + least + " to " + most;
        return n + (most == 1 ? " run per configuration: error bars are test-set intervals only"
                : " seeds per configuration; error bars: 95% CI of the mean, dots: single seeds");
    }

    /** Spreads the seeds of one configuration a little sideways so that equal accuracies stay visible. */
    private static double jitter(double x, double offset, boolean numeric, boolean log, double min, double max) {
        if (!numeric) {
            return x + offset * 2 * CATEGORY_JITTER;
        }
        if (log) {
            return x * Math.pow(max / min, offset * 0.012);
        }
        double span = max > min ? max - min : Math.max(Math.abs(max), 1);
        return x + offset * 0.025 * span;
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
