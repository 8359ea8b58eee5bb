package org.bnnworkbench.experiments.report;

import org.jfree.chart.JFreeChart;

/**
 * One chart of a report: a JFreeChart (drawn as SVG into the HTML, as vectors into the PDF, on a ChartViewer in the
 * app) and a caption that says what is plotted, on which data set, and what the marks mean.
 *
 * @param id file name stem when the chart is exported, e.g. {@code published-size}
 */
public record ReportChart(String id, String title, JFreeChart chart, String caption) {
}
