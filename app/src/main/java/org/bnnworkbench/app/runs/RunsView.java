package org.bnnworkbench.app.runs;

import static org.bnnworkbench.app.controls.ActionButtons.fullButton;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.bnnworkbench.app.ExperimentDialogs;
import org.bnnworkbench.app.charts.ChartStyle;
import org.bnnworkbench.engine.train.EpochMetrics;
import org.bnnworkbench.experiments.export.ExportException;
import org.bnnworkbench.experiments.export.RunExport;
import org.bnnworkbench.experiments.run.RunRecord;
import org.bnnworkbench.experiments.run.RunStatus;
import org.bnnworkbench.experiments.stats.AccuracyScale;
import org.bnnworkbench.experiments.stats.TestSetError;
import org.bnnworkbench.experiments.store.RunQuery;
import org.bnnworkbench.experiments.store.RunSummary;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The Runs tab: every run of the store in a table, sortable by any column and filterable by any parameter or metric;
 * the curves of the selected runs overlaid in one chart; and the actions on runs: open the design a run trained,
 * resume an interrupted or cancelled run, export a run's trained network to a packed model file ({@link RunExport},
 * on a background task, with its check), delete runs (after asking).
 */
public final class RunsView extends BorderPane {

    /** The columns shown at first; the others are a click away in the table's column menu. */
    private static final Set<String> VISIBLE = Set.of("id", "status", "arch", "fullPrecision", "dataset", "epochs",
            "testTop1", "lr", "clip", "estimator", "scaling", "batch", "trainLimit", "wallSeconds", "startedAt");
    private static final List<String> METRICS = List.of("testTop1", "trainTop1", "testLoss", "trainLoss",
            "saturation", "flipRatio");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final RunsModel model;
    private final TableView<RunSummary> table = new TableView<>();
    private final XYSeriesCollection overlay = new XYSeriesCollection();
    private final ComboBox<String> metric = new ComboBox<>();
    private final JFreeChart chart;
    private final AtomicLong drawing = new AtomicLong();
    private final List<String> columnKeys = new ArrayList<>();
    private final SimpleBooleanProperty exporting = new SimpleBooleanProperty();
    private final ProgressBar exportProgress = new ProgressBar(0);
    private final Label exportStatus = new Label();
    private Path exportFolder = Path.of(System.getProperty("user.home"));

