package org.bnnworkbench.app.sweeps;

import static org.bnnworkbench.app.controls.ActionButtons.fullButton;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.bnnworkbench.app.ExperimentDialogs;
import org.bnnworkbench.experiments.run.RunSettings;
import org.bnnworkbench.experiments.run.TrainingParameters;
import org.bnnworkbench.experiments.sweep.Sweep;
import org.bnnworkbench.experiments.sweep.SweepFile;
import org.bnnworkbench.experiments.sweep.SweepFileException;
import org.controlsfx.control.TaskProgressView;

/**
 * The Sweeps tab: on the left the sweep (its base settings from the Training tab or a sweep file, the swept
 * parameters, the random budget, the seeds per configuration, parallel runs, the output folder) with Open, Save, Run
 * and Cancel; on the right the points' progress (one cancellable task each, named with its seed), and as runs end the
 * configurations (mean and 95 % interval over their seeds), every run with its test-set error, the verdict on which
 * configuration is best (if any clearly is), test top-1 against a parameter with error bars, and a
 * parallel-coordinates plot.
 */
public final class SweepsView extends BorderPane {

    private static final javafx.css.PseudoClass INVALID = javafx.css.PseudoClass.getPseudoClass("invalid");
    private static final javafx.css.PseudoClass CLEAR_BEST = javafx.css.PseudoClass.getPseudoClass("clear-best");

    private final SweepForm form = new SweepForm();
    private final SweepModel model;
    private final Supplier<Optional<RunSettings>> trainingBase;
    private final Supplier<ExperimentDialogs> dialogs;
    private final Path sweepsFolder;
    private final SweepAxesEditor axesBox;
    private final TextField folder = new TextField();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final Label points = new Label();
    private final TextField repeats = new TextField();
    private final Label seeds = new Label();
    private final ResultsTable table;
    private final ConfigurationTable configurations = new ConfigurationTable();
    private final Label verdict = new Label();
    private final ParallelCoordinates parallelCoordinates = new ParallelCoordinates();
    private final IntervalChart accuracy = new IntervalChart();
    private final SimpleObjectProperty<Sweep> valid = new SimpleObjectProperty<>();
    private boolean followTraining = true;
    private boolean folderEdited;

    /**
     * @param trainingBase the Training tab's design and settings as a sweep's base, if the design fits its data set
     * @param sweepsFolder where sweeps run unless the user picks another folder
     */
    public SweepsView(SweepModel model, Supplier<Optional<RunSettings>> trainingBase,
                      Supplier<ExperimentDialogs> dialogs, Path sweepsFolder) {
        this.model = model;
        this.trainingBase = trainingBase;
        this.dialogs = dialogs;
        this.sweepsFolder = sweepsFolder;
        this.axesBox = new SweepAxesEditor(form, this::validate);
        this.table = new ResultsTable(model.results());
        setId("sweeps-view");
        setLeft(formPane());
        setCenter(resultsPane());
        form.nameProperty().addListener((obs, old, n) -> {
            if (!folderEdited) {
                folder.setText(sweepsFolder.resolve(n.strip().isEmpty() ? "sweep" : n.strip()).toString());
            }
        });
        folder.setText(sweepsFolder.resolve(form.nameProperty().get()).toString());
        folder.textProperty().addListener((obs, old, t) -> folderEdited = folderEdited
                || !t.equals(sweepsFolder.resolve(form.nameProperty().get().strip()).toString()));
        form.axes().addListener((ListChangeListener<SweepForm.Axis>) c -> axesBox.rebuild());
        axesBox.rebuild();
        validate();
    }

    public SweepForm form() {
        return form;
    }

    public SweepModel model() {
        return model;
    }

    public TableView<ResultRow> table() {
        return table;
    }

    /** The runs by configuration; for tests. */
    ConfigurationTable configurations() {
        return configurations;
    }

    /** The accuracy chart shown; for tests, which read its datasets. */
    public org.jfree.chart.JFreeChart accuracyChart() {
        return accuracy.chart();
    }

    /** Lines in the parallel-coordinates plot; for tests. */
    public int parallelLines() {
        return parallelCoordinates.lines();
    }

    /** The Training tab's settings changed: a base taken from there follows them. */
    public void trainingChanged() {
        if (followTraining && !model.isRunning()) {
            takeTrainingBase(false);
        }
    }

    // ---- the form --------------------------------------------------------------------------------------

