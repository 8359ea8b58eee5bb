package org.bnnworkbench.app;

import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;

/**
 * The main window of a UI test, built and shown on the FX thread as the app builds it. Built on the test thread,
 * its views started animations there (the Compare tab's debounce plays while the constructor checks the published
 * rows), which raced JavaFX's pulse loop: now and then an NPE in {@code AbstractPrimaryTimer} on the FX thread, and
 * every later test of that JVM failed waiting for a window that no longer redrew.
 */
public record WindowFixture(MainWindow window, Stage stage) {

    public static WindowFixture open(Path home, Setup setup) throws TimeoutException {
        MainWindow[] made = new MainWindow[1];
        Stage stage = FxToolkit.setupFixture(() -> {
            made[0] = new MainWindow(AppInfo.load(), home.resolve("app.log"), setup, () -> { });
            var s = new Stage();
            made[0].showIn(s);
            s.toFront();
            s.requestFocus();
            return s;
        });
        return new WindowFixture(made[0], stage);
    }
}
