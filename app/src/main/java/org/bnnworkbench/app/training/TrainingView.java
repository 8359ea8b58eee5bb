package org.bnnworkbench.app.training;

import static org.bnnworkbench.app.controls.ActionButtons.button;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import org.bnnworkbench.app.ExperimentDialogs;
import org.bnnworkbench.app.parameters.ParameterEditor;
import org.bnnworkbench.app.parameters.ParameterItem;
import org.bnnworkbench.app.training.TrainingModel.State;
import org.bnnworkbench.engine.data.CatalogEntry;
import org.bnnworkbench.engine.data.DatasetCatalog;
import org.bnnworkbench.experiments.run.RunSettings;
import org.bnnworkbench.experiments.run.TrainingParameter;
import org.bnnworkbench.experiments.run.TrainingParameters;

/**
 * The Training tab: on the left the data set, every hyperparameter (a form made from {@link TrainingParameters}, the
 * declarations {@code bnn train} uses) and the buttons; on the right the status, the progress, the accuracy gap to
 * the twin, and the live charts.
 */
public final class TrainingView extends BorderPane {

    /** A data set the user can pick: a known name (found on this machine or not) or a folder. */
    record DatasetChoice(String name, String label) {
    }

    private static final List<String> TRAINING = List.of("epochs", "batch", "lr", "schedule", "optimizer",
            "momentum", "weightDecay");
    private static final List<String> BINARY = List.of("estimator", "clip", "scaling", "padValue");

    private final TrainingModel model;
    private final TrainingCharts charts = new TrainingCharts();
    private final ComboBox<DatasetChoice> dataset = new ComboBox<>();
    private final Supplier<ExperimentDialogs> dialogs;

    public TrainingView(TrainingModel model, Supplier<ExperimentDialogs> dialogs) {
        this.model = model;
        this.dialogs = dialogs;
        setId("training-view");
        getStyleClass().add("training-view");
        model.addDisplay(charts);
        setLeft(form());
        setCenter(results());
    }

    public TrainingModel model() {
        return model;
    }

    /** The number of points a chart's series has, e.g. ("chart-accuracy", "binary test"); for tests. */
    public int points(String chartId, String seriesKey) {
        return charts.points(chartId, seriesKey);
    }

    /** The rows of the confusion matrix shown; for tests. */
    public int confusionRows() {
        return charts.confusion().rows();
    }

    // ---- the form --------------------------------------------------------------------------------------