    private Node formPane() {
        var name = new TextField();
        name.setId("sweep-name");
        name.textProperty().bindBidirectional(form.nameProperty());
        name.textProperty().addListener((obs, o, n) -> validate());

        var base = new Label();
        base.setId("sweep-base");
        base.setWrapText(true);
        base.getStyleClass().add("pane-note");
        base.setMinHeight(Region.USE_PREF_SIZE);
        base.textProperty().bind(Bindings.createStringBinding(() -> describe(form.baseProperty().get())
                + " (from " + form.baseOriginProperty().get() + ")", form.baseProperty(), form.baseOriginProperty()));
        form.baseProperty().addListener((obs, o, n) -> {
            validate();
            axesBox.rebuild();
        });
        var fromTraining = fullButton("Take from the Training tab", "sweep-base-from-training",
                "Use the design open in "
                + "the Designer, the Training tab's data set and hyperparameters as the base of every point",
                () -> takeTrainingBase(true));

        var add = fullButton("Add parameter", "sweep-add",
                "Sweep one more parameter (each grid combination is a point)",
                () -> form.axes().add(new SweepForm.Axis("lr", SweepForm.Kind.GRID, "0.001, 0.003", false)));

        var samples = small("sweep-samples", form.samplesProperty(), "Random points to draw (each combined with"
                + " every grid point)");
        var seconds = small("sweep-seconds", form.secondsProperty(), "Seconds after which no new point starts "
                + "(empty: no limit)");
        var seed = small("sweep-seed", form.randomSeedProperty(), "Seed of the random draws");
        var random = new GridPane();
        random.setHgap(6);
        random.setVgap(4);
        random.addRow(0, new Label("samples"), samples, new Label("seconds"), seconds);
        random.addRow(1, new Label("seed"), seed);

        repeats.setId("sweep-repeats");
        repeats.setPrefColumnCount(4);
        repeats.textProperty().bindBidirectional(form.repeatsProperty());
        repeats.textProperty().addListener((obs, o, n) -> validate());
        form.fileSeedsProperty().addListener((obs, o, n) -> validate());
        repeats.setTooltip(new Tooltip("Runs per configuration, 1 to 1000: every configuration is trained with the "
                + "seeds base seed, base seed + 1, base seed + 2, ... (the base seed is the Training tab's seed, or "
                + "the sweep file's). Two or more give each configuration a mean with a 95% confidence interval, "
                + "and let the sweep name a best configuration only when the seeds show it is best."));
        var repeatsRow = new HBox(6, new Label("Seeds per configuration"), repeats);
        repeatsRow.setAlignment(Pos.CENTER_LEFT);
        seeds.setId("sweep-seeds");
        seeds.getStyleClass().add("pane-note");
        seeds.setWrapText(true);
        seeds.setMinHeight(Region.USE_PREF_SIZE);

        var parallel = new Spinner<Integer>(1, 8, 1);
        parallel.setId("sweep-parallel");
        parallel.setPrefWidth(70);
        parallel.getValueFactory().valueProperty().addListener((obs, o, n) -> {
            form.parallelProperty().set(n);
            validate();
        });
        form.parallelProperty().addListener((obs, o, n) -> parallel.getValueFactory().setValue(n.intValue()));
        parallel.setTooltip(new Tooltip("Points that train at once; on 2 cores 1 is usually fastest"));
        var parallelRow = new HBox(6, new Label("Parallel runs"), parallel);
        parallelRow.setAlignment(Pos.CENTER_LEFT);

        folder.setId("sweep-folder");
        folder.setTooltip(new Tooltip("Where runs/, journal.jsonl and results.csv go; a folder that holds this sweep"
                + " already is resumed (points with results are not trained again)"));
        HBox.setHgrow(folder, Priority.ALWAYS);
        var chooseFolder = fullButton("Choose\u2026", "sweep-folder-choose", "Choose the output folder",
                () -> dialogs.get()
                .chooseFolder("Sweep output folder", Path.of(folder.getText())).ifPresent(p -> {
                    folderEdited = true;
                    folder.setText(p.toString());
                }));
        var folderRow = new HBox(6, folder, chooseFolder);

        points.setId("sweep-points");
        points.getStyleClass().add("pane-note");
        var problemLabel = new Label();
        problemLabel.setId("sweep-problem");
        problemLabel.getStyleClass().add("field-error");
        problemLabel.setWrapText(true);
        problemLabel.setMinHeight(Region.USE_PREF_SIZE);
        problemLabel.textProperty().bind(problem);
        problemLabel.managedProperty().bind(problem.isNotEmpty());
        problemLabel.visibleProperty().bind(problem.isNotEmpty());

        var open = fullButton("Open\u2026", "sweep-open", "Open a sweep file (the format of bnn sweep)", this::open);
        var save = fullButton("Save\u2026", "sweep-save", "Save this sweep as a sweep file for bnn sweep", this::save);
        save.disableProperty().bind(valid.isNull());
        var run = fullButton("Run", "sweep-run", "Train every point of the sweep in the output folder", this::run);
        run.disableProperty().bind(valid.isNull().or(model.runningProperty()));
        var cancel = fullButton("Cancel", "sweep-cancel", "Stop every running point after its current batch; run the "
                + "sweep again to go on", model::cancel);
        cancel.disableProperty().bind(model.runningProperty().not());
        open.disableProperty().bind(model.runningProperty());
        var fileButtons = new HBox(6, open, save);
        var runButtons = new HBox(6, run, cancel);
        for (Button b : List.of(open, save, run, cancel)) {
            b.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(b, Priority.ALWAYS);
        }

        for (var p : List.of(form.samplesProperty(), form.secondsProperty(), form.randomSeedProperty())) {
            p.addListener((obs, o, n) -> validate());
        }

        var content = new VBox(6, heading("Sweep"), labelled("Name", name), heading("Base settings"), base,
                fromTraining, heading("Swept parameters"), axesBox, add, heading("Random budget"),
                note("For random rows: samples to draw and an optional time limit."), random, heading("Repeats"),
                repeatsRow, seeds, parallelRow,
                heading("Output folder"), folderRow, points, problemLabel, fileButtons, runButtons);
        content.setPadding(new Insets(8));
        content.getStyleClass().add("sweep-form");
        var scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setPrefWidth(400);
        scroll.setMinWidth(340);
        scroll.setId("sweep-form");
        return scroll;
    }

