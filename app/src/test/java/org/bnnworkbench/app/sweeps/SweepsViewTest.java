package org.bnnworkbench.app.sweeps;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.TreeMap;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import org.bnnworkbench.app.WorkbenchUiTest;
import org.bnnworkbench.experiments.cli.BnnCommand;
import org.bnnworkbench.experiments.sweep.Sweep;
import org.bnnworkbench.experiments.sweep.SweepFile;
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
        assertThat(view().table().getItems()).filteredOn(ResultRow::best).hasSize(1);
        assertThat(view().plotted()).containsExactly(2, 2);
        assertThat(view().model().tasks()).isEmpty();
        assertThat(text("#sweep-status")).contains("2 of 2 points have results (2 trained now)").contains("best");

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
