package org.bnnworkbench.app.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.ListChangeListener;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.bnnworkbench.engine.spec.NetworkSpec;
import org.bnnworkbench.experiments.report.PublishedPoint;
import org.bnnworkbench.experiments.report.Report;
import org.bnnworkbench.experiments.report.ReportBuilder;
import org.bnnworkbench.experiments.report.ReportDesign;
import org.bnnworkbench.experiments.report.ReportFiles;
import org.bnnworkbench.experiments.report.ReportInputs;
import org.bnnworkbench.experiments.report.ReportPart;
import org.bnnworkbench.experiments.report.ReportSection;
import org.controlsfx.control.CheckListView;

/**
 * The Compare tab: pick runs, sweeps and published rows on the left; see the comparison charts (published ImageNet
 * results with the current design at ImageNet scale; your runs per data set; the twin gap; each sweep against its
 * parameters) and the tables on the right; export a chart as PNG or SVG, copy a table, or export the whole comparison
 * as an HTML or PDF report. Everything is computed by the experiments module's report code, the same that
 * {@code bnn report} runs, off the FX thread.
 */
public final class CompareView extends BorderPane {

    private final Path home;
    private final Supplier<NetworkSpec> currentDesign;
    private final Supplier<CompareDialogs> dialogs;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "compare");
        t.setDaemon(true);
        return t;
    });
    private final CheckListView<ComparisonSources.Source> runs = new CheckListView<>();
    private final CheckListView<ComparisonSources.Source> sweeps = new CheckListView<>();
    private final CheckListView<PublishedItem> published = new CheckListView<>();
    private final List<Path> added = new ArrayList<>();
    private final VBox publishedCharts = column();
    private final VBox runCharts = column();
    private final VBox sweepCharts = column();
    private final TablePane tables = new TablePane();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final PauseTransition debounce = new PauseTransition(Duration.millis(200));
    private Report report;
    private long generation;

    public CompareView(Path home, Supplier<NetworkSpec> currentDesign, Supplier<CompareDialogs> dialogs) {
        this.home = home;
        this.currentDesign = currentDesign;
        this.dialogs = dialogs;
        setId("compare-view");
        runs.setId("compare-runs");
        sweeps.setId("compare-sweeps");
        published.setId("compare-published");
        debounce.setOnFinished(e -> rebuild());
        ListChangeListener<Object> changed = c -> debounce.playFromStart();
        runs.getCheckModel().getCheckedItems().addListener(changed);
        sweeps.getCheckModel().getCheckedItems().addListener(changed);
        published.getCheckModel().getCheckedItems().addListener(changed);
        setLeft(sidebar());
        setCenter(charts());
        setTop(toolbar());
        refresh();
        published.getItems().setAll(PublishedPoint.all().stream().map(PublishedItem::new).toList());
        published.getCheckModel().checkAll();
    }

    /** True while the comparison is being read or built, or a report written. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The comparison as last built, or null before the first. */
    public Report report() {
        return report;
    }

    /** Reads the run store and the sweeps folder again (and the added folders), keeping what was checked. */
    public void refresh() {
        List<Path> extra = List.copyOf(added);
        worker.execute(() -> {
            List<ComparisonSources.Source> found = ComparisonSources.scan(home, extra);
            Platform.runLater(() -> {
                setItems(runs, found.stream().filter(s -> !s.sweep()).toList());
                setItems(sweeps, found.stream().filter(ComparisonSources.Source::sweep).toList());
                debounce.playFromStart();
            });
        });
    }

    /** A published row as the check list shows it: number, model and top-1. */
    record PublishedItem(PublishedPoint point) {
        @Override
        public String toString() {
            return point.number() + ". " + point.row().model() + " (" + point.row().top1().text() + "%)";
        }
    }

    private static void setItems(CheckListView<ComparisonSources.Source> list, List<ComparisonSources.Source> items) {
        var checked = new ArrayList<>(list.getCheckModel().getCheckedItems());
        list.getItems().setAll(items);
        checked.stream().filter(items::contains).forEach(list.getCheckModel()::check);
    }

    /** Builds the comparison of what is checked, off the FX thread; only the latest build is shown. */
    public void rebuild() {
        long mine = ++generation;
        busy.set(true);
        status.setText("Comparing\u2026");
        var folders = new ArrayList<Path>();
        runs.getCheckModel().getCheckedItems().forEach(s -> folders.add(s.folder()));
        sweeps.getCheckModel().getCheckedItems().forEach(s -> folders.add(s.folder()));
        List<PublishedPoint> points = published.getCheckModel().getCheckedItems().stream().map(PublishedItem::point)
                .toList();
        NetworkSpec design = currentDesign.get();
        worker.execute(() -> {
            Report built;
            String problem = null;
            try {
                var builder = new ReportBuilder(ReportInputs.read(folders)).inputs(folders)
                        .published(points.isEmpty() ? null : points);
                designOf(design).ifPresent(builder::design);
                built = builder.build();
            } catch (RuntimeException e) {
                built = null;
                problem = e.getMessage();
            }
            Report result = built;
            String message = problem;
            Platform.runLater(() -> {
                if (mine != generation) {
                    return;
                }
                busy.set(false);
                if (result == null) {
                    status.setText("Cannot compare: " + message);
                    return;
                }
                show(result);
            });
        });
    }

    private static java.util.Optional<ReportDesign> designOf(NetworkSpec spec) {
        if (spec == null || !spec.problems().isEmpty()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(ReportDesign.of(spec.name() + " (in the designer)", spec));
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private void show(Report r) {
        this.report = r;
        fill(publishedCharts, r, List.of("published"), "Check published rows on the left to compare with them.");
        fill(runCharts, r, List.of("your-runs"), "Check runs or sweeps on the left to see their charts.");
        fill(sweepCharts, r, List.of("sweeps", "replication"), "Check a sweep on the left to see its charts.");
        tables.setTables(r.tables());
        status.setText(r.charts().size() + " charts, " + r.tables().size() + " tables");
    }

    /** The charts of these report sections, with their headings, texts of your runs, and the sweeps' verdicts. */
    private void fill(VBox box, Report r, List<String> sections, String empty) {
        box.getChildren().clear();
        for (ReportSection s : r.sections()) {
            if (!sections.contains(s.id())) {
                continue;
            }
            String section = s.id();
            for (ReportPart p : s.parts()) {
                if (p instanceof ReportPart.ChartPart c) {
                    box.getChildren().add(new ChartCard(c.chart(), dialogs, home));
                } else if (p instanceof ReportPart.Heading h) {
                    var l = new Label(h.text());
                    l.getStyleClass().add("compare-heading");
                    box.getChildren().add(l);
                } else if (p instanceof ReportPart.Text t && section.equals("your-runs")) {
                    var l = new Label(t.text());
                    l.setWrapText(true);
                    box.getChildren().add(l);
                } else if (p instanceof ReportPart.Note n) {
                    // a sweep's verdict, a study's claim verdict or its quick-run warning
                    var l = new Label(n.text());
                    l.setWrapText(true);
                    l.getStyleClass().add(n.warning() ? "compare-warning" : "compare-note");
                    box.getChildren().add(l);
                }
            }
        }
        if (box.getChildren().isEmpty()) {
            box.getChildren().add(new Label(empty));
        }
    }

    /** Asks where, then writes the comparison as HTML or PDF (by the extension) with its CSV files, off the FX thread. */
    public void exportReport() {
        Report r = report;
        if (r == null) {
            return;
        }
        CompareDialogs d = dialogs.get();
        d.saveFile(home, "report.html", List.of("html", "pdf")).ifPresent(file -> {
            Task<ReportFiles.Written> task = new Task<>() {
                @Override
                protected ReportFiles.Written call() {
                    updateMessage("Writing " + file.getFileName() + "\u2026");
                    return ReportFiles.write(r, file, (fraction, message) -> {
                        updateProgress(fraction, 1);
                        updateMessage(message);
                    });
                }
            };
            progress.progressProperty().bind(task.progressProperty());
            status.textProperty().bind(task.messageProperty());
            busy.set(true);
            task.setOnSucceeded(e -> done("Wrote " + file + " and its CSV files"));
            task.setOnFailed(e -> {
                done("Export failed");
                d.error("Export failed", String.valueOf(task.getException().getMessage()));
            });
            Thread t = new Thread(task, "report-export");
            t.setDaemon(true);
            t.start();
        });
    }

    private void done(String message) {
        progress.progressProperty().unbind();
        status.textProperty().unbind();
        status.setText(message);
        busy.set(false);
    }

    private Node toolbar() {
        var export = new Button("Export Report\u2026");
        export.setId("export-report");
        export.setOnAction(e -> exportReport());
        var refresh = new Button("Refresh");
        refresh.setId("compare-refresh");
        refresh.setOnAction(e -> refresh());
        var add = new Button("Add Folder\u2026");
        add.setId("add-folder");
        add.setOnAction(e -> dialogs.get().chooseFolder(home).ifPresent(p -> {
            added.add(p);
            refresh();
        }));
        progress.setId("export-progress");
        progress.setPrefWidth(160);
        status.setId("compare-status");
        var spacer = new HBox();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return new ToolBar(add, refresh, spacer, status, progress, export);
    }

    private Node sidebar() {
        var all = new Button("All");
        all.setOnAction(e -> published.getCheckModel().checkAll());
        var none = new Button("None");
        none.setOnAction(e -> published.getCheckModel().clearChecks());
        runs.setPrefHeight(160);
        sweeps.setPrefHeight(120);
        var publishedBox = new VBox(4, new HBox(4, all, none), published);
        VBox.setVgrow(published, Priority.ALWAYS);
        var box = new VBox(4, titled("Runs", runs), titled("Sweeps", sweeps), titled("Published rows", publishedBox));
        box.setPrefWidth(280);
        box.setPadding(new Insets(4));
        return box;
    }

    private static TitledPane titled(String title, Node content) {
        var pane = new TitledPane(title, content);
        pane.setCollapsible(false);
        return pane;
    }

    private Node charts() {
        var tabs = new TabPane(tab("Published (ImageNet)", "compare-published-tab", publishedCharts),
                tab("Your runs", "compare-runs-tab", runCharts), tab("Sweeps", "compare-sweeps-tab", sweepCharts),
                new Tab("Tables", tables));
        tabs.getTabs().get(3).setId("compare-tables-tab");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return new SplitPane(tabs);
    }

    private static Tab tab(String title, String id, VBox content) {
        var scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        var tab = new Tab(title, scroll);
        tab.setId(id);
        return tab;
    }

    private static VBox column() {
        var box = new VBox(8);
        box.setPadding(new Insets(8));
        return box;
    }
}
