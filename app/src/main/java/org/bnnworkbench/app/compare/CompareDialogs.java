package org.bnnworkbench.app.compare;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.bnnworkbench.app.designer.DesignerActions;

/** What the Compare tab asks the user; tests answer instead. */
public interface CompareDialogs {

    /** A file to write, by one of the extensions (without dot); the answer's extension picks the format. */
    Optional<Path> saveFile(Path folder, String suggestedName, List<String> extensions);

    /** A run or sweep folder to add to the lists. */
    Optional<Path> chooseFolder(Path folder);

    void error(String title, String message);

    /** The app's own dialogs: the designer's file dialogs and error box, and a folder chooser. */
    static CompareDialogs standard(DesignerActions.Dialogs dialogs, Window owner) {
        return new CompareDialogs() {
            @Override
            public Optional<Path> saveFile(Path folder, String suggestedName, List<String> extensions) {
                String extension = extensions.get(0);
                return dialogs.saveFile(folder, suggestedName, extension);
            }

            @Override
            public Optional<Path> chooseFolder(Path folder) {
                var chooser = new DirectoryChooser();
                chooser.setTitle("Add a run or sweep folder");
                if (Files.isDirectory(folder)) {
                    chooser.setInitialDirectory(folder.toFile());
                }
                return Optional.ofNullable(chooser.showDialog(owner)).map(java.io.File::toPath);
            }

            @Override
            public void error(String title, String message) {
                dialogs.error(title, message);
            }
        };
    }
}
