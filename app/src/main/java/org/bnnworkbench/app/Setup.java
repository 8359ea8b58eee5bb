package org.bnnworkbench.app;

import java.nio.file.Path;
import java.util.function.Function;
import javafx.stage.Window;
import javafx.util.Duration;
import org.bnnworkbench.app.designer.DesignerActions;

/**
 * What a main window needs from its surroundings: the folder for its own files (recent designs, autosave, the run
 * store in {@code runs/}, sweeps in {@code sweeps/}), the dialogs that ask the user (tests answer them instead), and
 * how often unsaved work is autosaved.
 */
public record Setup(Path home, Function<Window, DesignerActions.Dialogs> dialogs, Duration autosaveEvery,
                    Function<Window, ExperimentDialogs> experimentDialogs) {

    public static final Duration AUTOSAVE_EVERY = Duration.seconds(15);

    /** A window whose training, runs and sweeps tabs ask nothing (for tests of the designer). */
    public Setup(Path home, Function<Window, DesignerActions.Dialogs> dialogs, Duration autosaveEvery) {
        this(home, dialogs, autosaveEvery, owner -> ExperimentDialogs.none());
    }

    /** The desktop app: {@code ~/.bnn-workbench} (or {@code -Dbnn.workbench.home}) and real dialogs. */
    public static Setup standard() {
        return new Setup(WorkbenchHome.folder(), DesignerActions::standardDialogs, AUTOSAVE_EVERY,
                ExperimentDialogs::standard);
    }

    /** The run store of the app: {@code <home>/runs}. */
    public Path runs() {
        return home.resolve("runs");
    }

    /** Where sweeps run unless the user picks another folder: {@code <home>/sweeps}. */
    public Path sweeps() {
        return home.resolve("sweeps");
    }

    /** Network files of designs that were trained as plain blocks: {@code <home>/designs}. */
    public Path designs() {
        return home.resolve("designs");
    }
}
