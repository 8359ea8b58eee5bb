package org.bnnworkbench.app;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.bnnworkbench.app.errors.AppLog;
import org.bnnworkbench.app.errors.UncaughtErrorHandler;

/** The BNN Workbench desktop application: one main window, sized for a 1280x800 screen. */
public final class BnnWorkbenchApp extends Application {

    static final String TITLE = "BNN Workbench";
    private static final double WIDTH = 1280;
    private static final double HEIGHT = 800;

    @Override
    public void start(Stage stage) {
        Path logFile = AppLog.install(AppLog.defaultFile());
        UncaughtErrorHandler errors = UncaughtErrorHandler.install(logFile);
        try {
            AppInfo info = AppInfo.load();
            var window = new MainWindow(info, logFile, Platform::exit);
            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            var scene = new Scene(window.root(), Math.min(WIDTH, screen.getWidth()), Math.min(HEIGHT, screen.getHeight()));
            scene.getStylesheets().add(BnnWorkbenchApp.class.getResource("workbench.css").toExternalForm());
            stage.setTitle(TITLE);
            stage.setScene(scene);
            stage.setMinWidth(800);
            stage.setMinHeight(500);
            stage.setOnCloseRequest(e -> {
                if (!window.confirmClose()) {
                    e.consume();
                }
            });
            stage.show();
            window.attach(stage);
        } catch (RuntimeException | Error e) {
            // Without a main window there is nothing to keep running: say why, then quit.
            errors.reportStartupFailure(e);
            Platform.exit();
        }
    }
}
