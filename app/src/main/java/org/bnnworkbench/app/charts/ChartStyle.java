package org.bnnworkbench.app.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Stroke;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYDataset;

/**
 * The look every chart of the app shares: small fonts that fit a 1280x800 window, light grid, legend below, and one
 * colour per kind of run (binary blue, full-precision twin orange), dashed lines for training and solid for test
 * values. Series are styled by their keys, so a chart can add and remove series freely and call {@link #restyle}.
 */
public final class ChartStyle {

    public static final Color BINARY = new Color(0x1f, 0x6f, 0xd1);
    public static final Color TWIN = new Color(0xe0, 0x7b, 0x00);
    public static final Color BEST = new Color(0xd3, 0x3c, 0x2e);
    public static final Color GRID = new Color(0xdd, 0xe2, 0xea);
    private static final Color[] OTHERS = {
        new Color(0x1f, 0x6f, 0xd1), new Color(0xe0, 0x7b, 0x00), new Color(0x2c, 0xa0, 0x2c),
        new Color(0x94, 0x67, 0xbd), new Color(0x8c, 0x56, 0x4b), new Color(0xd6, 0x27, 0x28),
        new Color(0x17, 0xbe, 0xcf), new Color(0x7f, 0x7f, 0x7f), new Color(0xbc, 0xbd, 0x22)};
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    private static final Stroke SOLID = new BasicStroke(1.8f);
    private static final Stroke DASHED = new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {5f, 3f}, 0f);

    private ChartStyle() {
    }

    /** A line chart of an XY dataset, styled; {@code shapes} marks each point (for per-epoch values). */
    public static JFreeChart lines(String title, String xLabel, String yLabel, XYDataset data, boolean shapes) {
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL,
                true, true, false);
        XYPlot plot = chart.getXYPlot();
        var renderer = new XYLineAndShapeRenderer(true, shapes);
        plot.setRenderer(renderer);
        style(chart);
        restyle(plot);
        return chart;
    }

    /** Fonts, background, grid and legend. */
    public static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(TITLE);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(TICKS);
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        if (chart.getPlot() instanceof XYPlot plot) {
            plot.setBackgroundPaint(Color.WHITE);
            plot.setDomainGridlinePaint(GRID);
            plot.setRangeGridlinePaint(GRID);
            plot.setOutlineVisible(false);
            for (int i = 0; i < plot.getRangeAxisCount(); i++) {
                axis((NumberAxis) plot.getRangeAxis(i));
            }
            axis((NumberAxis) plot.getDomainAxis());
        }
    }

    private static void axis(NumberAxis axis) {
        if (axis == null) {
            return;
        }
        axis.setLabelFont(LABEL);
        axis.setTickLabelFont(TICKS);
        axis.setAutoRangeIncludesZero(false);
    }

    /** Whole numbers on the axis only (epochs). */
    public static void integerTicks(NumberAxis axis) {
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    }

    /** An axis of percentages: 0 to 100 while there is no data yet, then fitted to the data. */
    public static void percent(NumberAxis axis) {
        axis.setDefaultAutoRange(new org.jfree.data.Range(0, 100));
        axis.setAutoRangeMinimumSize(2); // one point, or runs within a hair of each other: still a readable scale
    }

    /** Colours and strokes of every series by its key: "twin" orange, else blue; "train" dashed. */
    public static void restyle(XYPlot plot) {
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            XYDataset data = plot.getDataset(d);
            if (data == null || !(plot.getRenderer(d) instanceof XYLineAndShapeRenderer renderer)) {
                continue;
            }
            for (int s = 0; s < data.getSeriesCount(); s++) {
                String key = String.valueOf(data.getSeriesKey(s));
                renderer.setSeriesPaint(s, key.contains("twin") ? TWIN : BINARY);
                renderer.setSeriesStroke(s, key.contains("train") ? DASHED : SOLID);
                renderer.setSeriesShape(s, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
            }
        }
    }

    /** One colour per series in turn, for charts of many runs. */
    public static Paint nth(int i) {
        return OTHERS[Math.floorMod(i, OTHERS.length)];
    }

    /** A viewer for the FX scene graph, small enough for a grid of charts. */
    public static ChartViewer viewer(JFreeChart chart, String id) {
        var viewer = new ChartViewer(chart);
        viewer.setId(id);
        viewer.setMinSize(160, 140);
        viewer.setPrefSize(320, 260);
        return viewer;
    }
}
