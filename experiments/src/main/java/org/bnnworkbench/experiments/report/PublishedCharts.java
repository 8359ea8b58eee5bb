package org.bnnworkbench.experiments.report;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The comparison with the published tables: ImageNet top-1 against model size or OPs (log x), one colour and shape per
 * family, the Pareto front as a dashed line with its points named, the 32-bit ResNet baselines as horizontal lines
 * (the accuracy a binary network gives up), and the user's designs at ImageNet scale as vertical lines: their cost is
 * known, their ImageNet accuracy is not. Every point's tooltip names the model, its numbers and its citation.
 */
public final class PublishedCharts {

    private PublishedCharts() {
    }

    /** The families of these points in a fixed order, so that a family keeps its colour from chart to chart. */
    public static List<String> families(List<PublishedPoint> points) {
        return List.copyOf(new TreeSet<>(points.stream().map(PublishedPoint::family).toList()));
    }

    public static ReportChart accuracyVs(CostAxis axis, List<PublishedPoint> points, List<ReportDesign> designs) {
        List<String> allFamilies = families(PublishedPoint.all());
        List<PublishedPoint> shown = points.stream().filter(p -> axis.of(p).isPresent()).toList();

        var byFamily = new LinkedHashMap<String, List<PublishedPoint>>();
        for (String family : families(shown)) {
            byFamily.put(family, shown.stream().filter(p -> p.family().equals(family)).toList());
        }
        var data = new XYSeriesCollection();
        var items = new ArrayList<List<PublishedPoint>>();
        for (Map.Entry<String, List<PublishedPoint>> f : byFamily.entrySet()) {
            var series = new XYSeries(f.getKey(), false, true);
            f.getValue().forEach(p -> series.add(axis.of(p).getAsDouble(), p.top1()));
            data.addSeries(series);
            items.add(f.getValue());
        }
        List<PublishedPoint> frontInOrder = ParetoFront.of(shown, p -> axis.of(p).getAsDouble(), PublishedPoint::top1);
        var dots = new XYLineAndShapeRenderer(false, true) {
            private static final long serialVersionUID = 1L;

            /** Front labels alternate right and left along the front, the first one right, so neighbours do not overprint. */
            @Override
            public ItemLabelPosition getPositiveItemLabelPosition(int series, int item) {
                int place = frontInOrder.indexOf(items.get(series).get(item));
                return place % 2 == 1
                        ? new ItemLabelPosition(ItemLabelAnchor.OUTSIDE9, TextAnchor.CENTER_RIGHT)
                        : new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT);
            }
        };
        int s = 0;
        for (String family : byFamily.keySet()) {
            int colour = allFamilies.indexOf(family);
            dots.setSeriesPaint(s, ChartStyle.color(colour));
            dots.setSeriesShape(s, ChartStyle.shape(colour));
            s++;
        }
        dots.setDrawOutlines(false); // the filled shape alone: half the SVG
        dots.setDefaultToolTipGenerator((dataset, series, item) -> items.get(series).get(item).tooltip());
        Set<PublishedPoint> named = named(frontInOrder, axis);
        dots.setDefaultItemLabelGenerator((dataset, series, item) -> {
            PublishedPoint p = items.get(series).get(item);
            return named.contains(p) ? p.shortName() : null;
        });
        dots.setDefaultItemLabelsVisible(true);
        dots.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));

        var frontData = new XYSeriesCollection();
        var frontSeries = new XYSeries("Pareto front", false, true);
        frontInOrder.forEach(p -> frontSeries.add(axis.of(p).getAsDouble(), p.top1()));
        frontData.addSeries(frontSeries);
        var frontLine = new XYLineAndShapeRenderer(true, false);
        frontLine.setSeriesPaint(0, Color.DARK_GRAY);
        frontLine.setSeriesStroke(0, ChartStyle.DASHED);

        var x = ChartStyle.logAxis(axis.label());
        var y = ChartStyle.accuracyAxis("ImageNet top-1 accuracy, as published (%)");
        var plot = new XYPlot(frontData, x, y, frontLine);
        plot.setDataset(1, data);
        plot.setRenderer(1, dots);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
        addBaselines(plot, shown);
        addDesigns(plot, axis, designs);
        fitRange(x, shown, axis, designs);

        String title = "ImageNet top-1 vs " + axis.noun() + ": published results";
        var chart = new JFreeChart(title, ChartStyle.TITLE, plot, true);
        ChartStyle.apply(chart, "accuracy axis: ImageNet (ILSVRC-2012) top-1 as published; your designs have no"
                + " ImageNet accuracy and show as vertical lines at their 224x224x3 cost");
        String caption = String.format(Locale.ROOT, "%d published ImageNet results with %s, one colour and shape per"
                        + " family; the dashed line joins the Pareto front (no other result is both at most as %s and at"
                        + " least as accurate), whose points are named. %s%s In the HTML report and the app, a point's"
                        + " tooltip gives its model, numbers and citation; the published table lists every point.", shown.size(), axis.noun(),
                axis == CostAxis.SIZE ? "small" : "cheap", axis == CostAxis.SIZE ? "Sizes are in MiB; the 32-bit"
                        + " baselines, printed in decimal MB, are converted. " : "OPs as printed (x 10^8). ",
                designs.isEmpty() ? ""
                        : "Vertical lines: your designs at ImageNet scale (224x224x3, 1000 classes), costed as the tables"
                        + " count; their ImageNet accuracy is unknown (not trained on ImageNet), so they have no height.");
        return new ReportChart("published-" + axis.id(), title, chart, caption);
    }

    /**
     * The front points that get their name printed: not a point whose neighbour on the front has the same short name
     * within 10% in cost (the same network from two sources), which would print the name twice on top of itself.
     */
    static Set<PublishedPoint> named(List<PublishedPoint> front, CostAxis axis) {
        var named = new java.util.LinkedHashSet<PublishedPoint>();
        PublishedPoint last = null;
        for (PublishedPoint p : front) {
            boolean twin = last != null && last.shortName().equals(p.shortName())
                    && axis.of(p).getAsDouble() < 1.1 * axis.of(last).getAsDouble();
            if (!twin) {
                named.add(p);
                last = p;
            }
        }
        return named;
    }

    /** The 32-bit ResNet-18 and -34 of the seed tables as horizontal lines: the gap to full precision. */
    private static void addBaselines(XYPlot plot, List<PublishedPoint> shown) {
        Set<Double> drawn = new HashSet<>();
        for (PublishedPoint p : shown) {
            if (p.row().fullPrecision() && p.family().equals("ResNet (32-bit)") && p.row().depthGroup() > 0
                    && drawn.add(p.top1())) {
                var line = new ValueMarker(p.top1(), Color.GRAY, ChartStyle.DASHED);
                line.setLabel(String.format(Locale.ROOT, "32-bit ResNet-%d: %.1f%%", p.row().depthGroup(), p.top1()));
                line.setLabelFont(ChartStyle.LABEL);
                line.setLabelPaint(Color.DARK_GRAY);
                line.setLabelAnchor(RectangleAnchor.TOP_LEFT);
                line.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
                line.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(3, 10, 3, 3));
                plot.addRangeMarker(line, Layer.BACKGROUND);
            }
        }
    }

    private static void addDesigns(XYPlot plot, CostAxis axis, List<ReportDesign> designs) {
        int i = 0;
        for (ReportDesign d : designs) {
            if (d.imagenet() == null) {
                continue;
            }
            var line = new ValueMarker(axis.of(d.imagenet()), ChartStyle.DESIGN, ChartStyle.DASHED);
            line.setLabel(d.name() + ": " + String.format(Locale.ROOT, axis == CostAxis.SIZE ? "%.2f MiB" : "%.2fe8 OPs",
                    axis.of(d.imagenet())) + ", accuracy unknown");
            line.setLabelFont(ChartStyle.LABEL);
            line.setLabelPaint(ChartStyle.DESIGN);
            // at the foot of the plot, where few results are, stepped up for each further design
            line.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
            line.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            line.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(4, 4, 4 + 16 * i, 4));
            plot.addDomainMarker(line, Layer.FOREGROUND);
            i++;
        }
    }

    /** The x range covers the points and the designs' lines, with a margin on the log scale. */
    private static void fitRange(org.jfree.chart.axis.LogAxis x, List<PublishedPoint> shown, CostAxis axis,
                                 List<ReportDesign> designs) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (PublishedPoint p : shown) {
            min = Math.min(min, axis.of(p).getAsDouble());
            max = Math.max(max, axis.of(p).getAsDouble());
        }
        for (ReportDesign d : designs) {
            if (d.imagenet() != null && axis.of(d.imagenet()) > 0) {
                min = Math.min(min, axis.of(d.imagenet()));
                max = Math.max(max, axis.of(d.imagenet()));
            }
        }
        if (max > 0) {
            x.setRange(min / 1.5, max * 1.5);
        }
    }
}
