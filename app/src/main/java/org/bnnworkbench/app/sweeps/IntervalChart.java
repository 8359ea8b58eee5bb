package org.bnnworkbench.app.sweeps;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.bnnworkbench.app.charts.ChartStyle;
import org.bnnworkbench.experiments.report.IntervalCharts;
import org.bnnworkbench.experiments.report.ReportChart;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Test top-1 against one swept parameter (chosen in a list) as the reports draw it ({@link IntervalCharts}): per
 * configuration the mean with its 95 % interval as an error bar and every seed's run as a dot, on a value axis no
 * narrower than eight test-set standard errors. The charts are made with the sweep's {@link SweepAnalysis}, off the
 * FX thread; this pane only puts the chosen one on its viewer.
 */
final class IntervalChart extends BorderPane {

    private final ComboBox<String> parameter = new ComboBox<>();
    private final ChartViewer viewer;
    private SweepAnalysis analysis = SweepAnalysis.empty(List.of());

    IntervalChart() {
        setId("sweep-accuracy-chart");
        viewer = ChartStyle.viewer(placeholder(), "sweep-accuracy");
        parameter.setId("sweep-accuracy-parameter");
        parameter.valueProperty().addListener((obs, old, p) -> draw());
        var bar = new HBox(6, new Label("Test top-1 against"), parameter);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 0, 4, 0));
        setTop(bar);
        setCenter(viewer);
    }

    void show(SweepAnalysis next) {
        analysis = next;
        List<String> names = next.summary().parameters();
        if (!names.equals(parameter.getItems())) {
            String chosen = parameter.getValue();
            parameter.getItems().setAll(names);
            parameter.setValue(chosen != null && names.contains(chosen) ? chosen : names.isEmpty() ? null
                    : names.get(0));
        }
        draw();
    }

    /** The chart shown; for tests, which read its datasets. */
    JFreeChart chart() {
        return viewer.getChart();
    }

    private void draw() {
        ReportChart chart = parameter.getValue() == null ? null : analysis.charts().get(parameter.getValue());
        if (chart == null) {
            viewer.setChart(placeholder());
            return;
        }
        viewer.setChart(chart.chart());
    }

    private static JFreeChart placeholder() {
        return ChartStyle.lines("Test top-1 against a swept parameter appears as runs end", "", "test top-1 (%)",
                new XYSeriesCollection(), true);
    }
}
