package org.bnnworkbench.experiments.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bnnworkbench.engine.cost.LayerCost;
import org.bnnworkbench.engine.spec.Block;
import org.bnnworkbench.engine.spec.FeatureShape;
import org.bnnworkbench.engine.spec.NetworkSpec;
import org.bnnworkbench.engine.spec.ResolvedNetwork;

/**
 * A block diagram of a design drawn with Java2D (so the same drawing becomes SVG in the HTML and vectors in the PDF):
 * the blocks in execution order, top to bottom in columns of at most {@value #PER_COLUMN}, each with its kind, id,
 * output shape and cost; blocks that read more than the block before them name their inputs. Blue blocks hold binary
 * convolutions, grey ones only 32-bit operations.
 */
public final class NetworkDiagram {

    static final int PER_COLUMN = 16;
    private static final int BOX_W = 300;
    private static final int BOX_H = 34;
    private static final int GAP = 12;
    private static final int COLUMN_GAP = 40;
    private static final int MARGIN = 10;
    private static final Color BINARY = new Color(0xDC, 0xE8, 0xF5);
    private static final Color FULL = new Color(0xEE, 0xEE, 0xEE);
    private static final Color EDGE = new Color(0x55, 0x55, 0x55);
    private static final Font BOLD = new Font(Font.SANS_SERIF, Font.BOLD, 11);
    private static final Font PLAIN = new Font(Font.SANS_SERIF, Font.PLAIN, 10);

    /** One block as drawn. */
    record Box(String kind, String id, List<String> inputs, FeatureShape output, double bytes, double ops,
               boolean binary) {
    }

    private final List<Box> boxes;

    private NetworkDiagram(List<Box> boxes) {
        this.boxes = List.copyOf(boxes);
    }

    public static NetworkDiagram of(ReportDesign design) {
        NetworkSpec spec = design.spec();
        ResolvedNetwork resolved = spec.resolve();
        Map<String, double[]> perBlock = new LinkedHashMap<>();
        for (LayerCost l : design.cost().layers()) {
            double[] sum = perBlock.computeIfAbsent(l.block(), k -> new double[3]);
            sum[0] += l.sizeBytes();
            sum[1] += l.ops();
            sum[2] += l.bops();
        }
        var boxes = new ArrayList<Box>();
        for (Block b : resolved.order()) {
            double[] sum = perBlock.getOrDefault(b.id(), new double[3]);
            boxes.add(new Box(b.kind(), b.id(), b.inputs(), resolved.outputShape(b.id()), sum[0], sum[1], sum[2] > 0));
        }
        return new NetworkDiagram(boxes);
    }

    List<Box> boxes() {
        return boxes;
    }

    public Dimension size() {
        int columns = Math.max(1, (boxes.size() + PER_COLUMN - 1) / PER_COLUMN);
        int rows = Math.min(boxes.size(), PER_COLUMN);
        return new Dimension(2 * MARGIN + columns * BOX_W + (columns - 1) * COLUMN_GAP,
                2 * MARGIN + rows * BOX_H + Math.max(0, rows - 1) * GAP);
    }

    public void draw(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        Dimension size = size();
        g.fillRect(0, 0, size.width, size.height);
        for (int i = 0; i < boxes.size(); i++) {
            Box b = boxes.get(i);
            int x = MARGIN + (i / PER_COLUMN) * (BOX_W + COLUMN_GAP);
            int y = MARGIN + (i % PER_COLUMN) * (BOX_H + GAP);
            var shape = new RoundRectangle2D.Double(x, y, BOX_W, BOX_H, 8, 8);
            g.setColor(b.binary() ? BINARY : FULL);
            g.fill(shape);
            g.setColor(EDGE);
            g.setStroke(new BasicStroke(1f));
            g.draw(shape);
            g.setFont(BOLD);
            g.drawString(fit(g, b.kind() + "  " + b.id(), BOX_W - 12), x + 6, y + 14);
            g.setFont(PLAIN);
            g.drawString(fit(g, String.format(Locale.ROOT, "out %s   %s   %s OPs", b.output(), bytes(b.bytes()),
                    compact(b.ops())), BOX_W - 12), x + 6, y + 28);
            boolean follows = i > 0 && b.inputs().size() == 1 && b.inputs().get(0).equals(boxes.get(i - 1).id());
            if (!follows && !b.inputs().isEmpty()) {
                g.setFont(PLAIN);
                String from = "in: " + String.join(", ", b.inputs());
                from = fit(g, from, BOX_W / 2);
                int w = g.getFontMetrics().stringWidth(from);
                g.setColor(new Color(0x80, 0x30, 0x30));
                g.drawString(from, x + BOX_W - w - 6, y + 14);
            }
            if (i % PER_COLUMN != PER_COLUMN - 1 && i + 1 < boxes.size()) {
                arrow(g, x + BOX_W / 2.0, y + BOX_H, y + BOX_H + GAP);
            }
        }
    }

    private static void arrow(Graphics2D g, double x, double y0, double y1) {
        g.setColor(EDGE);
        g.draw(new Line2D.Double(x, y0, x, y1 - 1));
        var head = new Path2D.Double();
        head.moveTo(x - 3.5, y1 - 5);
        head.lineTo(x + 3.5, y1 - 5);
        head.lineTo(x, y1);
        head.closePath();
        g.fill(head);
    }

    private static String fit(Graphics2D g, String text, int width) {
        if (g.getFontMetrics().stringWidth(text) <= width) {
            return text;
        }
        String t = text;
        while (t.length() > 1 && g.getFontMetrics().stringWidth(t + "\u2026") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "\u2026";
    }

    static String bytes(double bytes) {
        if (bytes < 1024) {
            return String.format(Locale.ROOT, "%.0f B", bytes);
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024);
        }
        return String.format(Locale.ROOT, "%.2f MiB", bytes / (1024 * 1024));
    }

    static String compact(double value) {
        if (value < 1e3) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return String.format(Locale.ROOT, "%.2e", value);
    }
}
