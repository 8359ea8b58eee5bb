package org.bnnworkbench.app;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.Parent;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.Window;
import javafx.util.Duration;
import org.bnnworkbench.app.designer.DesignerActions;
import org.bnnworkbench.app.designer.DesignerModel;
import org.bnnworkbench.app.designer.DesignerView;
import org.bnnworkbench.app.designer.model.Templates;
import org.bnnworkbench.app.diagnostics.FxLatencyProbe;
import org.bnnworkbench.app.start.StartView;
import org.bnnworkbench.architectures.Architectures;
import org.controlsfx.control.StatusBar;

/**
 * The main window's content: menu bar, one tab per view (Designer, Start; Training, Sweeps and
 * Compare get theirs when they work), and a status bar with the design's totals and where it would
 * sit among the published networks.
 */
final class MainWindow {

    private final BorderPane root = new BorderPane();
    private final ExecutorService analysisThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "design-analysis");
        t.setDaemon(true);
        return t;
    });
    private final DesignerModel designer = new DesignerModel(analysisThread, Platform::runLater);
    private final DesignerView designerView = new DesignerView(designer);
    private final FxLatencyProbe latency = new FxLatencyProbe(50);
    private DesignerActions actions;
    private final Label latencyLabel = new Label();
    private final Menu recentMenu = new Menu("Open Recent");

    MainWindow(AppInfo info, Path logFile, Runnable quit) {
        root.setTop(menuBar(info, logFile, quit));
        root.setCenter(tabs());
        root.setBottom(statusBar());
    }

    Parent root() {
        return root;
    }

    DesignerModel designer() {
        return designer;
    }

    DesignerActions actions() {
        return actions;
    }

    /** Called once the window exists: dialogs need an owner. Opens bnn-small unless a design is recovered. */
    void attach(Window window) {
        actions = new DesignerActions(designer, designerView, WorkbenchHome.folder(), DesignerActions.standardDialogs(window));
        if (!actions.offerRecovery()) {
            actions.openTemplate(Templates.fromNamed(Architectures.get("bnn-small")));
        }
        actions.startAutosave();
        Platform.runLater(() -> designerView.canvas().fitToView());
    }

    /** Asks about unsaved changes before the window closes; false cancels the close. */
    boolean confirmClose() {
        return actions == null || actions.confirmDiscard();
    }

    private MenuBar menuBar(AppInfo info, Path logFile, Runnable quit) {
        var newItem = item("New", "new", "Shortcut+N", () -> actions.newDesign());
        var open = item("Open\u2026", "open", "Shortcut+O", () -> actions.open());
        var template = item("Open Template\u2026", "open-template", "Shortcut+T",
                () -> actions.openTemplate(root.getScene().getWindow()));
        recentMenu.setId("recent");
        recentMenu.setOnShowing(e -> fillRecent());
        recentMenu.getItems().add(new MenuItem("(none)"));
        var save = item("Save", "save", "Shortcut+S", () -> actions.save());
        var saveAs = item("Save As\u2026", "save-as", "Shortcut+Shift+S", () -> actions.saveAs());
        var export = item("Export as PNG\u2026", "export-png", "Shortcut+E", () -> actions.exportPng());
        var quitItem = item("Quit", "quit", "Shortcut+Q", () -> {
            if (confirmClose()) {
                quit.run();
            }
        });
        var file = new Menu("File", null, newItem, open, template, recentMenu, new SeparatorMenuItem(), save, saveAs,
                export, new SeparatorMenuItem(), quitItem);

        var undo = item("Undo", "undo", "Shortcut+Z", designer::undo);
        undo.textProperty().bind(Bindings.createStringBinding(() -> designer.undoNameProperty().get() == null ? "Undo"
                : "Undo " + designer.undoNameProperty().get(), designer.undoNameProperty()));
        undo.disableProperty().bind(designer.undoNameProperty().isNull());
        var redo = item("Redo", "redo", "Shortcut+Shift+Z", designer::redo);
        redo.textProperty().bind(Bindings.createStringBinding(() -> designer.redoNameProperty().get() == null ? "Redo"
                : "Redo " + designer.redoNameProperty().get(), designer.redoNameProperty()));
        redo.disableProperty().bind(designer.redoNameProperty().isNull());
        var redoY = item("Redo (Ctrl+Y)", "redo-y", "Shortcut+Y", designer::redo);
        redoY.setVisible(false);
        var copy = item("Copy", "copy", "Shortcut+C", designer::copySelection);
        var paste = item("Paste", "paste", "Shortcut+V", designer::paste);
        var duplicate = item("Duplicate", "duplicate", "Shortcut+D", designer::duplicateSelection);
        var delete = item("Delete", "delete", null, designer::deleteSelection);
        var selectAll = item("Select All", "select-all", "Shortcut+A", () -> designer.select(
                designer.design().blocks().stream().map(org.bnnworkbench.engine.spec.Block::id).toList()));
        var group = item("Group as Stage", "group", "Shortcut+G", designer::groupSelection);
        var collapseAll = item("Collapse All Stages", "collapse-all", null, () -> designer.design().groups()
                .forEach(g -> designer.setCollapsed(g.name(), true)));
        var expandAll = item("Expand All Stages", "expand-all", null, () -> designer.design().groups()
                .forEach(g -> designer.setCollapsed(g.name(), false)));
        var edit = new Menu("Edit", null, undo, redo, redoY, new SeparatorMenuItem(), copy, paste, duplicate, delete,
                selectAll, new SeparatorMenuItem(), group, collapseAll, expandAll);

        var zoomIn = item("Zoom In", "zoom-in", "Shortcut+PLUS", () -> designerView.canvas().zoomBy(1.25));
        var zoomOut = item("Zoom Out", "zoom-out", "Shortcut+MINUS", () -> designerView.canvas().zoomBy(0.8));
        var fit = item("Fit to View", "fit", "Shortcut+0", () -> designerView.canvas().fitToView());
        var layout = item("Auto-layout", "auto-layout", "Shortcut+L", () -> actions.autoLayout());
        var probe = new CheckMenuItem("FX Latency Overlay");
        probe.setId("latency-overlay");
        probe.setOnAction(e -> showLatency(probe.isSelected()));
        var view = new Menu("View", null, zoomIn, zoomOut, fit, layout, new SeparatorMenuItem(), probe);

        var aboutItem = new MenuItem("About BNN Workbench");
        aboutItem.setId("about");
        aboutItem.setOnAction(event -> new AboutDialog(info, logFile, root.getScene().getWindow()).showAndWait());
        return new MenuBar(file, edit, view, new Menu("Help", null, aboutItem));
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
            item.setOnAction(e -> {
                if (actions.confirmDiscard()) {
                    actions.open(p);
                }
            });
            recentMenu.getItems().add(item);
        }
    }

    private void showLatency(boolean on) {
        if (on) {
            latency.reset();
            latency.start();
            var timer = new javafx.animation.Timeline(new javafx.animation.KeyFrame(Duration.millis(250), e ->
                    latencyLabel.setText(String.format(java.util.Locale.ROOT, "FX latency: last %.0f ms, max %.0f ms",
                            latency.lastMillis(), latency.maxMillis()))));
            timer.setCycleCount(javafx.animation.Animation.INDEFINITE);
            timer.play();
            latencyLabel.setUserData(timer);
            latencyLabel.setVisible(true);
        } else {
            latency.stop();
            if (latencyLabel.getUserData() instanceof javafx.animation.Timeline t) {
                t.stop();
            }
            latencyLabel.setVisible(false);
        }
    }

    private TabPane tabs() {
        var design = new Tab("Designer", designerView);
        design.setId("designer-tab");
        var start = new Tab("Start", StartView.create());
        start.setId("start-tab");
        var tabs = new TabPane(design, start);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    private StatusBar statusBar() {
        var status = new StatusBar();
        status.setId("status-bar");
        status.textProperty().bind(designerView.totals());
        var comparison = new Label();
        comparison.setId("comparison");
        comparison.textProperty().bind(designerView.comparison());
        latencyLabel.setId("latency");
        latencyLabel.setVisible(false);
        var dirty = new Label();
        dirty.textProperty().bind(Bindings.createStringBinding(() -> designer.dirtyProperty().get() ? "unsaved" : "",
                designer.dirtyProperty()));
        status.getRightItems().addAll(comparison, latencyLabel, dirty);
        return status;
    }
}
