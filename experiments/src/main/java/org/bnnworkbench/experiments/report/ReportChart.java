package org.bnnworkbench.experiments.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.bnnworkbench.experiments.run.AtomicFile;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

/**
 * One chart of a report: a JFreeChart (drawn as SVG into the HTML, as vectors into the PDF, on a ChartViewer in the
 * app) and a caption that says what is plotted, on which data set, and what the marks mean.
 *
 * @param id file name stem when the chart is exported, e.g. {@code published-size}
 */
public record ReportChart(String id, String title, JFreeChart chart, String caption) {

    /** The size charts are exported at, in pixels. */
    public static final int EXPORT_WIDTH = 1200;
    public static final int EXPORT_HEIGHT = 780;

    /**
     * Writes the chart at {@value #EXPORT_WIDTH}x{@value #EXPORT_HEIGHT} as SVG (Apache Batik) when the file ends in
     * {@code .svg}, else as PNG; atomically. The app's Export PNG/SVG buttons and {@code bnn report --chart-images}
     * both write through here.
     */
    public void write(Path file) throws IOException {
        byte[] bytes;
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg")) {
            bytes = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + Svg.chart(chart, EXPORT_WIDTH, EXPORT_HEIGHT))
                    .getBytes(StandardCharsets.UTF_8);
        } else {
            var png = new ByteArrayOutputStream();
            ChartUtils.writeChartAsPNG(png, chart, EXPORT_WIDTH, EXPORT_HEIGHT);
            bytes = png.toByteArray();
        }
        AtomicFile.write(file, bytes);
    }
}
