package org.bnnworkbench.app;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.bnnworkbench.app.errors.AppLog;
import org.bnnworkbench.app.errors.UncaughtErrorHandler;

/** The BNN Workbench desktop application: one main window, sized for a 1280x800 screen. */
public final class BnnWorkbenchApp extends Application {

    static final String TITLE = MainWindow.TITLE;

    @Override
    public void start(Stage stage) {
        Path logFile = AppLog.install(AppLog.defaultFile());
        UncaughtErrorHandler errors = UncaughtErrorHandler.install(logFile);
        try {
            new MainWindow(AppInfo.load(), logFile, Setup.standard(), Platform::exit).showIn(stage);
        } catch (RuntimeException | Error e) {
            // Without a main window there is nothing to keep running: say why, then quit.
            errors.reportStartupFailure(e);
            Platform.exit();
        }
    }
}
