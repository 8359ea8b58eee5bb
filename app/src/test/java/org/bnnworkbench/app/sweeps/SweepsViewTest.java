package org.bnnworkbench.app.sweeps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import org.bnnworkbench.app.WorkbenchUiTest;
import org.bnnworkbench.experiments.cli.BnnCommand;
import org.bnnworkbench.experiments.stats.SampleSummary;
import org.bnnworkbench.experiments.sweep.JournalEntry;
import org.bnnworkbench.experiments.sweep.Sweep;
import org.bnnworkbench.experiments.sweep.SweepFile;
import org.bnnworkbench.experiments.sweep.SweepJournal;
import org.bnnworkbench.experiments.sweep.SweepSummary;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

/**
 * The Sweeps tab as a person uses it: the design made small in the Designer (growthRate and initFeatures 16), the
 * Training tab's form on slices of the embedded subset, a clip sweep of two points: about a second a point.
 */
class SweepsViewTest extends WorkbenchUiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SweepsView view() {
        return window.sweepsView();
    }

    /** A small network in the Designer, tiny settings in the Training tab, then the Sweeps tab. */
    private void prepareATinySweep(String values) {
        prepareATinySweep(values, 256);
    }

    private void prepareATinySweep(String values, int trainImages) {
        robot.clickOn("#property-sheet #param-growthRate");
        robot.push(javafx.scene.input.KeyCode.SHORTCUT, javafx.scene.input.KeyCode.A).write("16")
                .type(javafx.scene.input.KeyCode.ENTER);
        robot.clickOn("#property-sheet #param-initFeatures");
        robot.push(javafx.scene.input.KeyCode.SHORTCUT, javafx.scene.input.KeyCode.A).write("16")
                .type(javafx.scene.input.KeyCode.ENTER);
        typeTinySettings();
        type("#train-param-trainLimit", Integer.toString(trainImages));
        tab("sweeps-tab");
        waitFor(20, () -> view().form().baseProperty().get().params().equals(java.util.Map.of("growthRate", "16",
                "initFeatures", "16")) && view().form().baseProperty().get().config().trainLimit() == trainImages,
                "the base to follow the Designer and the Training tab");
        type("#sweep-values-0", values);
        assertThat(text("#sweep-points")).isEqualTo(values.split(",").length + " points");
    }

    private void runAndWait() {
        robot.clickOn("#sweep-run");
        waitFor(5, () -> view().model().isRunning(), "the sweep to start");
        waitFor(55, () -> !view().model().isRunning(), "the sweep to end");
    }

    @Test
    void aTwoPointSweepFillsTheResultsTableAndGivesTheRecordsBnnSweepGives() throws IOException {
        prepareATinySweep("1.0, 1.3");
        Path folder = home.resolve("sweeps").resolve("clip");
        assertThat(((TextField) node("#sweep-folder")).getText()).isEqualTo(folder.toString());

        robot.clickOn("#sweep-run");
        waitFor(10, () -> !view().model().tasks().isEmpty(), "one progress task per point");
        assertThat(view().model().tasks()).hasSize(2);
        waitFor(55, () -> !view().model().isRunning(), "the sweep to end");

        assertThat(view().table().getItems()).hasSize(2).extracting(r -> r.point().get("clip"))
                .containsExactly(1.0, 1.3);
        waitFor(10, () -> view().configurations().getItems().size() == 2, "the two configurations");
        // one seed each: the seed alone may have made the difference, so no run is named best
        assertThat(view().table().getItems()).noneMatch(ResultRow::best);
        assertThat(text("#sweep-verdict")).startsWith("No clear best with one seed per configuration: ")
                .contains("add repeats to compare");
        assertThat(view().parallelLines()).isEqualTo(2);
        assertThat(dots(view().accuracyChart())).hasSize(2);
        assertThat(view().model().tasks()).isEmpty();
        assertThat(text("#sweep-status")).contains("2 of 2 points have results (2 trained now)");

        // the same sweep file run by the command line gives the same records, timings aside
        Path cli = home.resolve("cli");
        var err = new ByteArrayOutputStream();
        int code = BnnCommand.standard().run(List.of("sweep", folder.resolve("sweep.json").toString(), "--out",
                cli.toString()), new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(csvWithoutTimes(cli)).isEqualTo(csvWithoutTimes(folder)).hasSize(3);
        assertThat(journalWithoutTimes(cli)).isEqualTo(journalWithoutTimes(folder)).hasSize(2);
        for (String id : journalWithoutTimes(folder).keySet()) {
            assertThat(recordWithoutTimes(cli, id)).as(id).isEqualTo(recordWithoutTimes(folder, id));
        }
    }

    @Test
    void cancellingAWaitingPointLeavesItWithoutAResultAndTheOtherTrains() {
        prepareATinySweep("1.0, 1.3", 1024); // a few seconds a point: time to click
        robot.clickOn("#sweep-run");
        waitFor(10, () -> view().model().tasks().size() == 2, "two tasks");

        List<Node> cancels = new ArrayList<>(robot.lookup(".task-cancel-button").queryAll());
        assertThat(cancels).hasSize(2);
        cancels.sort(java.util.Comparator.comparingDouble(n -> n.localToScreen(0, 0).getY()));
        robot.clickOn(cancels.get(1));

        waitFor(55, () -> !view().model().isRunning(), "the sweep to end");
        assertThat(view().table().getItems()).singleElement().satisfies(r -> assertThat(r.point().get("clip"))
                .isEqualTo(1.0));
        assertThat(text("#sweep-status")).contains("1 of 2 points have results")
                .contains("1 cancelled point trains when it runs again");
    }

    @Test
    void saveWritesTheSweepFileFormatAndOpenShowsAFileWithRandomParameters() throws IOException {
        tab("sweeps-tab");
        waitFor(20, () -> "the Training tab".equals(view().form().baseOriginProperty().get()), "the base");
        Path saved = home.resolve("clip.json");
        dialogs.paths.add(saved);

        robot.clickOn("#sweep-save");

        assertThat(dialogs.errors).isEmpty();
        assertThat(dialogs.asked).containsExactly("Save sweep file clip.json");
        Sweep sweep = SweepFile.read(saved);
        assertThat(sweep.name()).isEqualTo("clip");
        assertThat(sweep.base().arch()).isEqualTo("bnn-small");
        assertThat(sweep.points()).extracting(p -> p.valueTexts().get("clip"))
                .containsExactly("0.5", "1", "1.3", "2");

        Path file = Files.writeString(home.resolve("lr.json"), "{\"name\": \"lr\", \"base\": {\"arch\": \"bnn-small\","
                + " \"epochs\": 2, \"params\": {\"growthRate\": 32}}, \"grid\": {\"estimator\": [\"ste\", \"approx\"]},"
                + " \"random\": {\"samples\": 3, \"seconds\": 600, \"seed\": 7, \"space\": {\"lr\": {\"min\": 0.0001,"
                + " \"max\": 0.01, \"log\": true}}}, \"parallel\": 2}");
        dialogs.paths.add(file);

        robot.clickOn("#sweep-open");

        assertThat(((TextField) node("#sweep-name")).getText()).isEqualTo("lr");
        assertThat(text("#sweep-base")).contains("bnn-small {growthRate=32}").contains("epochs 2")
                .contains("(from lr.json)");
        assertThat(((ComboBox<?>) node("#sweep-param-0")).getValue()).isEqualTo("estimator");
        assertThat(((TextField) node("#sweep-values-0")).getText()).isEqualTo("ste, approx");
        assertThat(((ComboBox<?>) node("#sweep-param-1")).getValue()).isEqualTo("lr");
        assertThat(((ComboBox<?>) node("#sweep-kind-1")).getValue()).isEqualTo(SweepForm.Kind.RANGE);
        assertThat(((TextField) node("#sweep-values-1")).getText()).isEqualTo("0.0001..0.01");
        assertThat(((CheckBox) node("#sweep-log-1")).isSelected()).isTrue();
        assertThat(((TextField) node("#sweep-samples")).getText()).isEqualTo("3");
        assertThat(((TextField) node("#sweep-seconds")).getText()).isEqualTo("600");
        assertThat(text("#sweep-points")).isEqualTo("6 points, 2 at a time");
        assertThat(SweepFile.parse(view().form().toJson(), "x").points())
                .isEqualTo(SweepFile.read(file).points());
    }

    @Test
    void aSweepFileWithItsOwnSeedsShowsTheirNumberAndTheList() throws IOException {
        tab("sweeps-tab");
        Path file = Files.writeString(home.resolve("seeds.json"), "{\"name\": \"seeds\", \"base\": {\"arch\": "
                + "\"bnn-small\", \"seed\": 42}, \"grid\": {\"clip\": [1.0, 1.3]}, \"seeds\": [7, 3, 11]}");
        dialogs.paths.add(file);

        robot.clickOn("#sweep-open");

        assertThat(((TextField) node("#sweep-repeats")).getText()).isEqualTo("3");
        assertThat(text("#sweep-seeds")).startsWith("The sweep file's seeds: 7, 3, 11");
        assertThat(text("#sweep-points")).isEqualTo("6 points: 2 configurations \u00d7 3 seeds");
        assertThat(SweepFile.parse(view().form().toJson(), "x").trainingSeeds()).containsExactly(7L, 3L, 11L);

        type("#sweep-repeats", "2");
        assertThat(text("#sweep-seeds")).isEqualTo("Seeds 42, 43");
        assertThat(text("#sweep-points")).isEqualTo("4 points: 2 configurations \u00d7 2 seeds");
    }

    @Test
    void aWrongValueSaysWhichFieldIsWrongAndRunWaits() {
        tab("sweeps-tab");
        type("#sweep-values-0", "1.0, -2");

        assertThat(text("#sweep-problem")).isEqualTo("grid.clip[1]: expects a positive number, got '-2'");
        assertThat(((Button) node("#sweep-run")).isDisabled()).isTrue();
        assertThat(((Button) node("#sweep-save")).isDisabled()).isTrue();

        type("#sweep-values-0", "1.0, 2");
        assertThat(node("#sweep-problem").isVisible()).isFalse();
        assertThat(((Button) node("#sweep-run")).isDisabled()).isFalse();
    }

    @Test
    void aSweepWithTwoSeedsPerConfigurationShowsEachConfigurationsMeanIntervalAndTheVerdict() throws IOException {
        prepareATinySweep("1.0, 1.3");
        type("#sweep-repeats", "2");
        assertThat(text("#sweep-points")).isEqualTo("4 points: 2 configurations \u00d7 2 seeds");
        assertThat(text("#sweep-seeds")).startsWith("Seeds 42, 43");
        Path folder = home.resolve("sweeps").resolve("clip");

        robot.clickOn("#sweep-run");
        waitFor(10, () -> !view().model().tasks().isEmpty(), "the points' progress");
        var titles = new ArrayList<String>();
        robot.interact(() -> view().model().tasks().forEach(t -> titles.add(t.getTitle())));
        assertThat(titles).allMatch(t -> t.matches("Point [1-4] of 4: clip=1(\\.3)?, seed 4[23]"), "titles")
                .contains("Point 4 of 4: clip=1.3, seed 43");
        waitFor(120, () -> !view().model().isRunning(), "the sweep to end");

        // every run: its seed, and its accuracy with the binomial standard error of its 128 test images
        List<ResultRow> rows = view().table().getItems();
        assertThat(rows).extracting(r -> r.entry().seed()).containsExactly(42L, 42L, 43L, 43L);
        assertThat(rows).extracting(r -> r.point().get("clip")).containsExactly(1.0, 1.3, 1.0, 1.3);
        for (int i = 0; i < rows.size(); i++) {
            double p = rows.get(i).testTop1();
            assertThat(cell(view().table(), i, "test top-1 \u00b1 SE")).isEqualTo(String.format(Locale.ROOT,
                    "%.2f%% \u00b1 %.2f", 100 * p, 100 * Math.sqrt(p * (1 - p) / 128)));
            assertThat(cell(view().table(), i, "seed")).isEqualTo(Long.toString(rows.get(i).entry().seed()));
        }

        // the configurations, each over both seeds, and the verdict as the journal's runs give them
        waitFor(10, () -> view().configurations().getItems().size() == 2
                && view().configurations().getItems().stream().allMatch(c -> c.stats().n() == 2), "both means");
        ConfigurationTable table = view().configurations();
        for (int i = 0; i < 2; i++) {
            assertThat(table.text(i, "n")).isEqualTo("2");
            assertThat(table.text(i, "95% CI")).matches("\\d+\\.\\d\\d to \\d+\\.\\d\\d%");
        }
        List<JournalEntry> journal = new ArrayList<>(SweepJournal.read(folder.resolve("journal.jsonl")).entries()
                .values());
        journal.sort(java.util.Comparator.comparingInt(JournalEntry::index));
        SweepSummary summary = SweepSummary.of(List.of("clip"), journal);
        for (int i = 0; i < 2; i++) {
            SampleSummary expected = summary.configurations().get(i).summary();
            assertThat(table.text(i, "clip")).isEqualTo(i == 0 ? "1" : "1.3");
            assertThat(table.text(i, "mean top-1")).isEqualTo(String.format(Locale.ROOT, "%.2f%%",
                    100 * expected.mean()));
            assertThat(table.text(i, "95% CI")).isEqualTo(String.format(Locale.ROOT, "%.2f to %.2f%%",
                    100 * expected.interval().low(), 100 * expected.interval().high()));
        }
        String verdict = summary.ranking().verdict();
        assertThat(text("#sweep-verdict")).isEqualToIgnoringCase(verdict);
        if (summary.ranking().hasClearBest()) {
            String best = summary.ranking().best().label();
            assertThat(text("#sweep-verdict")).startsWith("Best: " + best);
            assertThat(rows).filteredOn(ResultRow::best).hasSize(2).allMatch(r -> summary.isOfBest(r.entry()));
            assertThat(table.getItems()).filteredOn(ConfigurationTable.Row::best).singleElement()
                    .satisfies(r -> assertThat(r.stats().label()).isEqualTo(best));
        } else {
            assertThat(text("#sweep-verdict")).startsWith("No clear best at n = 2: ");
            assertThat(rows).noneMatch(ResultRow::best);
            assertThat(table.getItems()).noneMatch(ConfigurationTable.Row::best);
        }

        // the chart: an error bar per configuration around its mean, a dot per run at its accuracy
        JFreeChart chart = view().accuracyChart();
        var bars = (IntervalXYDataset) chart.getXYPlot().getDataset(0);
        assertThat(bars.getSeriesCount()).isEqualTo(1);
        assertThat(bars.getItemCount(0)).isEqualTo(2);
        for (int i = 0; i < 2; i++) {
            SampleSummary expected = summary.configurations().get(i).summary();
            assertThat(bars.getXValue(0, i)).isEqualTo(i == 0 ? 1.0 : 1.3);
            assertThat(bars.getYValue(0, i)).isCloseTo(100 * expected.mean(), within(1e-9));
            assertThat(bars.getStartYValue(0, i)).isCloseTo(100 * expected.interval().low(), within(1e-9));
            assertThat(bars.getEndYValue(0, i)).isCloseTo(100 * expected.interval().high(), within(1e-9));
        }
        assertThat(dots(chart)).containsExactlyInAnyOrderElementsOf(journal.stream().map(e -> 100 * e.testTop1())
                .toList());
        // and a value axis no narrower than eight test-set standard errors
        double se = journal.stream().mapToDouble(e -> 100 * Math.sqrt(e.testTop1() * (1 - e.testTop1()) / 128))
                .average().orElseThrow();
        assertThat(chart.getXYPlot().getRangeAxis().getRange().getLength()).isGreaterThanOrEqualTo(8 * se - 1e-9);
    }

    @Test
    void repeatsOfZeroAreRefusedInTheFormAndRunWaits() {
        tab("sweeps-tab");
        type("#sweep-repeats", "0");

        assertThat(text("#sweep-problem")).isEqualTo("repeats: expects a positive integer, got 0");
        assertThat(node("#sweep-repeats").getPseudoClassStates()).extracting(Object::toString).contains("invalid");
        assertThat(((Button) node("#sweep-run")).isDisabled()).isTrue();
        assertThat(((Button) node("#sweep-save")).isDisabled()).isTrue();

        type("#sweep-repeats", "1001");
        assertThat(text("#sweep-problem")).isEqualTo("repeats: expects at most 1000 seeds per configuration, got 1001");
        assertThat(((Button) node("#sweep-run")).isDisabled()).isTrue();

        type("#sweep-repeats", "3");
        assertThat(node("#sweep-problem").isVisible()).isFalse();
        assertThat(node("#sweep-repeats").getPseudoClassStates()).extracting(Object::toString)
                .doesNotContain("invalid");
        assertThat(text("#sweep-points")).isEqualTo("12 points: 4 configurations \u00d7 3 seeds");
        assertThat(text("#sweep-seeds")).isEqualTo("Seeds 42, 43, 44");
        assertThat(((Button) node("#sweep-run")).isDisabled()).isFalse();
    }

    /** The accuracies (in percent) of the dots of single runs: the chart's second dataset. */
    private static List<Double> dots(JFreeChart chart) {
        XYDataset dots = chart.getXYPlot().getDataset(1);
        var values = new ArrayList<Double>();
        for (int s = 0; s < dots.getSeriesCount(); s++) {
            for (int i = 0; i < dots.getItemCount(s); i++) {
                values.add(dots.getYValue(s, i));
            }
        }
        return values;
    }

    /** A cell's text, by the column's title. */
    private static String cell(javafx.scene.control.TableView<ResultRow> table, int row, String title) {
        return table.getColumns().stream().filter(c -> c.getText().equals(title)).findFirst().orElseThrow()
                .getCellObservableValue(row).getValue().toString();
    }

    // ---- the files of a sweep without what differs between two runs of it (times) ----------------

    private static List<String> csvWithoutTimes(Path folder) throws IOException {
        List<String> lines = Files.readAllLines(folder.resolve("results.csv"));
        int wall = List.of(lines.get(0).split(",")).indexOf("wallSeconds");
        var kept = new ArrayList<String>();
        for (String line : lines) {
            var cells = new ArrayList<>(List.of(line.split(",", -1)));
            cells.remove(wall);
            kept.add(String.join(",", cells));
        }
        return kept;
    }

    private static TreeMap<String, JsonNode> journalWithoutTimes(Path folder) throws IOException {
        var entries = new TreeMap<String, JsonNode>();
        for (String line : Files.readAllLines(folder.resolve("journal.jsonl"))) {
            ObjectNode entry = (ObjectNode) JSON.readTree(line);
            entry.remove(List.of("wallSeconds", "finishedAt"));
            entries.put(entry.get("id").asText(), entry);
        }
        return entries;
    }

    private static JsonNode recordWithoutTimes(Path folder, String id) throws IOException {
        ObjectNode record = (ObjectNode) JSON.readTree(folder.resolve("runs").resolve(id).resolve("run.json")
                .toFile());
        record.remove(List.of("wallSeconds", "imagesPerSecond", "startedAt", "finishedAt"));
        for (JsonNode epoch : (ArrayNode) record.get("history")) {
            ((ObjectNode) epoch).remove(List.of("seconds", "imagesPerSecond"));
        }
        return record;
    }
}
