package org.bnnworkbench.app.sweeps;

import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import org.bnnworkbench.experiments.stats.ConfigurationStats;
import org.bnnworkbench.experiments.stats.SampleSummary;
import org.bnnworkbench.experiments.sweep.ResultsCsv;
import org.bnnworkbench.experiments.sweep.SweepSummary;

/**
 * A sweep's runs by configuration (a combination of swept values, over its seeds): the values, the completed runs
 * n, their mean test top-1, its 95 % confidence interval (Student t over the seeds), the seed-to-seed standard
 * deviation, and the runs' mean test-set standard error; the configuration that is clearly best, if one is, starred.
 * The numbers are those of {@code bnn sweep}'s table and {@code summary.csv}.
 */
final class ConfigurationTable extends TableView<ConfigurationTable.Row> {

    /** A configuration and whether it is the clearly best one. */
    record Row(ConfigurationStats stats, boolean best) {
    }

    private List<String> parameters = List.of();

    ConfigurationTable() {
        setId("sweep-configurations");
        setMinHeight(100); // the header and three rows, while the progress view takes its room
        setFixedCellSize(24);
        setPlaceholder(new Label("Each configuration's mean over its seeds appears here as runs end."));
        setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Row row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove("best-run");
                if (!empty && row != null && row.best()) {
                    getStyleClass().add("best-run");
                }
            }
        });
        columns();
    }

    void show(SweepSummary summary) {
        if (!summary.parameters().equals(parameters)) {
            parameters = summary.parameters();
            columns();
        }
        getItems().setAll(summary.configurations().stream()
                .map(c -> new Row(c, summary.ranking().best() == c)).toList());
    }

    private void columns() {
        getColumns().clear();
        for (String name : parameters) {
            getColumns().add(ResultsTable.<Row>column(name, r -> ResultsCsv.value(r.stats().values().get(name)),
                    75));
        }
        if (parameters.isEmpty()) {
            getColumns().add(ResultsTable.<Row>column("configuration", r -> r.stats().label(), 110));
        }
        var n = ResultsTable.<Row>column("n", r -> r.stats().n() + (r.stats().notCompleted() > 0
                ? " (+" + r.stats().notCompleted() + " not completed)" : ""), 45);
        tip(n, "Completed runs (seeds) of the configuration; runs that diverged or failed are counted apart and left "
                + "out of the mean");
        var mean = ResultsTable.<Row>column("mean top-1", r -> summary(r) == null ? "\u2013"
                : String.format(Locale.ROOT, "%.2f%%", 100 * summary(r).mean()), 95);
        var interval = ResultsTable.<Row>column("95% CI", r -> summary(r) == null || !summary(r).hasInterval()
                ? "\u2013" : String.format(Locale.ROOT, "%.2f to %.2f%%", 100 * summary(r).interval().low(),
                100 * summary(r).interval().high()), 120);
        tip(interval, "95% confidence interval of the mean, Student t over the seeds (n - 1 degrees of freedom); "
                + "none for a single run, whose spread over seeds is unknown");
        var sd = ResultsTable.<Row>column("sd", r -> summary(r) == null || !summary(r).hasInterval() ? "\u2013"
                : String.format(Locale.ROOT, "%.2f", 100 * summary(r).sd()), 50);
        tip(sd, "Standard deviation of test top-1 over the seeds, in points");
        var error = ResultsTable.<Row>column("test-set SE", r -> r.stats().meanTestSetError().isPresent()
                ? String.format(Locale.ROOT, "\u00b1 %.2f", 100 * r.stats().meanTestSetError().getAsDouble())
                : "\u2013", 80);
        tip(error, "The runs' mean binomial test-set standard error, sqrt(p (1 - p) / n) for n test images, in "
                + "points: the noise of one measurement even with the seed fixed");
        var best = ResultsTable.<Row>column("best", r -> r.best() ? "\u2605 best" : "", 55);
        tip(best, "Starred only when the configuration's interval to every other excludes zero (paired or Welch t "
                + "over several seeds)");
        getColumns().addAll(List.of(n, mean, interval, sd, error, best));
    }

    /** The text of a cell, by the column's title; for tests. */
    String text(int row, String title) {
        for (var column : getColumns()) {
            String name = column.getGraphic() instanceof Label l ? l.getText() : column.getText();
            if (name.equals(title)) {
                return String.valueOf(column.getCellObservableValue(row).getValue());
            }
        }
        throw new IllegalArgumentException("no column " + title);
    }

    private static SampleSummary summary(Row r) {
        return r.stats().summary();
    }

    private static void tip(javafx.scene.control.TableColumn<Row, String> column, String text) {
        var header = new Label(column.getText());
        header.setTooltip(new Tooltip(text));
        header.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        column.setGraphic(header);
        column.setText("");
    }
}
