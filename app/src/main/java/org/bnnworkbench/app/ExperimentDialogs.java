package org.bnnworkbench.app;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The questions the Training, Runs and Sweeps tabs ask: confirmations, folders and files, errors. Injectable (see
 * {@link Setup}) so that tests answer them instead of a person.
 */
public interface ExperimentDialogs {

    /** Asks before something that cannot be undone, e.g. deleting runs; true to go ahead. */
    boolean confirm(String title, String message, String goAhead);

    Optional<Path> chooseFolder(String title, Path initial);

    /** @param extension without the dot, e.g. {@code json} */
    Optional<Path> openFile(String title, Path folder, String extension);

    Optional<Path> saveFile(String title, Path folder, String suggestedName, String extension);

    void error(String title, String message);

    /** The dialogs of the desktop app. */
    static ExperimentDialogs standard(Window owner) {
        return new ExperimentDialogs() {
            @Override
            public boolean confirm(String title, String message, String goAhead) {
                var yes = new ButtonType(goAhead, ButtonBar.ButtonData.OK_DONE);
                var alert = new Alert(Alert.AlertType.CONFIRMATION, message, yes, ButtonType.CANCEL);
                alert.initOwner(owner);
                alert.setHeaderText(title);
                return alert.showAndWait().orElse(ButtonType.CANCEL) == yes;
            }

            @Override
            public Optional<Path> chooseFolder(String title, Path initial) {
                var chooser = new DirectoryChooser();
                chooser.setTitle(title);
                existing(initial).ifPresent(chooser::setInitialDirectory);
                return Optional.ofNullable(chooser.showDialog(owner)).map(File::toPath);
            }

            @Override
            public Optional<Path> openFile(String title, Path folder, String extension) {
                var chooser = chooser(title, folder, extension);
                return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
            }

            @Override
            public Optional<Path> saveFile(String title, Path folder, String suggestedName, String extension) {
                var chooser = chooser(title, folder, extension);
                chooser.setInitialFileName(suggestedName);
                return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
            }

            @Override
            public void error(String title, String message) {
                var alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
                alert.initOwner(owner);
                alert.setHeaderText(title);
                alert.showAndWait();
            }

            private FileChooser chooser(String title, Path folder, String extension) {
                var chooser = new FileChooser();
                chooser.setTitle(title);
                existing(folder).ifPresent(chooser::setInitialDirectory);
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                        extension.toUpperCase(java.util.Locale.ROOT) + " files", "*." + extension));
                return chooser;
            }

            /** The folder itself or its nearest existing parent: a chooser refuses a folder that does not exist. */
            private Optional<File> existing(Path folder) {
                Path p = folder == null ? null : folder.toAbsolutePath();
                while (p != null && !Files.isDirectory(p)) {
                    p = p.getParent();
                }
                return Optional.ofNullable(p).map(Path::toFile);
            }
        };
    }

    /** For windows that never train (the designer's tests): any question is a mistake, said loudly. */
    static ExperimentDialogs none() {
        return new ExperimentDialogs() {
            @Override
            public boolean confirm(String title, String message, String goAhead) {
                throw unexpected(title);
            }

            @Override
            public Optional<Path> chooseFolder(String title, Path initial) {
                throw unexpected(title);
            }

            @Override
            public Optional<Path> openFile(String title, Path folder, String extension) {
                throw unexpected(title);
            }

            @Override
            public Optional<Path> saveFile(String title, Path folder, String suggestedName, String extension) {
                throw unexpected(title);
            }

            @Override
            public void error(String title, String message) {
                throw unexpected(title + ": " + message);
            }

            private IllegalStateException unexpected(String question) {
                return new IllegalStateException("no dialogs were given for the question: " + question);
            }
        };
    }
}
