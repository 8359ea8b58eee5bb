package org.bnnworkbench.app.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bnnworkbench.app.charts.ChartStyle;
import org.bnnworkbench.app.training.TrainingModel.Role;
import org.bnnworkbench.engine.train.EpochMetrics;
import org.bnnworkbench.experiments.run.RunRecord;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The live charts of a training: loss and top-1 accuracy per epoch, the smoothed loss per batch, the throughput,
 * and the BNN diagnostics per epoch (saturation beyond the clip threshold, weight flip ratio), each with the binary
 * run and its twin as separate series. Datasets change only on the FX thread, and every update is one batch per
 * chart ({@code setNotify(false)} ... {@code true}) so that a chart redraws once per update, not once per point.
 */
final class TrainingCharts implements TrainingModel.Display {

    private final XYSeriesCollection lossData = new XYSeriesCollection();
    private final XYSeriesCollection accuracyData = new XYSeriesCollection();
    private final XYSeriesCollection batchData = new XYSeriesCollection();
    private final XYSeriesCollection speedData = new XYSeriesCollection();
    private final XYSeriesCollection saturationData = new XYSeriesCollection();
    private final XYSeriesCollection flipData = new XYSeriesCollection();
    private final Map<String, XYSeries> series = new LinkedHashMap<>();
    private final java.util.Set<XYSeries> touched = new java.util.LinkedHashSet<>();
    private final List<JFreeChart> charts = new ArrayList<>();
    private final ChartViewer loss;
    private final ChartViewer accuracy;
    private final ChartViewer batches;
    private final ChartViewer speed;
    private final ChartViewer diagnostics;
    private final ConfusionMatrixView confusion = new ConfusionMatrixView();

