package org.bnnworkbench.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.bnnworkbench.app.compare.CompareDialogs;
import org.bnnworkbench.app.compare.CompareView;
import org.bnnworkbench.app.designer.DesignerActions;
import org.bnnworkbench.app.designer.DesignerModel;
import org.bnnworkbench.app.designer.DesignerView;
import org.bnnworkbench.app.designer.model.StageGroup;
import org.bnnworkbench.app.designer.model.Templates;
import org.bnnworkbench.app.diagnostics.FxLatencyProbe;
import org.bnnworkbench.app.start.StartView;
import org.bnnworkbench.app.runs.RunDesign;
import org.bnnworkbench.app.runs.RunsModel;
import org.bnnworkbench.app.runs.RunsView;
import org.bnnworkbench.app.sweeps.SweepModel;
import org.bnnworkbench.app.sweeps.SweepsView;
import org.bnnworkbench.app.training.DatasetCache;
import org.bnnworkbench.app.training.TrainingModel;
import org.bnnworkbench.app.training.TrainingView;
import org.bnnworkbench.experiments.run.RunRecord;
import org.bnnworkbench.experiments.store.RunStore;
import org.bnnworkbench.architectures.Architectures;
import org.controlsfx.control.StatusBar;

/**
 * The main window: menu bar, one tab per view (Designer, Start; Training, Sweeps and Compare get
 * theirs when they work), and a status bar with the design's totals and where it would sit among
 * the published networks. What it needs from outside (home folder, dialogs) comes in a
 * {@link Setup}, so tests can run a real window with answered dialogs.
 */
public final class MainWindow {

    public static final String TITLE = "BNN Workbench";
    private static final double WIDTH = 1280;
    private static final double HEIGHT = 800;

