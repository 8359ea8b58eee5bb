package org.bnnworkbench.app.sweeps;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import org.bnnworkbench.experiments.stats.TestSetError;
import org.bnnworkbench.experiments.sweep.ResultsCsv;

/**
 * A sweep's ended runs, one row each: id, the swept values, the seed, how it ended, test top-1 with its test-set
 * standard error, size, OPs and time; the runs of a clearly best configuration starred and highlighted.
 */
final class ResultsTable extends TableView<ResultRow> {

    ResultsTable(ObservableList<ResultRow> rows) {
        super(rows);
        setId("sweep-results");
        setPlaceholder(new Label("Results appear here as the sweep's runs end."));
        setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ResultRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove("best-run");
                if (!empty && row != null && row.best()) {
                    getStyleClass().add("best-run");
                }
            }
        });
        columns(List.of());
    }

    /** A column per swept parameter, between the id and the seed. */
    void columns(List<String> names) {
        getColumns().clear();
        getColumns().add(column("id", r -> r.id(), 120));
        for (String name : names) {
            getColumns().add(column(name, r -> ResultsCsv.value(r.point().get(name)), 75));
        }
        getColumns().add(column("seed", r -> Long.toString(r.entry().seed()), 55));
        getColumns().add(column("status", r -> r.status().id(), 80));
        getColumns().add(column("test top-1 \u00b1 SE", r -> TestSetError.describe(r.testTop1(),
                r.entry().testImages()), 120));
        getColumns().add(column("size", r -> r.entry().modelSizeBytes() == null ? "" : String.format(
                Locale.ROOT, "%,d B", r.entry().modelSizeBytes()), 85));
        getColumns().add(column("OPs", r -> r.entry().ops() == null ? "" : String.format(Locale.ROOT, "%.3g",
                r.entry().ops()), 80));
        getColumns().add(column("seconds", r -> String.format(Locale.ROOT, "%.0f", r.entry().wallSeconds()), 70));
        getColumns().add(column("best", r -> r.best() ? "\u2605 best" : "", 55));
    }

    static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width) {
        var c = new TableColumn<T, String>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }
}