    /** Reads the form as {@code bnn sweep} would read its file; the first problem is shown, Run waits for none. */
    private void validate() {
        try {
            Sweep sweep = form.sweep();
            valid.set(sweep);
            problem.set("");
            long n = sweep.size();
            points.setText(n + (n == 1 ? " point" : " points") + (sweep.repeats() > 1 ? ": " + sweep.configurations()
                    + (sweep.configurations() == 1 ? " configuration" : " configurations") + " \u00d7 "
                    + sweep.repeats() + " seeds" : "") + (form.parallelProperty().get() > 1
                    ? ", " + form.parallelProperty().get() + " at a time" : ""));
            seeds.setText(seedsText(sweep.trainingSeeds(), form.fileSeedsProperty().get() != null
                    && sweep.trainingSeeds().equals(form.fileSeedsProperty().get())));
            repeats.pseudoClassStateChanged(INVALID, false);
        } catch (IllegalArgumentException e) {
            valid.set(null);
            problem.set(e.getMessage());
            points.setText("");
            seeds.setText("");
            boolean seedsWrong = e instanceof SweepFileException f && f.getMessage() != null
                    && (f.getMessage().startsWith("repeats") || f.getMessage().startsWith("seeds"));
            repeats.pseudoClassStateChanged(INVALID, seedsWrong);
        }
    }

