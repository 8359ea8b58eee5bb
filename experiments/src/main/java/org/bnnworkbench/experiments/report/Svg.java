package org.bnnworkbench.experiments.report;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.function.Consumer;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.StandardEntityCollection;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * SVG from Java2D drawings with Apache Batik's {@code SVGGraphics2D} (Apache-2.0). A chart's points carry their
 * tooltips as SVG {@code <title>} elements over transparent hit areas, which browsers show on hover. The text is
 * written as text (selectable, small), in the sans-serif font of the viewer.
 */
public final class Svg {

    public static final String NAMESPACE = "http://www.w3.org/2000/svg";

    private Svg() {
    }

    /** The chart drawn at {@code width x height}, with a {@code <title>} over every point that has a tooltip. */
    public static String chart(JFreeChart chart, int width, int height) {
        var info = new ChartRenderingInfo(new StandardEntityCollection());
        return draw(width, height, g -> chart.draw(g, new Rectangle2D.Double(0, 0, width, height), info), (doc, root) -> {
            Element tips = doc.createElementNS(NAMESPACE, "g");
            tips.setAttribute("class", "tooltips");
            tips.setAttribute("style", "stroke:none"); // Batik's root style strokes everything black by default
            for (Object o : info.getEntityCollection().getEntities()) {
                ChartEntity e = (ChartEntity) o;
                String tip = e.getToolTipText();
                if (tip == null || tip.isBlank() || !(e instanceof org.jfree.chart.entity.XYItemEntity
                        || e instanceof org.jfree.chart.entity.CategoryItemEntity)) {
                    continue;
                }
                Element area = doc.createElementNS(NAMESPACE, "path");
                area.setAttribute("d", path(e.getArea()));
                area.setAttribute("fill", "#000000");
                area.setAttribute("fill-opacity", "0");
                Element title = doc.createElementNS(NAMESPACE, "title");
                title.setTextContent(tip);
                area.appendChild(title);
                tips.appendChild(area);
            }
            root.appendChild(tips);
        });
    }

    public static String diagram(NetworkDiagram diagram) {
        Dimension size = diagram.size();
        return draw(size.width, size.height, diagram::draw, (doc, root) -> { });
    }

    /** Whatever {@code painter} draws on a {@code width x height} canvas, as one {@code <svg>} element. */
    public static String draw(int width, int height, Consumer<Graphics2D> painter,
                              java.util.function.BiConsumer<Document, Element> addition) {
        Document doc;
        try {
            doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().getDOMImplementation()
                    .createDocument(NAMESPACE, "svg", null);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("every Java has a DOM", e);
        }
        SVGGeneratorContext context = SVGGeneratorContext.createDefault(doc);
        context.setComment(null);
        context.setPrecision(3);
        context.setEmbeddedFontsOn(false);
        var g = new SVGGraphics2D(context, false);
        g.setSVGCanvasSize(new Dimension(width, height));
        painter.accept(g);
        Element root = doc.getDocumentElement();
        g.getRoot(root);
        root.setAttribute("viewBox", "0 0 " + width + " " + height);
        root.setAttribute("width", Integer.toString(width));
        root.setAttribute("height", Integer.toString(height));
        addition.accept(doc, root);
        var text = new StringWriter();
        try {
            g.stream(root, text, true, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            g.dispose();
        }
        // Batik starts with an XML declaration and a DOCTYPE naming the SVG 1.0 DTD on the web: neither has a place
        // inside an HTML page, and the DTD would send an XML parser online
        return text.toString().replaceFirst("^\\s*<\\?xml[^>]*\\?>\\s*", "").replaceFirst("^<!DOCTYPE[^>]*>\\s*", "")
                .replaceAll("\n\\s*(/?>)", "$1"); // Batik breaks lines inside tags: only bytes
    }

    /** An AWT shape as SVG path data. */
    static String path(Shape shape) {
        var d = new StringBuilder();
        double[] c = new double[6];
        for (PathIterator it = shape.getPathIterator(null); !it.isDone(); it.next()) {
            switch (it.currentSegment(c)) {
                case PathIterator.SEG_MOVETO -> d.append(String.format(Locale.ROOT, "M%.1f %.1f", c[0], c[1]));
                case PathIterator.SEG_LINETO -> d.append(String.format(Locale.ROOT, "L%.1f %.1f", c[0], c[1]));
                case PathIterator.SEG_QUADTO -> d.append(String.format(Locale.ROOT, "Q%.1f %.1f %.1f %.1f", c[0], c[1],
                        c[2], c[3]));
                case PathIterator.SEG_CUBICTO -> d.append(String.format(Locale.ROOT, "C%.1f %.1f %.1f %.1f %.1f %.1f",
                        c[0], c[1], c[2], c[3], c[4], c[5]));
                case PathIterator.SEG_CLOSE -> d.append('Z');
                default -> throw new IllegalStateException("unknown path segment");
            }
        }
        return d.toString();
    }
}
