package org.bnnworkbench.app.start;

import java.util.List;
import javafx.concurrent.Task;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import org.bnnworkbench.engine.data.CatalogEntry;
import org.bnnworkbench.engine.data.DatasetCatalog;

/**
 * The Start tab: what the tool is, and which data sets it found where.
 */
public final class StartView {

    private static final double TEXT_WIDTH = 780;

    private StartView() {
    }

    public static Node create() {
        var text = new VBox(
                styled(new Label("BNN Workbench"), "title"),
                styled(new Label("Design, train and compare binary neural networks on a laptop."), "lead"),
                heading("Binary neural networks"),
                paragraph("In a binary neural network (BNN) the weights and activations are +1 or \u22121. A dot product"
                        + " of such vectors becomes an XNOR followed by a popcount, and a weight takes one bit instead"
                        + " of 32, so a network can be up to 32 times smaller than its 32-bit counterpart."
                        + " This tool follows the research line of BinaryDenseNet, MeliusNet and BMXNet 2."),
                heading("What the workbench is for"),
                paragraph("Assembling networks from binary blocks, training them on small data sets with a"
                        + " configurable clip threshold, and comparing their accuracy, model size and operations (OPs)"
                        + " with the published tables."),
                paragraph("The Designer tab is where networks are drawn from blocks or opened from the published"
                        + " tables (File > Open Template), with their size and operations counted as you edit."),
                paragraph("The Training tab trains the design open in the Designer on a data set, with every"
                        + " hyperparameter at hand (the clip threshold among them) and live charts; \u201cTrain twin"
                        + " too\u201d trains its full-precision twin as well and shows what binarisation costs."
                        + " Every run is kept: the Runs tab lists, filters, compares, reopens and resumes them."
                        + " The Sweeps tab varies hyperparameters or architecture parameters over a grid or at"
                        + " random, like bnn sweep, and plots what each value gave. The Compare tab puts runs,"
                        + " sweeps and the open design beside the published tables, and File > Export Report"
                        + " writes it all as HTML or PDF."),
                heading("Data sets"),
                paragraph("Default: fashion-mnist-subset, a class-balanced subset of Fashion-MNIST (Zalando, MIT"
                        + " licence: 10,000 training and 2,000 test images) that ships inside the application."),
                datasetStatus(),
                paragraph("The full Fashion-MNIST comes as a Debian package and lands in"
                        + " /usr/share/datasets/fashion-mnist:"),
                styled(new Label("sudo apt-get install dataset-fashion-mnist"), "code"),
                paragraph("MNIST and CIFAR-10 are read from ~/.bnn-workbench/datasets/<name>/ or from a folder"
                        + " you name."));
        text.getStyleClass().add("start-view");
        text.setMaxWidth(TEXT_WIDTH);

        var page = new VBox(text);
        page.getStyleClass().add("start-page");
        var scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.setId("start-view");
        return scroll;
    }

    /** One line per known data set, filled in off the FX thread (the catalogue looks at the disk). */
    private static Node datasetStatus() {
        var box = new VBox(paragraph("Looking for data sets\u2026"));
        box.setId("dataset-status");
        var task = new Task<List<CatalogEntry>>() {
            @Override
            protected List<CatalogEntry> call() {
                return new DatasetCatalog().list();
            }
        };
        task.setOnSucceeded(e -> box.getChildren().setAll(task.getValue().stream()
                .map(entry -> (Node) styled(new Label((entry.found() ? "\u2713 " : "\u2013 ") + entry.name() + ": "
                        + (entry.found() ? entry.location() : "not found")), "code"))
                .toList()));
        task.setOnFailed(e -> box.getChildren().setAll(paragraph("Could not look for data sets: "
                + task.getException().getMessage())));
        Thread thread = new Thread(task, "dataset-status");
        thread.setDaemon(true);
        thread.start();
        return box;
    }

    private static Label heading(String text) {
        return styled(new Label(text), "heading");
    }

    private static Label paragraph(String text) {
        var label = styled(new Label(text), "paragraph");
        label.setWrapText(true);
        return label;
    }

    private static Label styled(Label label, String styleClass) {
        label.getStyleClass().add(styleClass);
        return label;
    }
}
