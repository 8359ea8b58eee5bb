package org.bnnworkbench.app.sweeps;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The swept parameters of the Sweeps tab's form: per row the parameter (a list of what the base architecture can
 * sweep, or typed), grid / random range / random choice, the values, log for a range, and a button that removes
 * the row.
 */
final class SweepAxesEditor extends VBox {

    private final SweepForm form;
    private final Runnable changed;

    /** @param changed called after any edit, so that the form is checked again */
    SweepAxesEditor(SweepForm form, Runnable changed) {
        super(4);
        this.form = form;
        this.changed = changed;
        setId("sweep-axes");
    }

    /** One row per swept parameter, made anew when the rows or the base architecture change. */
    void rebuild() {
        getChildren().clear();
        List<String> sweepable = form.sweepable();
        for (int i = 0; i < form.axes().size(); i++) {
            SweepForm.Axis axis = form.axes().get(i);
            var parameter = new ComboBox<String>();
            parameter.setId("sweep-param-" + i);
            parameter.setEditable(true);
            parameter.getItems().setAll(sweepable);
            parameter.setValue(axis.parameterProperty().get());
            parameter.setPrefWidth(110);
            parameter.valueProperty().addListener((obs, o, n) -> {
                axis.parameterProperty().set(n == null ? "" : n);
                changed.run();
            });
            parameter.setTooltip(new Tooltip("A training parameter, arch, fullPrecision or a parameter of the "
                    + "base architecture"));
            var kind = new ComboBox<SweepForm.Kind>();
            kind.setId("sweep-kind-" + i);
            kind.getItems().setAll(SweepForm.Kind.values());
            kind.setValue(axis.kindProperty().get());
            kind.setPrefWidth(90);
            var values = new TextField(axis.valuesProperty().get());
            values.setId("sweep-values-" + i);
            values.setPromptText("1.0, 1.3");
            values.setTooltip(new Tooltip("grid and random choice: values separated by commas (lists such as blocks"
                    + " separated by ;); random range: min..max"));
            values.textProperty().addListener((obs, o, n) -> {
                axis.valuesProperty().set(n);
                changed.run();
            });
            HBox.setHgrow(values, Priority.ALWAYS);
            var log = new CheckBox("log");
            log.setId("sweep-log-" + i);
            log.setSelected(axis.logProperty().get());
            log.selectedProperty().addListener((obs, o, n) -> {
                axis.logProperty().set(n);
                changed.run();
            });
            log.visibleProperty().bind(kind.valueProperty().isEqualTo(SweepForm.Kind.RANGE));
            log.managedProperty().bind(log.visibleProperty());
            kind.valueProperty().addListener((obs, o, n) -> {
                axis.kindProperty().set(n);
                changed.run();
            });
            var remove = new Button("\u2212");
            remove.setId("sweep-remove-" + i);
            remove.setTooltip(new Tooltip("Do not sweep this parameter"));
            remove.setOnAction(e -> form.axes().remove(axis));
            var row = new HBox(4, parameter, kind, values, log, remove);
            row.setAlignment(Pos.CENTER_LEFT);
            getChildren().add(row);
        }
        changed.run();
    }
}