    private final Setup setup;
    private final BorderPane root = new BorderPane();
    private final ExecutorService analysisThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "design-analysis");
        t.setDaemon(true);
        return t;
    });
    /** Loads data sets and lists runs; training itself has threads of its own. */
    private final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "workbench-background");
        t.setDaemon(true);
        return t;
    });
    private final DesignerModel designer = new DesignerModel(analysisThread, Platform::runLater);
    private final DesignerView designerView = new DesignerView(designer);
    private final TrainingModel training;
    private final TrainingView trainingView;
    private final RunsModel runs;
    private final RunsView runsView;
    private final SweepsView sweepsView;
    private TabPane tabPane;
    private ExperimentDialogs experimentDialogs;
    private final FxLatencyProbe latency = new FxLatencyProbe(50);
    private final Label latencyLabel = new Label();
    private final Menu recentMenu = new Menu("Open Recent");
    private Timeline latencyTimer;
    private DesignerActions actions;
    private Stage stage;
    private CompareView compareView;

    public MainWindow(AppInfo info, Path logFile, Setup setup, Runnable quit) {
        this.setup = setup;
        training = new TrainingModel(designer.designProperty(), new RunStore(setup.runs()), setup.designs(),
                new DatasetCache(background), Platform::runLater);
        trainingView = new TrainingView(training, () -> experimentDialogs);
        runs = new RunsModel(training.store(), background, Platform::runLater);
        training.onRunsChanged(runs::refresh);
        runsView = new RunsView(runs, () -> experimentDialogs, this::openRunDesign, this::resumeRun,
                training.stateProperty().isEqualTo(TrainingModel.State.IDLE));
        sweepsView = new SweepsView(new SweepModel(training.datasets(), Platform::runLater), training::sweepBase,
                () -> experimentDialogs, setup.sweeps());
        training.fitProperty().addListener((obs, old, f) -> sweepsView.trainingChanged());
        training.form().valuesProperty().addListener((obs, old, v) -> sweepsView.trainingChanged());
        root.setTop(menuBar(info, logFile, quit));
        root.setCenter(tabs());
        root.setBottom(statusBar());
    }

    /** Puts the window on the stage (1280x800, or the screen if smaller), shows it and opens the first design. */
    public void showIn(Stage stage) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        var scene = new Scene(root, Math.min(WIDTH, screen.getWidth()), Math.min(HEIGHT, screen.getHeight()));
        scene.getStylesheets().add(MainWindow.class.getResource("workbench.css").toExternalForm());
        // a second key for Redo, as most editors have it; the Edit menu shows Shortcut+Shift+Z
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+Y"), designer::redo);
        stage.setScene(scene);
        stage.setMinWidth(800);
        stage.setMinHeight(500);
        stage.titleProperty().bind(Bindings.createStringBinding(() -> {
            Path file = designer.fileProperty().get();
            String name = file != null ? file.getFileName().toString() : designer.design().spec().name();
            return (designer.dirtyProperty().get() ? "\u2022 " : "") + name + " \u2013 " + TITLE;
        }, designer.fileProperty(), designer.dirtyProperty(), designer.designProperty()));
        stage.setOnCloseRequest(e -> {
            if (!confirmClose()) {
                e.consume();
            }
        });
        stage.show();
        attach(stage);
    }

    public Parent root() {
        return root;
    }

    public DesignerModel designer() {
        return designer;
    }

    public DesignerView designerView() {
        return designerView;
    }

    public DesignerActions actions() {
        return actions;
    }

    public TrainingView trainingView() {
        return trainingView;
    }

    public RunsView runsView() {
        return runsView;
    }

    public SweepsView sweepsView() {
        return sweepsView;
    }

    /** Opens the network a run trained in the Designer, after asking about unsaved changes. */
    private void openRunDesign(RunRecord record) {
        if (record == null || !actions.confirmDiscard()) {
            return;
        }
        try {
            actions.openTemplate(RunDesign.of(record));
            tabPane.getSelectionModel().select(0);
        } catch (RuntimeException e) {
            experimentDialogs.error("Cannot open the run's design", e.getMessage());
        }
    }

    /** Goes on training an interrupted or cancelled run, in the Training tab. */
    private void resumeRun(String id) {
        tabPane.getSelectionModel().select(1);
        training.resumeRun(id);
    }

    public FxLatencyProbe latencyProbe() {
        return latency;
    }

    /** Called once the window exists (dialogs need an owner): offers recovery, else opens bnn-small. */
    private void attach(Stage stage) {
        this.stage = stage;
        experimentDialogs = setup.experimentDialogs().apply(stage);
        actions = new DesignerActions(designer, designerView, setup.home(), setup.dialogs().apply(stage),
                setup.autosaveEvery());
        if (!actions.offerRecovery()) {
            actions.openTemplate(Templates.fromNamed(Architectures.get("bnn-small")));
        }
        actions.startAutosave();
        Platform.runLater(() -> designerView.canvas().fitToView());
        designerView.prepare();
    }

    /**
     * Asks before a running training or sweep is stopped by quitting, then about unsaved changes; false cancels the
     * close. A run stopped so shows as interrupted in the Runs tab and can be resumed.
     */
    public boolean confirmClose() {
        boolean training = this.training.state().busy();
        boolean sweeping = sweepsView.model().isRunning();
        if ((training || sweeping) && !experimentDialogs.confirm(training ? "Quit while training?"
                : "Quit while a sweep runs?", "Quitting stops " + (training ? "the training" : "the sweep")
                + " now. Its runs are kept and show as interrupted; Resume in the Runs tab (or running the sweep"
                + " again) goes on from the last finished epoch.", "Quit")) {
            return false;
        }
        if (actions == null || !actions.confirmDiscard()) {
            return actions == null;
        }
        actions.stopAutosave();
        return true;
    }

    private MenuBar menuBar(AppInfo info, Path logFile, Runnable quit) {
        var newItem = item("New", "new", "Shortcut+N", () -> actions.newDesign());
        var open = item("Open\u2026", "open", "Shortcut+O", () -> actions.open());
        var template = item("Open Template\u2026", "open-template", "Shortcut+T", () -> actions.openTemplate(stage));
        recentMenu.setId("recent");
        recentMenu.setOnShowing(e -> fillRecent());
        var none = new MenuItem("(none)");
        none.setDisable(true);
        recentMenu.getItems().add(none);
        var save = item("Save", "save", "Shortcut+S", () -> actions.save());
        var saveAs = item("Save As\u2026", "save-as", "Shortcut+Shift+S", () -> actions.saveAs());
        var export = item("Export as PNG\u2026", "export-png", "Shortcut+E", () -> actions.exportPng());
        var exportReport = item("Export Report\u2026", "export-report-menu", null, () -> compareView.exportReport());
        var quitItem = item("Quit", "quit", "Shortcut+Q", () -> {
            if (confirmClose()) {
                quit.run();
            }
        });
        var file = new Menu("File", null, newItem, open, template, recentMenu, new SeparatorMenuItem(), save, saveAs,
                export, exportReport, new SeparatorMenuItem(), quitItem);

        var undo = item("Undo", "undo", "Shortcut+Z", designer::undo);
        undo.textProperty().bind(Bindings.createStringBinding(() -> designer.undoNameProperty().get() == null ? "Undo"
                : "Undo " + designer.undoNameProperty().get(), designer.undoNameProperty()));
        undo.disableProperty().bind(designer.undoNameProperty().isNull());
        var redo = item("Redo", "redo", "Shortcut+Shift+Z", designer::redo);
        redo.textProperty().bind(Bindings.createStringBinding(() -> designer.redoNameProperty().get() == null ? "Redo"
                : "Redo " + designer.redoNameProperty().get(), designer.redoNameProperty()));
        redo.disableProperty().bind(designer.redoNameProperty().isNull());
        BooleanBinding nothingSelected = Bindings.createBooleanBinding(() -> designer.selection().isEmpty(),
                designer.selectionProperty());
        var cut = item("Cut", "cut", "Shortcut+X", designer::cutSelection);
        var copy = item("Copy", "copy", "Shortcut+C", designer::copySelection);
        var paste = item("Paste", "paste", "Shortcut+V", designer::paste);
        var duplicate = item("Duplicate", "duplicate", "Shortcut+D", designer::duplicateSelection);
        var delete = item("Delete", "delete", "Delete", designer::deleteSelection);
        for (MenuItem m : new MenuItem[] {cut, copy, duplicate, delete}) {
            m.disableProperty().bind(nothingSelected);
        }
        paste.disableProperty().bind(designer.clipboardEmptyProperty());
        var selectAll = item("Select All", "select-all", "Shortcut+A", designer::selectAll);
        var group = item("Group as Stage", "group", "Shortcut+G", designer::groupSelection);
        group.disableProperty().bind(nothingSelected);
        var collapse = item("Collapse Stage", "collapse-stage", "Shortcut+Shift+C",
                () -> stageOfSelection().ifPresent(g -> designer.setCollapsed(g.name(), true)));
        collapse.disableProperty().bind(Bindings.createBooleanBinding(() -> stageOfSelection().isEmpty(),
                designer.selectionProperty(), designer.designProperty()));
        var ungroup = item("Ungroup Stage", "ungroup", "Shortcut+Shift+G",
                () -> stageOfSelection().ifPresent(g -> designer.ungroup(g.name())));
        ungroup.disableProperty().bind(collapse.disableProperty());
        BooleanBinding noStages = Bindings.createBooleanBinding(() -> designer.design().groups().isEmpty(),
                designer.designProperty());
        var collapseAll = item("Collapse All Stages", "collapse-all", null, () -> designer.setAllCollapsed(true));
        var expandAll = item("Expand All Stages", "expand-all", null, () -> designer.setAllCollapsed(false));
        collapseAll.disableProperty().bind(noStages);
        expandAll.disableProperty().bind(noStages);
        var expandFamily = item("Expand Family into Blocks", "expand-family-menu", null, designer::expandFamily);
        expandFamily.disableProperty().bind(Bindings.createBooleanBinding(() -> designer.design().family() == null,
                designer.designProperty()));
        var edit = new Menu("Edit", null, undo, redo, new SeparatorMenuItem(), cut, copy, paste, duplicate, delete,
                selectAll, new SeparatorMenuItem(), group, ungroup, collapse, collapseAll, expandAll,
                new SeparatorMenuItem(), expandFamily);

        var zoomIn = item("Zoom In", "zoom-in", "Shortcut+EQUALS", () -> designerView.canvas().zoomBy(1.25));
        var zoomOut = item("Zoom Out", "zoom-out", "Shortcut+MINUS", () -> designerView.canvas().zoomBy(0.8));
        var fit = item("Fit to View", "fit", "Shortcut+0", () -> designerView.canvas().fitToView());
        var layout = item("Auto-layout", "auto-layout", "Shortcut+L", () -> actions.autoLayout());
        var minimap = new CheckMenuItem("Minimap");
        minimap.setId("minimap-toggle");
        minimap.setSelected(true);
        minimap.setAccelerator(KeyCombination.keyCombination("Shortcut+M"));
        minimap.setOnAction(e -> designerView.canvas().setMinimapVisible(minimap.isSelected()));
        var probe = new CheckMenuItem("FX Latency Overlay");
        probe.setId("latency-overlay");
        probe.setOnAction(e -> showLatency(probe.isSelected()));
        var view = new Menu("View", null, zoomIn, zoomOut, fit, layout, new SeparatorMenuItem(), minimap, probe);

        var aboutItem = new MenuItem("About BNN Workbench");
        aboutItem.setId("about");
        aboutItem.setOnAction(event -> new AboutDialog(info, logFile, root.getScene().getWindow()).showAndWait());
        var shortcuts = item("Keyboard and Mouse", "shortcuts", "F1",
                () -> new ShortcutsDialog(root.getScene().getWindow()).showAndWait());
        return new MenuBar(file, edit, view, new Menu("Help", null, shortcuts, new SeparatorMenuItem(), aboutItem));
    }

    /** The stage the selected blocks belong to, when they all belong to one. */
    private Optional<StageGroup> stageOfSelection() {
        var selected = designer.selection();
        if (selected.isEmpty()) {
            return Optional.empty();
        }
        Optional<StageGroup> g = designer.design().groupOf(selected.iterator().next());
        return g.filter(s -> s.blockIds().containsAll(selected));
    }

    private static MenuItem item(String text, String id, String accelerator, Runnable action) {
        var item = new MenuItem(text);
        item.setId(id);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private void fillRecent() {
        recentMenu.getItems().clear();
        var files = actions.recentFiles();
        if (files.isEmpty()) {
            var none = new MenuItem("(none)");
            none.setDisable(true);
            recentMenu.getItems().add(none);
        }
        for (Path p : files) {
            var item = new MenuItem(p.toString());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> actions.openRecent(p));
            recentMenu.getItems().add(item);
        }
    }

    private void showLatency(boolean on) {
        if (on) {
            latency.reset();
            latency.start();
            latencyTimer = new Timeline(new KeyFrame(Duration.millis(250), e ->
                    latencyLabel.setText(String.format(Locale.ROOT, "FX latency %.0f ms (max %.0f ms)",
                            latency.lastMillis(), latency.maxMillis()))));
            latencyTimer.setCycleCount(Animation.INDEFINITE);
            latencyTimer.play();
        } else {
            latency.stop();
            if (latencyTimer != null) {
                latencyTimer.stop();
            }
        }
        latencyLabel.setVisible(on);
        latencyLabel.setManaged(on);
    }

    private TabPane tabs() {
        var design = new Tab("Designer", designerView);
        design.setId("designer-tab");
        var train = new Tab("Training", trainingView);
        train.setId("training-tab");
        var runsTab = new Tab("Runs", runsView);
        runsTab.setId("runs-tab");
        var sweeps = new Tab("Sweeps", sweepsView);
        sweeps.setId("sweeps-tab");
        var start = new Tab("Start", StartView.create());
        start.setId("start-tab");
        compareView = new CompareView(setup.home(), () -> designer.design().spec(),
                () -> CompareDialogs.standard(setup.dialogs().apply(stage), stage));
        var compare = new Tab("Compare", compareView);
        compare.setId("compare-tab");
        compare.setOnSelectionChanged(e -> {
            if (compare.isSelected()) {
                compareView.rebuild(); // the design may have changed since
            }
        });
        var tabs = new TabPane(design, train, runsTab, sweeps, compare, start);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // the data sets and the store are looked at once a tab that needs them is shown, not when the app starts
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> {
            if (tab == train || tab == sweeps) {
                training.activate();
            }
            if (tab == runsTab) {
                runs.refresh();
            }
        });
        tabPane = tabs;
        return tabs;
    }

    private StatusBar statusBar() {
        var status = new StatusBar();
        status.setId("status-bar");
        status.textProperty().bind(designerView.totals());
        var comparison = new Label();
        comparison.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        comparison.setId("comparison");
        comparison.getStyleClass().add("status-comparison");
        comparison.textProperty().bind(designerView.comparison());
        var tip = new Tooltip();
        tip.textProperty().bind(Bindings.concat("Compared with the published binary ImageNet networks"
                + " (same cost model, BMXNet convention): ", comparison.textProperty()));
        comparison.setTooltip(tip);
        latencyLabel.setId("latency");
        latencyLabel.getStyleClass().add("status-latency");
        latencyLabel.setVisible(false);
        latencyLabel.setManaged(false);
        var dirty = new Label();
        dirty.setId("dirty");
        dirty.getStyleClass().add("status-dirty");
        dirty.visibleProperty().bind(designer.dirtyProperty());
        dirty.managedProperty().bind(designer.dirtyProperty());
        dirty.textProperty().bind(Bindings.createStringBinding(() -> designer.dirtyProperty().get() ? "unsaved" : "",
                designer.dirtyProperty()));
        status.getRightItems().addAll(comparison, latencyLabel, dirty);
        return status;
    }
}