    private Node form() {
        var designHeading = heading("Design and data set");
        var fit = new Label();
        fit.setId("training-fit");
        fit.setWrapText(true);
        fit.getStyleClass().add("pane-note");
        fit.setMinHeight(Region.USE_PREF_SIZE);
        fit.textProperty().bind(model.fitMessageProperty());
        fit.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("refused"), false);
        model.fitProperty().addListener((obs, old, f) -> fit.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("refused"), f != null && !f.fits()));

        dataset.setId("training-dataset");
        dataset.setMaxWidth(Double.MAX_VALUE);
        dataset.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(DatasetChoice item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.label());
            }
        });
        dataset.setButtonCell(dataset.getCellFactory().call(null));
        var standard = new DatasetChoice(RunSettings.DEFAULT_DATASET, RunSettings.DEFAULT_DATASET + " (embedded)");
        dataset.getItems().add(standard);
        dataset.setValue(standard);
        dataset.valueProperty().addListener((obs, old, choice) -> {
            if (choice != null) {
                model.form().datasetProperty().set(choice.name());
            }
        });
        dataset.setTooltip(new Tooltip("The data set to train on: the embedded Fashion-MNIST subset, one the "
                + "catalogue found (~/.bnn-workbench/datasets, /usr/share/datasets, $BNN_DATASETS), or a folder"));
        listDatasets();
        var folder = new Button("Folder\u2026");
        folder.setId("training-dataset-folder");
        folder.setTooltip(new Tooltip("Train on a folder of IDX files (MNIST layout) or CIFAR-10 binary batches"));
        folder.setOnAction(e -> chooseFolder());
        folder.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(dataset, Priority.ALWAYS);
        var datasetRow = new HBox(6, dataset, folder);

        var sheet = parameterSheet();
        var scroll = new ScrollPane(sheet);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("training-parameters-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);

        var parallel = new CheckBox("Train the twin beside the binary run");
        parallel.setId("training-twin-parallel");
        parallel.setTooltip(new Tooltip("With \u201cTrain twin too\u201d: both at once (each slower) instead of"
                + " the twin after the binary run"));
        parallel.selectedProperty().bindBidirectional(model.form().twinInParallelProperty());

        var form = new VBox(6, designHeading, fit, datasetRow, heading("Hyperparameters"), scroll, parallel,
                buttons());
        form.setId("training-form");
        form.getStyleClass().add("training-form");
        form.setPadding(new Insets(8));
        form.setPrefWidth(340);
        form.setMinWidth(300);
        form.setMaxWidth(380);
        sheet.disableProperty().bind(model.stateProperty().isNotEqualTo(State.IDLE));
        dataset.disableProperty().bind(model.stateProperty().isNotEqualTo(State.IDLE));
        folder.disableProperty().bind(model.stateProperty().isNotEqualTo(State.IDLE));
        return form;
    }

    /**
     * Every hyperparameter in the order the declarations give, under three headings: a label (the name, with the
     * description as tooltip) and the property sheet's editor, which shows a refused value's reason under it.
     */
    private GridPane parameterSheet() {
        var sheet = new GridPane();
        sheet.setId("training-parameters");
        sheet.getStyleClass().add("training-parameters");
        sheet.setHgap(8);
        sheet.setVgap(4);
        var names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        var editors = new ColumnConstraints();
        editors.setHgrow(Priority.ALWAYS);
        editors.setFillWidth(true);
        sheet.getColumnConstraints().addAll(names, editors);
        int row = 0;
        String section = null;
        for (TrainingParameter p : TrainingParameters.all()) {
            String category = TRAINING.contains(p.name()) ? "Training"
                    : BINARY.contains(p.name()) ? "Binary layers" : "Data and seed";
            if (!category.equals(section)) {
                section = category;
                var heading = new Label(category);
                heading.getStyleClass().add("form-section");
                sheet.add(heading, 0, row++, 2, 1);
            }
            var item = new ParameterItem(category, p.declaration(), model.form().text(p.name()),
                    text -> model.form().set(p.name(), text));
            var editor = new ParameterEditor(item, "train-");
            var name = new Label(p.name());
            name.setTooltip(new Tooltip(item.getDescription() + "; bnn train --" + p.option()));
            name.getStyleClass().add("form-name");
            GridPane.setValignment(name, javafx.geometry.VPos.TOP);
            name.setPadding(new Insets(4, 0, 0, 8));
            sheet.add(name, 0, row);
            sheet.add(editor.getEditor(), 1, row++);
        }
        return sheet;
    }

    private Node buttons() {
        BooleanBinding cannotStart = Bindings.createBooleanBinding(() -> model.state().busy()
                        || model.fitProperty().get() == null || !model.fitProperty().get().fits(),
                model.stateProperty(), model.fitProperty());
        var start = button("Start", "training-start", "Train the design open in the Designer with these settings",
                () -> model.start(false));
        start.disableProperty().bind(cannotStart);
        start.setDefaultButton(false);
        var twin = button("Train twin too", "training-twin", "Train the design and its full-precision twin (every "
                + "binary convolution 32-bit, every sign a ReLU) with the same settings, and show the gap",
                () -> model.start(true));
        twin.disableProperty().bind(Bindings.createBooleanBinding(() -> cannotStart.get()
                || model.fitProperty().get().isFullPrecision(), cannotStart, model.fitProperty()));
        var pause = button("Pause", "training-pause", "Pause after the current batch; press again to resume",
                () -> {
                    if (model.state() == State.PAUSED) {
                        model.resume();
                    } else {
                        model.pause();
                    }
                });
        pause.textProperty().bind(Bindings.when(model.stateProperty().isEqualTo(State.PAUSED)).then("Resume")
                .otherwise("Pause"));
        pause.disableProperty().bind(model.stateProperty().isNotEqualTo(State.TRAINING)
                .and(model.stateProperty().isNotEqualTo(State.PAUSED)));
        var cancel = button("Cancel", "training-cancel", "Stop after the current batch; the run is kept as "
                + "cancelled and can be resumed from the Runs tab", model::cancel);
        cancel.disableProperty().bind(model.stateProperty().isEqualTo(State.IDLE)
                .or(model.stateProperty().isEqualTo(State.STOPPING)));
        var row1 = new HBox(6, start, twin);
        var row2 = new HBox(6, pause, cancel);
        for (Button b : List.of(start, twin, pause, cancel)) {
            b.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(b, Priority.ALWAYS);
        }
        return new VBox(6, row1, row2);
    }


    private static Label heading(String text) {
        var l = new Label(text);
        l.getStyleClass().add("pane-heading");
        return l;
    }

    /** Adds the catalogue's data sets once it has looked at the disk (off the FX thread). */
    private void listDatasets() {
        var task = new Task<List<CatalogEntry>>() {
            @Override
            protected List<CatalogEntry> call() {
                return new DatasetCatalog().list();
            }
        };
        task.setOnSucceeded(e -> {
            for (CatalogEntry entry : task.getValue()) {
                if (entry.name().equals(RunSettings.DEFAULT_DATASET)) {
                    continue;
                }
                dataset.getItems().add(new DatasetChoice(entry.name(), entry.name() + (entry.found()
                        ? " (" + entry.location() + ")" : " (not on this machine)")));
            }
        });
        Thread t = new Thread(task, "training-datasets");
        t.setDaemon(true);
        t.start();
    }

    private void chooseFolder() {
        dialogs.get().chooseFolder("Data set folder", Path.of(System.getProperty("user.home")))
                .ifPresent(folder -> {
                    var choice = new DatasetChoice(folder.toString(), "folder " + folder);
                    if (!dataset.getItems().contains(choice)) {
                        dataset.getItems().add(choice);
                    }
                    dataset.setValue(choice);
                });
    }

    // ---- status and charts -----------------------------------------------------------------------------

    private Node results() {
        var status = new Label();
        status.setId("training-status");
        status.getStyleClass().add("training-status");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(model.statusProperty());
        var progress = new ProgressBar();
        progress.setId("training-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(model.progressProperty());
        var eta = new Label();
        eta.setId("training-eta");
        eta.getStyleClass().add("training-eta");
        eta.textProperty().bind(model.etaProperty());
        eta.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        var progressRow = new HBox(8, progress, eta);
        progressRow.setAlignment(Pos.CENTER_LEFT);
        var gap = new Label();
        gap.setId("training-gap");
        gap.getStyleClass().add("training-gap");
        gap.textProperty().bind(model.gapProperty());
        gap.visibleProperty().bind(model.gapProperty().isNotEmpty());
        gap.managedProperty().bind(gap.visibleProperty());
        gap.setTooltip(new Tooltip("Test top-1 of the full-precision twin minus that of the binary network, at the "
                + "last epoch both have finished: what binarisation costs this design"));
        var header = new VBox(4, status, progressRow, gap);
        header.setPadding(new Insets(8, 8, 4, 8));

        var grid = new GridPane();
        grid.setId("training-charts");
        grid.setHgap(6);
        grid.setVgap(6);
        grid.setPadding(new Insets(0, 8, 8, 8));
        for (int c = 0; c < 3; c++) {
            var column = new ColumnConstraints();
            column.setPercentWidth(100.0 / 3);
            column.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(column);
        }
        for (int r = 0; r < 2; r++) {
            var row = new RowConstraints();
            row.setPercentHeight(50);
            row.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(row);
        }
        grid.add(charts.loss(), 0, 0);
        grid.add(charts.accuracy(), 1, 0);
        grid.add(charts.confusion(), 2, 0);
        grid.add(charts.batches(), 0, 1);
        grid.add(charts.speed(), 1, 1);
        grid.add(charts.diagnostics(), 2, 1);
        var center = new BorderPane(grid);
        center.setTop(header);
        return center;
    }
}
