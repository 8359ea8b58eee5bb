package org.bnnworkbench.app;

import java.nio.file.Path;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Help &gt; About: the version, the project's licence and the licence of every bundled library. */
final class AboutDialog extends Dialog<ButtonType> {

    AboutDialog(AppInfo info, Path logFile, Window owner) {
        initOwner(owner);
        setTitle("About BNN Workbench");
        setHeaderText("BNN Workbench " + info.version());
        getDialogPane().setId("about-dialog");
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);

        var libraries = new GridPane();
        libraries.getStyleClass().add("library-table");
        int row = 0;
        for (AppInfo.BundledLibrary library : info.libraries()) {
            libraries.addRow(row++, new Label(library.name()), new Label(library.version()), new Label(library.licence()));
        }

        var content = new VBox(10,
                new Label("Design, train and compare binary neural networks."),
                new Label("Licence: Apache-2.0"),
                new Label("Bundled libraries:"),
                libraries,
                new Label("Java " + System.getProperty("java.version")
                        + ", JavaFX " + System.getProperty("javafx.runtime.version", "unknown")),
                new Label("Log file: " + logFile));
        content.getStyleClass().add("about");
        getDialogPane().setContent(content);
    }
}