    /** E.g. {@code Seeds 42, 43, 44}, {@code Seeds 42, 43, ..., 141}; a file's own list so named. */
    static String seedsText(List<Long> seeds, boolean fromFile) {
        String list = seeds.size() <= 6 ? seeds.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b)
                .orElse("") : seeds.get(0) + ", " + seeds.get(1) + ", \u2026, " + seeds.get(seeds.size() - 1);
        return (fromFile ? "The sweep file's seeds: " : seeds.size() == 1 ? "Seed " : "Seeds ") + list
                + (fromFile ? " (a number other than " + seeds.size() + " above trains the base seed and the next ones"
                + " instead)" : seeds.size() == 1 ? " (the base seed): one run per configuration" : "");
    }

    private void takeTrainingBase(boolean asked) {
        Optional<RunSettings> base = trainingBase.get();
        if (base.isEmpty()) {
            if (asked) {
                problem.set("The design open in the Designer does not fit the Training tab's data set (see the "
                        + "Training tab), so it cannot be the base of a sweep.");
            }
            return;
        }
        followTraining = true;
        form.baseProperty().set(base.get());
        form.baseOriginProperty().set("the Training tab");
    }

    private void open() {
        dialogs.get().openFile("Open sweep file", sweepsFolder, "json").ifPresent(file -> {
            try {
                Sweep sweep = SweepFile.read(file);
                followTraining = false;
                form.load(sweep, file.getFileName().toString());
                validate();
            } catch (IOException | SweepFileException e) {
                dialogs.get().error("Cannot open the sweep file", file + ": " + e.getMessage());
            }
        });
    }

    private void save() {
        dialogs.get().saveFile("Save sweep file", sweepsFolder, form.nameProperty().get().strip() + ".json", "json")
                .ifPresent(file -> {
                    try {
                        Files.createDirectories(file.toAbsolutePath().getParent());
                        Files.writeString(file, form.toJson(), StandardCharsets.UTF_8);
                        model.say("Saved " + file + "; run it with: bnn sweep " + file + " --out DIR");
                    } catch (IOException | RuntimeException e) {
                        dialogs.get().error("Cannot save the sweep file", file + ": " + e.getMessage());
                    }
                });
    }

    private void run() {
        validate();
        Sweep sweep = valid.get();
        if (sweep == null) {
            return;
        }
        Path out = Path.of(folder.getText().strip());
        model.run(sweep, out, form.parallelProperty().get());
    }

    // ---- results --------------------------------------------------------------------------------------

    private Node resultsPane() {
        var status = new Label();
        status.setId("sweep-status");
        status.getStyleClass().add("sweep-summary");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(model.statusProperty());

        var tasks = new TaskProgressView<Task<?>>();
        tasks.setId("sweep-tasks");
        // the view removes a task itself when it ends; it only hears of new ones, and of those the sweep drops
        model.tasks().addListener((ListChangeListener<Task<?>>) c -> {
            while (c.next()) {
                tasks.getTasks().removeAll(c.getRemoved());
                tasks.getTasks().addAll(c.getAddedSubList());
            }
        });
        tasks.setPrefHeight(150);
        tasks.setMinHeight(90);
        // shown while there are points to follow; afterwards the results get the room
        tasks.visibleProperty().bind(Bindings.isNotEmpty(tasks.getTasks()));
        tasks.managedProperty().bind(tasks.visibleProperty());

        model.parametersProperty().addListener((obs, o, names) -> table.columns(names));
        model.results().addListener((ListChangeListener<ResultRow>) c -> parallelCoordinates.show(
                model.parametersProperty().get(), model.results()));
        model.parametersProperty().addListener((obs, o, n) -> parallelCoordinates.show(n, model.results()));
        model.analysisProperty().addListener((obs, o, a) -> showAnalysis(a));

        verdict.setId("sweep-verdict");
        verdict.getStyleClass().add("sweep-verdict");
        verdict.setWrapText(true);
        verdict.setMinHeight(Region.USE_PREF_SIZE);
        verdict.setTooltip(new Tooltip("A configuration is named best only when the 95% interval of its difference "
                + "to every other one lies above zero, over several seeds (paired t over common seeds, else Welch). "
                + "'No clear best at n = k' means that with k seeds each, the top two are within each other's noise: "
                + "add seeds to tell them apart, or take them as equal."));
        showAnalysis(model.analysisProperty().get());

        var charts = new SplitPane(accuracy, parallelCoordinates);
        charts.setId("sweep-charts");
        charts.setDividerPositions(0.55);
        var chartsPane = new VBox(4, verdict, charts);
        VBox.setVgrow(charts, Priority.ALWAYS);
        var split = new SplitPane(configurations, table, chartsPane);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.2, 0.42);
        var top = new VBox(6, status, tasks);
        var pane = new BorderPane(split);
        pane.setTop(top);
        pane.setPadding(new Insets(8));
        BorderPane.setMargin(split, new Insets(6, 0, 0, 0));
        return pane;
    }

    /** The configurations, the verdict and the chart of the latest analysis of the results. */
    private void showAnalysis(SweepAnalysis analysis) {
        configurations.show(analysis.summary());
        boolean any = analysis.summary().configurations().stream().anyMatch(c -> c.hasResults());
        verdict.setText(any ? capitalised(analysis.summary().ranking().verdict())
                : "The verdict on the configurations appears here as runs end.");
        verdict.pseudoClassStateChanged(CLEAR_BEST, analysis.summary().ranking().hasClearBest());
        accuracy.show(analysis);
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private static String describe(RunSettings s) {
        String arch = s.arch().endsWith(".json") ? Path.of(s.arch()).getFileName().toString() : s.arch();
        var c = s.config();
        return arch + (s.params().isEmpty() ? "" : " " + s.params()) + (s.fullPrecision() ? " (full precision)" : "")
                + " on " + s.dataset() + ": " + TrainingParameters.values(c).asText().entrySet().stream()
                .filter(e -> List.of("epochs", "batch", "lr", "optimizer", "estimator", "clip", "seed", "trainLimit",
                        "testLimit").contains(e.getKey()))
                .map(e -> e.getKey() + " " + e.getValue()).reduce((a, b) -> a + ", " + b).orElse("");
    }

    private static TextField small(String id, javafx.beans.property.StringProperty value, String tip) {
        var f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(6);
        f.textProperty().bindBidirectional(value);
        f.setTooltip(new Tooltip(tip));
        return f;
    }

    private static Node labelled(String text, Node field) {
        var row = new HBox(6, new Label(text), field);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(field, Priority.ALWAYS);
        return row;
    }

    private static Label heading(String text) {
        var l = new Label(text);
        l.getStyleClass().add("pane-heading");
        return l;
    }

    private static Label note(String text) {
        var l = new Label(text);
        l.getStyleClass().add("pane-note");
        l.setWrapText(true);
        return l;
    }
}
