package org.bnnworkbench.app.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.bnnworkbench.experiments.report.ReportChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * One chart of the Compare tab: the chart (zoom with the mouse wheel, tooltips on hover), its caption, and buttons
 * that export it as PNG or as SVG (Apache Batik; JFreeChart's own SVG export needs JFreeSVG, which is GPL).
 */
final class ChartCard extends VBox {

    static final int EXPORT_WIDTH = ReportChart.EXPORT_WIDTH;
    static final int EXPORT_HEIGHT = ReportChart.EXPORT_HEIGHT;

    ChartCard(ReportChart chart, Supplier<CompareDialogs> dialogs, Path folder) {
        super(4);
        getStyleClass().add("chart-card");
        setId("chart-" + chart.id());
        var viewer = new ChartViewer(chart.chart());
        viewer.setPrefHeight(460);
        viewer.setMinHeight(320);
        var caption = new Label(chart.caption());
        caption.setWrapText(true);
        caption.getStyleClass().add("chart-caption");
        var png = new Button("Export PNG\u2026");
        png.setId("export-png-" + chart.id());
        png.setOnAction(e -> export(chart, dialogs.get(), folder, "png"));
        var svg = new Button("Export SVG\u2026");
        svg.setId("export-svg-" + chart.id());
        svg.setOnAction(e -> export(chart, dialogs.get(), folder, "svg"));
        var buttons = new HBox(6, png, svg);
        getChildren().addAll(viewer, caption, buttons);
        setPadding(new Insets(6, 0, 14, 0));
    }

    private static void export(ReportChart chart, CompareDialogs dialogs, Path folder, String extension) {
        dialogs.saveFile(folder, chart.id() + "." + extension, List.of(extension)).ifPresent(file -> {
            try {
                write(chart, file, extension);
            } catch (IOException | RuntimeException ex) {
                dialogs.error("Export failed", file + ": " + ex.getMessage());
            }
        });
    }

    /** Writes the chart as PNG or SVG, by the file's extension (see {@link ReportChart#write}). */
    static void write(ReportChart chart, Path file, String extension) throws IOException {
        chart.write(file);
    }
}
