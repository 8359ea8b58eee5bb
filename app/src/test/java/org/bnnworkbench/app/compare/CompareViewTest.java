package org.bnnworkbench.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.xml.parsers.DocumentBuilderFactory;
import org.bnnworkbench.app.Setup;
import org.bnnworkbench.app.WindowFixture;
import org.bnnworkbench.app.designer.DesignerActions;
import org.bnnworkbench.app.designer.io.Autosave;
import org.bnnworkbench.architectures.Architectures;
import org.bnnworkbench.engine.cost.CostConvention;
import org.bnnworkbench.engine.cost.CostModel;
import org.bnnworkbench.engine.cost.NetworkCost;
import org.bnnworkbench.engine.spec.InputShape;
import org.bnnworkbench.engine.spec.NetworkSpec;
import org.bnnworkbench.engine.spec.SpecJson;
import org.bnnworkbench.engine.train.EpochMetrics;
import org.bnnworkbench.engine.train.TrainingConfig;
import org.bnnworkbench.experiments.report.ReportSection;
import org.bnnworkbench.experiments.run.RunRecord;
import org.bnnworkbench.experiments.run.RunRecordJson;
import org.bnnworkbench.experiments.run.RunStatus;
import org.bnnworkbench.experiments.sweep.JournalEntry;
import org.controlsfx.control.CheckListView;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the Compare tab of a real main window as a person would: pick a sweep, look, export. */
class CompareViewTest {

    @TempDir
    Path home;
    private final FxRobot robot = new FxRobot();
    private final Answers dialogs = new Answers();
    private Stage stage;

    @BeforeEach
    void openTheWindowWithASweepInTheHome() throws Exception {
        writeSweep(home.resolve("sweeps/clip"));
        FxToolkit.registerPrimaryStage();
        var setup = new Setup(home, owner -> dialogs, Duration.minutes(10));
        stage = WindowFixture.open(home, setup).stage();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.setupFixture(() -> stage.hide());
    }

    @Test
    void pickASweepSeeItsChartsAndExportTheReportAsHtmlAndPdf() throws Exception {
        robot.clickOn("#compare-tab");
        CompareView view = robot.lookup("#compare-view").queryAs(CompareView.class);
        @SuppressWarnings("unchecked")
        CheckListView<ComparisonSources.Source> sweeps = robot.lookup("#compare-sweeps").queryAs(CheckListView.class);
        waitFor(() -> sweeps.getItems().size() == 1 && !view.busyProperty().get(), "the sweep listed");
        assertThat(sweeps.getItems().get(0).toString()).isEqualTo("clip");

        robot.clickOn(robot.lookup("#compare-sweeps .check-box").queryAs(Node.class));
        waitFor(() -> !view.busyProperty().get() && view.report() != null && view.report().sections().stream()
                .anyMatch(s -> s.id().equals("sweeps")), "the comparison of the sweep");
        assertThat(view.report().sections()).extracting(ReportSection::id).contains("designs", "sweeps", "your-runs",
                "published");

        robot.clickOn("#compare-sweeps-tab");
        assertThat(robot.lookup("#chart-sweep-clip-clip").tryQuery()).isPresent();
        Path svg = home.resolve("out/sweep.svg");
        Files.createDirectories(svg.getParent());
        dialogs.files.add(svg);
        robot.clickOn("#export-svg-sweep-clip-clip");
        waitFor(() -> Files.exists(svg), "the SVG file");
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile()); // well-formed

        Path html = home.resolve("out/report.html");
        dialogs.files.add(html);
        robot.clickOn("#export-report");
        waitFor(() -> Files.exists(html) && !view.busyProperty().get(), "the HTML report");
        Path pdf = home.resolve("out/report.pdf");
        dialogs.files.add(pdf);
        robot.clickOn("File").clickOn("#export-report-menu");
        waitFor(() -> Files.exists(pdf) && !view.busyProperty().get(), "the PDF report");

        assertThat(Files.size(html)).isGreaterThan(50_000);
        assertThat(Files.readString(html, StandardCharsets.UTF_8)).contains("Sweep clip", "<svg");
        assertThat(Files.size(pdf)).isGreaterThan(20_000);
        assertThat(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(home.resolve("out/report-files/sweep-clip.csv")).isNotEmptyFile();
        assertThat(dialogs.errors).isEmpty();
        assertThat(robot.lookup("#compare-status").queryLabeled().getText()).startsWith("Wrote ");
    }

    /** Two clip values, three seeds each: 80.0, 80.6, 79.7% and 82.1, 81.8, 82.4%. */
    private static final double[][] REPEATED = {{0.800, 0.806, 0.797}, {0.821, 0.818, 0.824}};