    TrainingCharts() {
        loss = viewer("Loss per epoch", "epoch", "cross-entropy", lossData, true, "chart-loss");
        accuracy = viewer("Top-1 accuracy per epoch", "epoch", "top-1 (%)", accuracyData, true, "chart-accuracy");
        ChartStyle.percent((NumberAxis) accuracy.getChart().getXYPlot().getRangeAxis());
        batches = viewer("Loss per batch (smoothed)", "epoch", "cross-entropy", batchData, false, "chart-batch-loss");
        speed = viewer("Throughput", "epoch", "images/s", speedData, false, "chart-throughput");
        diagnostics = viewer("BNN diagnostics per epoch", "epoch", "saturation |x| > t (%)", saturationData, true,
                "chart-diagnostics");
        XYPlot plot = diagnostics.getChart().getXYPlot();
        ChartStyle.percent((NumberAxis) plot.getRangeAxis());
        var flipAxis = new NumberAxis("weight flips per step (%)");
        flipAxis.setDefaultAutoRange(new org.jfree.data.Range(0, 5));
        flipAxis.setAutoRangeMinimumSize(0.5); // one epoch: a readable scale instead of ticks a millionth apart
        plot.setRangeAxis(1, flipAxis);
        plot.setDataset(1, flipData);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, new XYLineAndShapeRenderer(true, true));
        ChartStyle.style(diagnostics.getChart());
        for (ChartViewer v : List.of(loss, accuracy, batches, diagnostics)) {
            ChartStyle.integerTicks((NumberAxis) v.getChart().getXYPlot().getDomainAxis());
        }
        reset(List.of(Role.BINARY));
    }

    private ChartViewer viewer(String title, String x, String y, XYSeriesCollection data, boolean shapes, String id) {
        JFreeChart chart = ChartStyle.lines(title, x, y, data, shapes);
        charts.add(chart);
        return ChartStyle.viewer(chart, id);
    }

    ChartViewer loss() {
        return loss;
    }

    ChartViewer accuracy() {
        return accuracy;
    }

    ChartViewer batches() {
        return batches;
    }

    ChartViewer speed() {
        return speed;
    }

    ChartViewer diagnostics() {
        return diagnostics;
    }

    ConfusionMatrixView confusion() {
        return confusion;
    }

    /** The number of points of a series, e.g. {@code binary test} of {@code chart-accuracy}; 0 if it has none. */
    int points(String chartId, String seriesKey) {
        XYSeries s = series.get(chartId + "/" + seriesKey);
        return s == null ? 0 : s.getItemCount();
    }

    @Override
    public void reset(List<Role> roles) {
        batch(() -> {
            series.clear();
            for (XYSeriesCollection c : List.of(lossData, accuracyData, batchData, speedData, saturationData,
                    flipData)) {
                c.removeAllSeries();
            }
            for (Role role : roles) {
                String who = key(role);
                add("chart-loss", lossData, who + " train");
                add("chart-loss", lossData, who + " test");
                add("chart-accuracy", accuracyData, who + " train");
                add("chart-accuracy", accuracyData, who + " test");
                add("chart-batch-loss", batchData, who);
                add("chart-throughput", speedData, who);
                if (role == Role.BINARY) {
                    add("chart-diagnostics", saturationData, "saturation");
                    add("chart-diagnostics", flipData, "flip ratio");
                }
            }
            for (JFreeChart c : charts) {
                ChartStyle.restyle(c.getXYPlot());
            }
            XYPlot d = diagnostics.getChart().getXYPlot();
            ((XYLineAndShapeRenderer) d.getRenderer(1)).setSeriesPaint(0, ChartStyle.TWIN.darker());
        });
        confusion.clear();
    }

    private void add(String chart, XYSeriesCollection data, String key) {
        var s = new XYSeries(key, true, true);
        series.put(chart + "/" + key, s);
        data.addSeries(s);
    }

    private static String key(Role role) {
        return role == Role.BINARY ? "binary" : "twin";
    }

    @Override
    public void update(Role role, RunProgress.Update update) {
        String who = key(role);
        batch(() -> {
            for (EpochMetrics m : update.epochs()) {
                put("chart-loss", who + " train", m.epoch(), m.trainLoss());
                put("chart-loss", who + " test", m.epoch(), m.testLoss());
                put("chart-accuracy", who + " train", m.epoch(), 100 * m.trainTop1());
                put("chart-accuracy", who + " test", m.epoch(), 100 * m.testTop1());
                if (role == Role.BINARY) {
                    put("chart-diagnostics", "saturation", m.epoch(), 100 * m.saturation());
                    put("chart-diagnostics", "flip ratio", m.epoch(), 100 * m.flipRatio());
                }
            }
            for (RunProgress.Point p : update.smoothedLoss()) {
                put("chart-batch-loss", who, p.x(), p.y());
            }
            var b = update.latestBatch();
            if (b != null) {
                put("chart-throughput", who, b.epoch() - 1 + (double) b.batch() / b.batches(), b.imagesPerSecond());
            }
        });
    }

    @Override
    public void finished(Role role, RunRecord record, List<String> classNames) {
        if (record.confusion() != null && record.confusion().length > 0) {
            confusion.show(key(role), record.confusion(), classNames);
        }
    }

    /** Adds a point without telling anyone yet; {@link #batch} tells each changed series once. */
    private void put(String chart, String key, double x, double y) {
        XYSeries s = series.get(chart + "/" + key);
        if (s != null && Double.isFinite(y)) {
            if (s.indexOf(x) >= 0) {
                s.update(x, y);
            } else {
                s.add(x, y, false);
            }
            touched.add(s);
        }
    }

    /** One redraw per chart for a whole update, however many points it brings. */
    private void batch(Runnable change) {
        charts.forEach(c -> c.getXYPlot().setNotify(false));
        try {
            change.run();
            touched.forEach(XYSeries::fireSeriesChanged);
        } finally {
            touched.clear();
            charts.forEach(c -> c.getXYPlot().setNotify(true));
        }
    }
}
