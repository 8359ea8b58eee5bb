package org.bnnworkbench.app;

import java.nio.file.Path;
import java.util.function.Function;
import javafx.stage.Window;
import javafx.util.Duration;
import org.bnnworkbench.app.designer.DesignerActions;

/**
 * What a main window needs from its surroundings: the folder for its own files (recent designs,
 * autosave), the dialogs that ask the user (tests answer them instead), and how often unsaved work
 * is autosaved.
 */
public record Setup(Path home, Function<Window, DesignerActions.Dialogs> dialogs, Duration autosaveEvery) {

    public static final Duration AUTOSAVE_EVERY = Duration.seconds(15);

    /** The desktop app: {@code ~/.bnn-workbench} (or {@code -Dbnn.workbench.home}) and real dialogs. */
    public static Setup standard() {
        return new Setup(WorkbenchHome.folder(), DesignerActions::standardDialogs, AUTOSAVE_EVERY);
    }
}
