package org.bnnworkbench.experiments.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.bnnworkbench.engine.train.EpochMetrics;
import org.bnnworkbench.experiments.stats.AccuracyScale;
import org.bnnworkbench.experiments.stats.ConfigurationStats;
import org.bnnworkbench.experiments.stats.SampleSummary;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Training curves: test top-1 after each epoch, per configuration the mean over its seeds as a bold line and every
 * seed's own run as a thin, pale line of the same colour, so that a reader sees whether accuracy had levelled off
 * when training stopped and how far the seeds wander.
 */
public final class CurveCharts {

    /** The runs of one configuration, each run's history in epoch order. */
    record Curves(ConfigurationStats configuration, List<List<EpochMetrics>> runs) {

        Curves {
            runs = List.copyOf(runs);
        }
    }

    private CurveCharts() {
    }

    /**
     * Test top-1 after each epoch of every configuration's runs (meant for runs of two or more epochs).
     *
     * @param id    the chart's id
     * @param name  the study's or sweep's name, for the title
     */
    static ReportChart testTop1PerEpoch(String id, String name, String dataset, List<Curves> curves) {
        var means = new XYSeriesCollection();
        var seeds = new XYSeriesCollection();
        var onAxis = new ArrayList<Double>();
        var tips = new ArrayList<List<String>>();
        int maxEpoch = 1;
        double noise = 0;
        int noiseCount = 0;
        for (Curves c : curves) {
            var byEpoch = new TreeMap<Integer, List<Double>>();
            for (List<EpochMetrics> run : c.runs()) {
                var line = new XYSeries(c.configuration().label() + " seed " + seeds.getSeriesCount(), false, true);
                for (EpochMetrics m : run) {
                    line.add(m.epoch(), 100 * m.testTop1());
                    byEpoch.computeIfAbsent(m.epoch(), k -> new ArrayList<>()).add(m.testTop1());
                    onAxis.add(100 * m.testTop1());
                    maxEpoch = Math.max(maxEpoch, m.epoch());
                }
                seeds.addSeries(line);
            }
            var mean = new XYSeries(c.configuration().label(), false, true);
            var tip = new ArrayList<String>();
            byEpoch.forEach((epoch, values) -> {
                SampleSummary s = SampleSummary.of(values.stream().mapToDouble(Double::doubleValue).toArray());
                mean.add(epoch.doubleValue(), 100 * s.mean());
                tip.add(String.format(Locale.ROOT, "%s, epoch %d: mean test top-1 %.2f%% over %d run%s",
                        c.configuration().label(), epoch, 100 * s.mean(), s.n(), s.n() == 1 ? "" : "s"));
            });
            means.addSeries(mean);
            tips.add(tip);
            if (c.configuration().meanTestSetError().isPresent()) {
                noise += 100 * c.configuration().meanTestSetError().getAsDouble();
                noiseCount++;
            }
        }
        var meanRenderer = new XYLineAndShapeRenderer(true, true);
        var seedRenderer = new XYLineAndShapeRenderer(true, false);
        int seedSeries = 0;
        for (int i = 0; i < curves.size(); i++) {
            Color color = (Color) ChartStyle.color(i);
            meanRenderer.setSeriesPaint(i, color);
            meanRenderer.setSeriesStroke(i, new BasicStroke(2.2f));
            meanRenderer.setSeriesShape(i, ChartStyle.shape(i));
            Color pale = new Color(color.getRed(), color.getGreen(), color.getBlue(), 90);
            for (int r = 0; r < curves.get(i).runs().size(); r++, seedSeries++) {
                seedRenderer.setSeriesPaint(seedSeries, pale);
                seedRenderer.setSeriesStroke(seedSeries, new BasicStroke(0.8f));
                seedRenderer.setSeriesVisibleInLegend(seedSeries, false);
            }
        }
        meanRenderer.setDrawOutlines(false);
        meanRenderer.setDefaultToolTipGenerator((ds, s, i) -> tips.get(s).get(i));
        var x = new NumberAxis("epoch");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setRange(0.5, maxEpoch + 0.5);
        var y = new NumberAxis("test top-1 on " + dataset + " (%)");
        AccuracyScale scale = AccuracyScale.of(onAxis.stream().mapToDouble(Double::doubleValue).toArray(),
                noiseCount == 0 ? Double.NaN : noise / noiseCount);
        y.setRange(scale.lower(), scale.upper());
        var plot = new XYPlot(means, x, y, meanRenderer);
        plot.setDataset(1, seeds);
        plot.setRenderer(1, seedRenderer);
        String title = name + ": test top-1 after each epoch";
        var chart = new JFreeChart(title, ChartStyle.TITLE, plot, true);
        ChartStyle.apply(chart, "bold: mean over the seeds; thin: each seed's run");
        return new ReportChart(id, title, chart, String.format(Locale.ROOT, "Test top-1 on %s after each of the %d"
                + " epoch%s, per configuration: the mean over its seeds (bold, with marks) and each seed's run (thin"
                + " and pale, same colour). Where the bold lines are still rising at the last epoch, longer training"
                + " could change the comparison. The value axis spans at least %d test-set standard errors.",
                dataset, maxEpoch, maxEpoch == 1 ? "" : "s", (int) AccuracyScale.NOISE_SPANS));
    }
}