    /**
     * @param openDesign    opens a run's network in the Designer
     * @param resume        continues an interrupted or cancelled run in the Training tab
     * @param trainingIdle  whether nothing trains now (a run can be resumed only then)
     */
    public RunsView(RunsModel model, Supplier<ExperimentDialogs> dialogs, Consumer<RunRecord> openDesign,
                    Consumer<String> resume, ObservableBooleanValue trainingIdle) {
        this.model = model;
        setId("runs-view");

        var filter = new TextField();
        filter.setId("runs-filter");
        filter.setPromptText("filter, e.g.  status=completed  clip>=1  testTop1>0.8  bnn-small");
        filter.setTooltip(new Tooltip("Conditions key=value, key!=value, key<value, key<=value, key>value or "
                + "key>=value on any column (a hyperparameter, an architecture parameter or a metric), separated by "
                + "spaces; a plain word keeps runs whose id, architecture, data set or status contains it"));
        filter.textProperty().addListener((obs, old, text) -> model.setFilter(text));
        HBox.setHgrow(filter, Priority.ALWAYS);
        var filterProblem = new Label();
        filterProblem.setId("runs-filter-error");
        filterProblem.getStyleClass().add("field-error");
        filterProblem.textProperty().bind(model.filterProblemProperty());

        var refresh = fullButton("Refresh", "runs-refresh", "List the runs of the store again", model::refresh);
        var open = fullButton("Open design", "runs-open-design", "Open the network this run trained in the Designer",
                () -> selectedRecord().ifPresent(openDesign));
        var resumeButton = fullButton("Resume", "runs-resume",
                "Go on training an interrupted or cancelled run from its "
                + "last checkpoint, in the Training tab", () -> resume.accept(table.getSelectionModel()
                .getSelectedItem().id()));
        var delete = fullButton("Delete\u2026", "runs-delete", "Delete the selected runs' folders (record, checkpoint,"
                + " log)", () -> delete(dialogs.get()));
        var export = fullButton("Export packed model\u2026", "runs-export", "Write the selected run's trained "
                + "network to a packed binary model file (.bnnp), then check that the file predicts the run's test "
                + "images as the training engine does", () -> exportPacked(dialogs.get()));
        var selection = table.getSelectionModel().getSelectedItems();
        export.disableProperty().bind(Bindings.createBooleanBinding(() -> selection.size() != 1
                || selection.get(0) == null || selection.get(0).status() == RunStatus.RUNNING || exporting.get(),
                selection, exporting));
        open.disableProperty().bind(Bindings.size(selection).isNotEqualTo(1));
        resumeButton.disableProperty().bind(Bindings.createBooleanBinding(() -> selection.size() != 1
                || selection.get(0) == null || !selection.get(0).resumable() || !trainingIdle.get(),
                selection, trainingIdle));
        delete.disableProperty().bind(Bindings.createBooleanBinding(() -> selection.isEmpty() || selection.stream()
                .anyMatch(r -> r != null && r.status() == RunStatus.RUNNING), selection));

        var count = new Label();
        count.setId("runs-count");
        count.textProperty().bind(Bindings.createStringBinding(() -> model.shown().size() + " of "
                + model.all().size() + " runs", model.shown(), model.all()));
        count.setMinWidth(Region.USE_PREF_SIZE);
        var bar = new HBox(6, new Label("Filter"), filter, count, refresh, open, resumeButton, export, delete);
        bar.setAlignment(Pos.CENTER_LEFT);
        var message = new Label();
        message.setId("runs-message");
        message.getStyleClass().add("pane-note");
        message.textProperty().bind(model.messageProperty());
        exportProgress.setId("runs-export-progress");
        exportProgress.setPrefWidth(160);
        exportProgress.visibleProperty().bind(exporting);
        exportProgress.managedProperty().bind(exporting);
        exportStatus.setId("runs-export-status");
        exportStatus.getStyleClass().add("pane-note");
        exportStatus.setWrapText(true);
        var exportRow = new HBox(6, exportProgress, exportStatus);
        exportRow.setAlignment(Pos.CENTER_LEFT);
        var top = new VBox(4, bar, filterProblem, message, exportRow);
        top.setPadding(new Insets(8, 8, 4, 8));
        filterProblem.managedProperty().bind(filterProblem.textProperty().isNotEmpty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        exportRow.managedProperty().bind(exporting.or(exportStatus.textProperty().isNotEmpty()));

        table.setId("runs-table");
        table.setTableMenuButtonVisible(true);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("No runs yet: train one in the Training tab, or run a sweep."));
        var sorted = new SortedList<>(model.shown());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        model.all().addListener((ListChangeListener<RunSummary>) c -> columns());
        table.setRowFactory(t -> {
            var row = new TableRow<RunSummary>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    openDesign.accept(selectedRecord().orElse(null));
                }
            });
            return row;
        });
        selection.addListener((ListChangeListener<RunSummary>) c -> drawCurves());

        metric.setId("runs-metric");
        metric.getItems().setAll(METRICS);
        metric.setValue("testTop1");
        metric.valueProperty().addListener((obs, old, m) -> drawCurves());
        chart = ChartStyle.lines("Selected runs per epoch", "epoch", "testTop1", overlay, true);
        ChartStyle.integerTicks((NumberAxis) chart.getXYPlot().getDomainAxis());
        ChartViewer viewer = ChartStyle.viewer(chart, "runs-overlay");
        var chartBar = new HBox(6, new Label("Curves of the selected runs:"), metric);
        chartBar.setAlignment(Pos.CENTER_LEFT);
        var chartPane = new BorderPane(viewer);
        chartPane.setTop(chartBar);
        chartPane.setPadding(new Insets(4, 8, 8, 8));

        var split = new SplitPane(table, chartPane);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        setTop(top);
        setCenter(split);
    }

    public TableView<RunSummary> table() {
        return table;
    }

    /** The number of curves drawn; for tests. */
    public int curves() {
        return overlay.getSeriesCount();
    }

    /** The span of the curves' value axis; for tests. */
    public double curveAxisSpan() {
        return curveAxis().getLength();
    }

    /** The range of the curves' value axis; for tests. */
    public org.jfree.data.Range curveAxis() {
        return chart.getXYPlot().getRangeAxis().getRange();
    }


    private java.util.Optional<RunRecord> selectedRecord() {
        RunSummary run = table.getSelectionModel().getSelectedItem();
        if (run == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(model.store().record(run.id()));
        } catch (java.io.IOException | RuntimeException e) {
            model.say("Cannot read run " + run.id() + ": " + e.getMessage());
            return java.util.Optional.empty();
        }
    }

    /** Whether an export is running now; for tests. */
    public boolean isExporting() {
        return exporting.get();
    }

    /**
     * Asks where, then exports the selected run and checks the file on a background task; the progress, the result
     * and any error show below the buttons (an error in a dialog too).
     */
    private void exportPacked(ExperimentDialogs dialogs) {
        RunSummary run = table.getSelectionModel().getSelectedItem();
        if (run == null || exporting.get()) {
            return;
        }
        var chosen = dialogs.saveFile("Export packed model", exportFolder, run.id() + ".bnnp", "bnnp");
        if (chosen.isEmpty()) {
            return;
        }
        Path file = chosen.get();
        if (file.toAbsolutePath().getParent() != null) {
            exportFolder = file.toAbsolutePath().getParent();
        }
        Task<RunExport.Result> task = new Task<>() {
            @Override
            protected RunExport.Result call() throws ExportException {
                return RunExport.of(run.folder()).progress((fraction, text) -> {
                    updateProgress(fraction, 1);
                    updateMessage(text);
                }).writeTo(file);
            }
        };
        exporting.set(true);
        exportProgress.progressProperty().bind(task.progressProperty());
        exportStatus.textProperty().bind(task.messageProperty());
        task.setOnSucceeded(e -> exportDone(exported(run.id(), task.getValue())));
        task.setOnFailed(e -> {
            Throwable problem = task.getException();
            String why = problem instanceof ExportException && problem.getMessage() != null ? problem.getMessage()
                    : String.valueOf(problem);
            exportDone("Export of run " + run.id() + " failed: " + why);
            dialogs.error("Export failed", why);
        });
        Thread thread = new Thread(task, "run-export");
        thread.setDaemon(true);
        thread.start();
    }

    private void exportDone(String text) {
        exportProgress.progressProperty().unbind();
        exportStatus.textProperty().unbind();
        exportStatus.setText(text);
        exporting.set(false);
    }

    static String exported(String id, RunExport.Result r) {
        var text = new StringBuilder(String.format(Locale.ROOT, "Exported run %s to %s: %,d bytes (cost model %,d"
                + " bytes, ratio %.4f).", id, r.file(), r.fileBytes(), r.costModelBytes(), r.ratio()));
        RunExport.Check c = r.check();
        if (c != null) {
            text.append(String.format(Locale.ROOT, " Check on %,d test images: packed top-1 %.2f%%, training"
                    + " engine top-1 %.2f%%, %d predictions differ.", c.images(), 100 * c.packedTop1(),
                    100 * c.engineTop1(), c.differing()));
        }
        if (!r.binary()) {
            text.append(" A full-precision run: the file holds 32-bit weights only.");
        }
        return text.toString();
    }

    private void delete(ExperimentDialogs dialogs) {
        List<String> ids = table.getSelectionModel().getSelectedItems().stream().map(RunSummary::id).toList();
        String what = ids.size() == 1 ? "run " + ids.get(0) : ids.size() + " runs";
        if (dialogs.confirm("Delete " + what + "?", "This deletes the record, checkpoint and log of " + what
                + " from " + model.store().folder() + ". It cannot be undone.", "Delete")) {
            model.delete(ids);
        }
    }

    /** One column per key any run has, in the order of the first run that has it; built once per new key. */
    private void columns() {
        var keys = new LinkedHashSet<String>(RunSummary.FIELDS);
        for (RunSummary run : model.all()) {
            keys.addAll(run.values().keySet());
        }
        keys.removeAll(columnKeys);
        for (String key : keys) {
            columnKeys.add(key);
            var column = new TableColumn<RunSummary, Object>(key);
            column.setId("runs-column-" + key);
            column.setCellValueFactory(cell -> Bindings.createObjectBinding(() -> cell.getValue().value(key)));
            column.setComparator((a, b) -> a == null || b == null ? (a == null ? (b == null ? 0 : 1) : -1)
                    : RunQuery.compareValues(a, b));
            column.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
                @Override
                protected void updateItem(Object value, boolean empty) {
                    super.updateItem(value, empty);
                    setTooltip(null);
                    setText(empty || value == null ? null : key.equals("testTop1") ? accuracy(value)
                            : format(key, value));
                }

                /** With the test-set standard error of the run's test images, explained in the tooltip. */
                private String accuracy(Object value) {
                    RunSummary run = getIndex() >= 0 && getIndex() < getTableView().getItems().size()
                            ? getTableView().getItems().get(getIndex()) : null;
                    Integer images = run == null ? null : model.testImages(run.id());
                    setTooltip(images == null ? null : new Tooltip(String.format(Locale.ROOT, "\u00b1 the test-set "
                            + "standard error in points, sqrt(p (1 - p) / n) for n = %,d test images: the noise of "
                            + "the measurement alone, before any seed-to-seed variation", images)));
                    return TestSetError.describe(((Number) value).doubleValue(), images);
                }
            });
            if (key.equals("testTop1")) {
                column.setText("testTop1 \u00b1 SE");
                column.setPrefWidth(115);
            }
            column.setVisible(VISIBLE.contains(key) || !RunSummary.FIELDS.contains(key)
                    && !org.bnnworkbench.experiments.run.TrainingParameters.find(key).isPresent());
            if (key.equals("id")) {
                column.setPrefWidth(215);
            } else if (key.equals("status")) {
                column.setPrefWidth(90);
            }
            table.getColumns().add(column);
        }
    }

    static String format(String key, Object value) {
        return switch (key) {
            case "testTop1" -> String.format(Locale.ROOT, "%.2f%%", 100 * ((Number) value).doubleValue());
            case "wallSeconds" -> String.format(Locale.ROOT, "%.1f s", ((Number) value).doubleValue());
            case "modelSizeBytes", "parameters" -> String.format(Locale.ROOT, "%,d", ((Number) value).longValue());
            case "ops" -> String.format(Locale.ROOT, "%.3g", ((Number) value).doubleValue());
            case "startedAt", "finishedAt" -> WHEN.format(Instant.parse(value.toString()));
            default -> value instanceof Double || value instanceof Float
                    ? org.bnnworkbench.experiments.sweep.ResultsCsv.value(value) : value.toString();
        };
    }

    /** Reads the selected runs' records off the FX thread and draws one curve per run; the newest request wins. */
    private void drawCurves() {
        long n = drawing.incrementAndGet();
        List<String> ids = table.getSelectionModel().getSelectedItems().stream()
                .filter(java.util.Objects::nonNull).map(RunSummary::id).toList();
        String key = metric.getValue();
        model.records(ids).thenAccept(records -> javafx.application.Platform.runLater(() -> {
            if (n == drawing.get()) {
                draw(records, key);
            }
        }));
    }

    private void draw(Map<String, RunRecord> records, String key) {
        XYPlot plot = chart.getXYPlot();
        plot.setNotify(false);
        try {
            overlay.removeAllSeries();
            var renderer = (XYLineAndShapeRenderer) plot.getRenderer();
            int i = 0;
            for (var e : records.entrySet()) {
                var s = new XYSeries(e.getKey(), true, true);
                for (EpochMetrics m : e.getValue().history()) {
                    s.add(m.epoch(), value(m, key), false);
                }
                overlay.addSeries(s);
                renderer.setSeriesPaint(i, ChartStyle.nth(i));
                renderer.setSeriesStroke(i, new java.awt.BasicStroke(1.8f));
                i++;
            }
            var axis = (NumberAxis) plot.getRangeAxis();
            axis.setLabel(key.endsWith("Loss") ? key : key + " (%)");
            AccuracyScale scale = accuracyScale(records.values(), key);
            if (scale != null) {
                axis.setRange(scale.lower(), scale.upper());
            } else {
                // one epoch, or runs within a hair of each other: a readable scale, not one value repeated down it
                axis.setAutoRangeMinimumSize(key.endsWith("Loss") ? 0.05 : key.equals("flipRatio") ? 0.5 : 2);
                axis.setAutoRange(true);
            }
            chart.setTitle(records.isEmpty() ? "Select runs to compare their curves" : records.size() == 1
                    ? "Run " + records.keySet().iterator().next() + " per epoch" : records.size() + " runs per epoch");
            ChartStyle.style(chart);
        } finally {
            plot.setNotify(true);
        }
    }

    /**
     * For test and training top-1: an axis over every value drawn, never narrower than eight standard errors of the
     * runs' final accuracies on their test (or training) images, so that curves within the noise of each other are
     * not stretched apart; null for the other metrics.
     */
    static AccuracyScale accuracyScale(java.util.Collection<RunRecord> records, String key) {
        if (!key.equals("testTop1") && !key.equals("trainTop1")) {
            return null;
        }
        boolean test = key.equals("testTop1");
        var values = new ArrayList<Double>();
        double noise = 0;
        int noisy = 0;
        for (RunRecord r : records) {
            r.history().forEach(m -> values.add(value(m, key)));
            if (r.history().isEmpty() || r.dataset() == null) {
                continue;
            }
            double last = (test ? r.history().get(r.history().size() - 1).testTop1()
                    : r.history().get(r.history().size() - 1).trainTop1());
            int images = test ? r.dataset().testImages() : r.dataset().trainImages();
            if (images > 0 && last >= 0 && last <= 1) {
                noise += 100 * new TestSetError(last, images).standardError();
                noisy++;
            }
        }
        return AccuracyScale.of(values.stream().mapToDouble(Double::doubleValue).toArray(),
                noisy == 0 ? Double.NaN : noise / noisy);
    }

    private static double value(EpochMetrics m, String key) {
        return switch (key) {
            case "trainTop1" -> 100 * m.trainTop1();
            case "testLoss" -> m.testLoss();
            case "trainLoss" -> m.trainLoss();
            case "saturation" -> 100 * m.saturation();
            case "flipRatio" -> 100 * m.flipRatio();
            default -> 100 * m.testTop1();
        };
    }
}
