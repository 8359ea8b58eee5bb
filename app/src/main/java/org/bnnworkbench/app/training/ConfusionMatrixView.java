package org.bnnworkbench.app.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The confusion matrix of a run's final evaluation as a heat map: a row per true class (named), a column per
 * predicted class, each cell the count shaded by its share of the row (blue on the diagonal, red off it), and each
 * class's accuracy at the end of its row. With a twin, a choice shows either run.
 */
final class ConfusionMatrixView extends VBox {

    private record Matrix(int[][] counts, List<String> classes) {
    }

    private final Map<String, Matrix> matrices = new LinkedHashMap<>();
    private final ComboBox<String> which = new ComboBox<>();
    private final GridPane grid = new GridPane();
    private final Label empty = new Label("The confusion matrix of the test images and each class's accuracy "
            + "appear when a run ends.");

    ConfusionMatrixView() {
        setId("confusion-matrix");
        getStyleClass().add("confusion-matrix");
        var title = new Label("Confusion matrix");
        title.getStyleClass().add("chart-title");
        title.setTooltip(new Tooltip("Of the test images, after the last epoch. Rows: the true class; columns: the"
                + " predicted one (hover a number for its class); last column: the class's accuracy"));
        which.setId("confusion-run");
        which.setPrefWidth(90);
        which.setVisible(false);
        which.setManaged(false);
        which.valueProperty().addListener((obs, old, key) -> draw());
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var top = new HBox(6, title, spacer, which);
        top.setAlignment(Pos.CENTER_LEFT);
        empty.setWrapText(true);
        empty.getStyleClass().add("pane-note");
        grid.getStyleClass().add("confusion-grid");
        grid.setHgap(1);
        grid.setVgap(1);
        getChildren().addAll(top, empty);
        setSpacing(4);
    }

    void clear() {
        matrices.clear();
        which.getItems().clear();
        which.setVisible(false);
        which.setManaged(false);
        getChildren().set(1, empty);
    }

    /** Shows a run's matrix (rows: true class, columns: predicted). */
    void show(String run, int[][] counts, List<String> classes) {
        matrices.put(run, new Matrix(counts, classes));
        String shown = which.getValue();
        which.getItems().setAll(matrices.keySet());
        boolean several = matrices.size() > 1;
        which.setVisible(several);
        which.setManaged(several);
        // the first run to end (the binary one) stays shown; the list switches to the other
        which.setValue(shown != null && matrices.containsKey(shown) ? shown : run);
        draw();
    }

    /** The shown matrix's per-class accuracies, for tests. */
    int rows() {
        Matrix m = matrices.get(which.getValue());
        return m == null ? 0 : m.counts().length;
    }

    private void draw() {
        Matrix m = matrices.get(which.getValue());
        if (m == null) {
            return;
        }
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        int n = m.counts().length;
        var nameColumn = new ColumnConstraints();
        nameColumn.setHalignment(HPos.RIGHT);
        nameColumn.setMinWidth(Region.USE_PREF_SIZE);
        grid.getColumnConstraints().add(nameColumn);
        for (int j = 0; j < n; j++) {
            var c = new ColumnConstraints(14, 22, 40);
            c.setHgrow(Priority.SOMETIMES);
            c.setHalignment(HPos.CENTER);
            grid.getColumnConstraints().add(c);
        }
        var accuracyColumn = new ColumnConstraints();
        accuracyColumn.setMinWidth(Region.USE_PREF_SIZE);
        accuracyColumn.setHalignment(HPos.RIGHT);
        grid.getColumnConstraints().add(accuracyColumn);
        grid.add(small("true \\ pred."), 0, 0);
        for (int j = 0; j < n; j++) {
            Label head = small(Integer.toString(j));
            head.setTooltip(new Tooltip("predicted " + name(m, j)));
            grid.add(head, j + 1, 0);
        }
        grid.add(small("acc."), n + 1, 0);
        for (int i = 0; i < n; i++) {
            int total = 0;
            for (int c : m.counts()[i]) {
                total += c;
            }
            Label rowName = small(name(m, i));
            rowName.setTooltip(new Tooltip("class " + i + ": " + name(m, i)));
            grid.add(rowName, 0, i + 1);
            for (int j = 0; j < n; j++) {
                int count = m.counts()[i][j];
                double share = total == 0 ? 0 : (double) count / total;
                grid.add(cell(count, share, i == j, name(m, i), name(m, j)), j + 1, i + 1);
            }
            double accuracy = total == 0 ? 0 : (double) m.counts()[i][i] / total;
            Label acc = small(String.format(Locale.ROOT, "%.0f%%", 100 * accuracy));
            acc.setId("class-accuracy-" + i);
            acc.getStyleClass().add("class-accuracy");
            grid.add(acc, n + 1, i + 1);
        }
        getChildren().set(1, grid);
    }

    private static String name(Matrix m, int i) {
        return i < m.classes().size() ? m.classes().get(i) : "class " + i;
    }

    private static Label small(String text) {
        var l = new Label(text);
        l.getStyleClass().add("confusion-label");
        return l;
    }

    private static Label cell(int count, double share, boolean diagonal, String truth, String predicted) {
        var l = new Label(count == 0 ? "" : Integer.toString(count));
        l.getStyleClass().add("confusion-cell");
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMinWidth(0);
        l.setTextOverrun(javafx.scene.control.OverrunStyle.CLIP);
        l.setAlignment(Pos.CENTER);
        // shade by the share of the row: light for a few, strong for most
        double t = Math.min(1, Math.sqrt(share));
        int r = diagonal ? mix(255, 31, t) : mix(255, 211, t);
        int g = diagonal ? mix(255, 111, t) : mix(255, 60, t);
        int b = diagonal ? mix(255, 209, t) : mix(255, 46, t);
        l.setStyle(String.format(Locale.ROOT, "-fx-background-color: rgb(%d,%d,%d); -fx-text-fill: %s;", r, g, b,
                t > 0.55 ? "white" : "#333"));
        l.setTooltip(new Tooltip(String.format(Locale.ROOT, "%d %s taken for %s (%.0f%% of the %s images)", count,
                truth, predicted, 100 * share, truth)));
        return l;
    }

    private static int mix(int from, int to, double t) {
        return (int) Math.round(from + (to - from) * t);
    }
}