    @Test
    void aSweepWithRepeatsShowsEveryRunInItsChart() throws Exception {
        writeSweep(home.resolve("sweeps/seeds"), "seeds", ", \"repeats\": 3", new double[] {0.5, 1.3},
                new long[] {42, 43, 44}, REPEATED);
        JFreeChart chart = repeatedSweepChart();

        // every seed's run is drawn at its accuracy, whatever else the chart draws
        var drawn = new ArrayList<Double>();
        XYPlot plot = chart.getXYPlot();
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            XYDataset data = plot.getDataset(d);
            for (int s = 0; data != null && s < data.getSeriesCount(); s++) {
                for (int i = 0; i < data.getItemCount(s); i++) {
                    drawn.add(Math.round(data.getYValue(s, i) * 10) / 10.0);
                }
            }
        }
        assertThat(drawn).contains(80.0, 80.6, 79.7, 82.1, 81.8, 82.4);
    }

    /**
     * What the report module's IntervalCharts gives the Sweeps tab, the Compare tab should show for a sweep with
     * repeats too: an error bar per configuration. The report module still draws a sweep's runs as plain points
     * (SweepCharts); the work that draws them with intervals is on its way on another branch.
     */
    @Test
    void aSweepWithRepeatsShowsAnErrorBarPerConfiguration() throws Exception {
        writeSweep(home.resolve("sweeps/seeds"), "seeds", ", \"repeats\": 3", new double[] {0.5, 1.3},
                new long[] {42, 43, 44}, REPEATED);
        JFreeChart chart = repeatedSweepChart();

        // items drawn with an interval (every XY dataset is an IntervalXYDataset; plain points have no width)
        XYPlot plot = chart.getXYPlot();
        var bars = new ArrayList<double[]>();
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            if (plot.getDataset(d) instanceof IntervalXYDataset data) {
                for (int s = 0; s < data.getSeriesCount(); s++) {
                    for (int i = 0; i < data.getItemCount(s); i++) {
                        if (data.getEndYValue(s, i) > data.getStartYValue(s, i)) {
                            bars.add(new double[] {data.getStartYValue(s, i), data.getYValue(s, i),
                                data.getEndYValue(s, i)});
                        }
                    }
                }
            }
        }
        assertThat(bars).hasSize(2);
        for (int c = 0; c < 2; c++) {
            double mean = 100 * (REPEATED[c][0] + REPEATED[c][1] + REPEATED[c][2]) / 3;
            assertThat(bars).anySatisfy(bar -> {
                assertThat(bar[1]).isCloseTo(mean, org.assertj.core.api.Assertions.within(1e-9));
                assertThat(bar[0]).isLessThan(mean);
                assertThat(bar[2]).isGreaterThan(mean);
            });
        }
    }

    /** Refreshes the lists, checks the sweep "seeds" and returns the chart of its accuracy against clip. */
    private JFreeChart repeatedSweepChart() {
        robot.clickOn("#compare-tab");
        CompareView view = robot.lookup("#compare-view").queryAs(CompareView.class);
        robot.clickOn("#compare-refresh");
        @SuppressWarnings("unchecked")
        CheckListView<ComparisonSources.Source> sweeps = robot.lookup("#compare-sweeps").queryAs(CheckListView.class);
        waitFor(() -> sweeps.getItems().size() == 2 && !view.busyProperty().get(), "both sweeps listed");
        Node seeds = robot.lookup("#compare-sweeps .list-cell").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.ListCell<?> c && c.getItem() != null
                        && c.getItem().toString().equals("seeds")).findFirst().orElseThrow();
        robot.clickOn(((javafx.scene.control.ListCell<?>) seeds).getGraphic());
        waitFor(() -> !view.busyProperty().get() && robot.lookup("#chart-sweep-seeds-clip").tryQuery().isPresent(),
                "the sweep's chart");
        robot.clickOn("#compare-sweeps-tab");
        Node card = robot.lookup("#chart-sweep-seeds-clip").query();
        return ((ChartViewer) ((javafx.scene.layout.VBox) card).getChildren().get(0)).getChart();
    }

    @Test
    void aTableCopiesAsCsvAndAsMarkdown() {
        robot.clickOn("#compare-tab");
        CompareView view = robot.lookup("#compare-view").queryAs(CompareView.class);
        waitFor(() -> view.report() != null && !view.busyProperty().get(), "the first comparison");
        robot.clickOn("#compare-tables-tab");
        TablePane tables = (TablePane) robot.lookup("#table-choice").query().getParent().getParent();
        waitFor(() -> tables.selected() != null, "a table");

        robot.clickOn("#copy-csv");
        String csv = clipboard();
        robot.clickOn("#copy-markdown");
        String markdown = clipboard();

        assertThat(csv).isEqualTo(tables.selected().csv());
        assertThat(markdown).startsWith("| ").contains("| --- |");
    }

    private String clipboard() {
        var text = new String[1];
        robot.interact(() -> text[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
        return text[0];
    }

    private static void waitFor(BooleanSupplier condition, String what) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.getAsBoolean();
            });
        } catch (TimeoutException e) {
            throw new AssertionError("waited 60 s for " + what);
        }
    }

    /** A sweep folder of two clip values, as bnn sweep leaves it, with real costs and made-up accuracies. */
    static void writeSweep(Path folder) throws IOException {
        writeSweep(folder, "clip", "", new double[] {0.5, 1.3}, new long[] {42}, new double[][] {{0.80}, {0.82}});
    }

    /**
     * A sweep folder as bnn sweep leaves it: every clip value trained with every seed (in rounds), real costs and
     * the given accuracies, {@code top1[clip][seed]}, each measured on 2,000 test images.
     *
     * @param extra more fields of the sweep file, e.g. {@code , "repeats": 2}
     */
    static void writeSweep(Path folder, String name, String extra, double[] clips, long[] seeds, double[][] top1)
            throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("sweep.json"), "{\"name\": \"" + name + "\", \"base\": {\"arch\": "
                + "\"bnn-small\", \"epochs\": 2}, \"grid\": {\"clip\": [0.5, 1.3]}" + extra + "}");
        NetworkSpec spec = Architectures.build("bnn-small", new InputShape(28, 28, 1), 10);
        NetworkCost cost = CostModel.of(spec, CostConvention.BMXNET);
        var journal = new StringBuilder();
        int index = 0;
        for (int s = 0; s < seeds.length; s++) {
            for (int i = 0; i < clips.length; i++) {
                String id = String.format(java.util.Locale.ROOT, "p%03d-abcdef%d%d", i, s, i);
                TrainingConfig d = TrainingConfig.defaults();
                var config = new TrainingConfig(2, 128, d.learningRate(), d.schedule(), d.optimizer(), d.momentum(),
                        d.weightDecay(), d.estimator(), (float) clips[i], false, d.padValue(), seeds[s], 0, false, 0,
                        0);
                double accuracy = top1[i][s];
                var record = new RunRecord(RunRecord.FORMAT, RunRecord.VERSION, RunStatus.COMPLETED, "completed",
                        "bnn-small", Map.of(), false, new RunRecord.Dataset("fashion-mnist-subset", "embedded", 10000,
                        2000, "28x28x1", 10, "MIT"), config.asMap(), List.of(new EpochMetrics(1, 1, 0.5, 1, accuracy,
                        0.9, 0, 0, 10, 100, 0)), accuracy, 1, 0, 10, 100, cost.parameters(), RunRecord.Cost.of(cost),
                        new int[0][0], RunRecord.Environment.current("test"), Instant.EPOCH, Instant.EPOCH,
                        SpecJson.toTree(spec));
                Path run = Files.createDirectories(folder.resolve("runs/" + id));
                RunRecordJson.write(run.resolve("run.json"), record);
                journal.append(new ObjectMapper().writeValueAsString(new JournalEntry(id, index++, Map.of("clip",
                        clips[i]), seeds[s], RunStatus.COMPLETED, accuracy, cost.modelSizeBytes(), cost.ops(), 10,
                        "runs/" + id + "/run.json", null, "completed"))).append('\n');
            }
        }
        Files.writeString(folder.resolve("journal.jsonl"), journal);
    }

    /** Answers the file dialogs from a queue and records errors; any other question fails the test. */
    static final class Answers implements DesignerActions.Dialogs {
        final Deque<Path> files = new ArrayDeque<>();
        final List<String> errors = new ArrayList<>();

        @Override
        public String unsavedChanges(String designName) {
            return "discard";
        }

        @Override
        public Optional<Path> openFile(Path folder) {
            throw new AssertionError("unexpected open dialog");
        }

        @Override
        public Optional<Path> saveFile(Path folder, String suggestedName, String extension) {
            if (files.isEmpty()) {
                throw new AssertionError("unexpected save dialog for " + suggestedName);
            }
            return Optional.of(files.poll());
        }

        @Override
        public boolean recover(Autosave.Recovery recovery) {
            return false;
        }

        @Override
        public void error(String title, String message) {
            errors.add(title + ": " + message);
        }
    }
}
