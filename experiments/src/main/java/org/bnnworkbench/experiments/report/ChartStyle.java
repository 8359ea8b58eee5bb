package org.bnnworkbench.experiments.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.text.DecimalFormat;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;

/** The look shared by every chart of the reports and the Compare tab: white, light grid, one palette, plain fonts. */
final class ChartStyle {

    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    static final Font AXIS = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    static final Color DESIGN = new Color(0xC0, 0x1C, 0x28);
    static final BasicStroke DASHED = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {5f, 4f}, 0f);

    /** Colour-blind-friendly first (Tableau 10), then darker tones; by index, modulo the list. */
    private static final List<Color> PALETTE = List.of(new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759),
            new Color(0x76B7B2), new Color(0x59A14F), new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7),
            new Color(0x9C755F), new Color(0x79706E), new Color(0x1F3B73), new Color(0xA0522D), new Color(0x2E8B57),
            new Color(0x8B008B), new Color(0x009E73), new Color(0xD55E00), new Color(0x0072B2), new Color(0xCC79A7),
            new Color(0x556B2F), new Color(0x6A5ACD));
    private static final Shape[] SHAPES = DefaultDrawingSupplier.createStandardSeriesShapes();

    private ChartStyle() {
    }

    static Paint color(int index) {
        return PALETTE.get(Math.floorMod(index, PALETTE.size()));
    }

    static Shape shape(int index) {
        return SHAPES[Math.floorMod(index, SHAPES.length)];
    }

    /**
     * White background, light grid, the fonts above; a subtitle under the title when given. Set by hand rather than
     * with a chart theme, which would reset the series colours the charts choose.
     */
    static JFreeChart apply(JFreeChart chart, String subtitle) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.getTitle().setFont(TITLE);
        if (chart.getPlot() instanceof XYPlot xy) {
            xy.setBackgroundPaint(Color.WHITE);
            xy.setDomainGridlinePaint(GRID);
            xy.setRangeGridlinePaint(GRID);
            xy.setOutlinePaint(Color.GRAY);
            axes(xy.getDomainAxis(), xy.getRangeAxis());
        } else if (chart.getPlot() instanceof CategoryPlot cat) {
            cat.setBackgroundPaint(Color.WHITE);
            cat.setRangeGridlinePaint(GRID);
            cat.setOutlinePaint(Color.GRAY);
            axes(cat.getDomainAxis(), cat.getRangeAxis());
        }
        if (subtitle != null && !subtitle.isBlank()) {
            var sub = new TextTitle(subtitle, SUBTITLE);
            sub.setPosition(RectangleEdge.TOP);
            sub.setPaint(Color.DARK_GRAY);
            chart.addSubtitle(sub);
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(LABEL);
            chart.getLegend().setFrame(BlockBorder.NONE);
            chart.getLegend().setBackgroundPaint(Color.WHITE);
        }
        return chart;
    }

    private static void axes(Axis... axes) {
        for (Axis a : axes) {
            a.setLabelFont(AXIS);
            a.setTickLabelFont(LABEL);
            a.setLabelPaint(Color.DARK_GRAY);
            a.setTickLabelPaint(Color.DARK_GRAY);
            // room between the axis label and the tick labels: a browser's sans-serif may be wider than Java's
            a.setLabelInsets(new org.jfree.chart.ui.RectangleInsets(4, 4, 8, 4));
        }
    }

    /**
     * A log axis for sizes and OPs: labelled at the powers of ten (0.1, 1, 10, 100) with unlabelled minor ticks
     * between, as plain numbers.
     */
    static LogAxis logAxis(String label) {
        var axis = new LogAxis(label);
        axis.setBase(10);
        axis.setNumberFormatOverride(new DecimalFormat("0.###"));
        axis.setAutoTickUnitSelection(false);
        axis.setTickUnit(new NumberTickUnit(1.0));
        axis.setMinorTickCount(9);
        axis.setMinorTickMarksVisible(true);
        axis.setSmallestValue(1e-6);
        return axis;
    }

    /**
     * A percentage axis that does not zoom in below two points, for the published results (numbers as printed, with
     * no test-set size to tell their noise; the user's own runs use {@link
     * org.bnnworkbench.experiments.stats.AccuracyScale} instead).
     */
    static NumberAxis accuracyAxis(String label) {
        var y = new NumberAxis(label);
        y.setAutoRangeIncludesZero(false);
        y.setAutoRangeMinimumSize(2.0);
        y.setUpperMargin(0.1);
        return y;
    }

    /** A log axis when the values span more than a factor of ten, else a linear one; the label says which. */
    static ValueAxis costAxis(String label, double min, double max) {
        if (min > 0 && max / min > 10) {
            LogAxis axis = logAxis(label + ", log scale");
            axis.setRange(min / 1.6, max * 1.6);
            return axis;
        }
        var axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        axis.setAutoRangeMinimumSize(Math.max(Math.abs(max) * 0.2, 1e-9));
        return axis;
    }
}
