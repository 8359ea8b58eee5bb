package org.bnnworkbench.app.compare;

import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.bnnworkbench.experiments.report.Table;

/** The tables of the comparison, one at a time, with buttons that copy it as CSV or as Markdown. */
final class TablePane extends VBox {

    private final ComboBox<Table> choice = new ComboBox<>();
    private final TableView<List<String>> view = new TableView<>();
    private final Label caption = new Label();

    TablePane() {
        super(6);
        setPadding(new Insets(8));
        choice.setId("table-choice");
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Table t) {
                return t == null ? "" : t.id();
            }

            @Override
            public Table fromString(String s) {
                return null;
            }
        });
        choice.valueProperty().addListener((o, old, t) -> show(t));
        var csv = new Button("Copy as CSV");
        csv.setId("copy-csv");
        csv.setOnAction(e -> copy(choice.getValue() == null ? "" : choice.getValue().csv()));
        var markdown = new Button("Copy as Markdown");
        markdown.setId("copy-markdown");
        markdown.setOnAction(e -> copy(choice.getValue() == null ? "" : choice.getValue().markdown()));
        view.setId("table-view");
        caption.setWrapText(true);
        VBox.setVgrow(view, Priority.ALWAYS);
        getChildren().addAll(new HBox(6, new Label("Table:"), choice, csv, markdown), caption, view);
    }

    void setTables(List<Table> tables) {
        Table current = choice.getValue();
        choice.getItems().setAll(tables);
        choice.setValue(tables.stream().filter(t -> current != null && t.id().equals(current.id())).findFirst()
                .orElse(tables.isEmpty() ? null : tables.get(0)));
    }

    Table selected() {
        return choice.getValue();
    }

    private void show(Table full) {
        view.getColumns().clear();
        view.getItems().clear();
        if (full == null) {
            caption.setText("");
            return;
        }
        Table t = full.shown(); // the columns kept for the CSV file only (e.g. the two numbers of '89.10 ± 0.70') hidden
        caption.setText(t.caption());
        for (int i = 0; i < t.columns().size(); i++) {
            int index = i;
            var column = new TableColumn<List<String>, String>(t.columns().get(i));
            column.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().get(index)));
            if (t.numeric().get(i)) {
                column.setStyle("-fx-alignment: CENTER-RIGHT;");
            }
            view.getColumns().add(column);
        }
        view.getItems().setAll(t.rows());
    }

    private static void copy(String text) {
        Clipboard.getSystemClipboard().setContent(Map.of(DataFormat.PLAIN_TEXT, text));
    }
}
