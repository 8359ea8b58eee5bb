package org.bnnworkbench.app.errors;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;

/**
 * Keeps the application alive when code fails: an exception nobody caught, on the FX thread or any other, is
 * written with its stack trace to the log and shown in an alert, and the window stays usable.
 */
public final class UncaughtErrorHandler implements Thread.UncaughtExceptionHandler {

    private static final Logger LOG = Logger.getLogger(UncaughtErrorHandler.class.getName());

    private final Path logFile;
    /** One alert at a time: an error that repeats on every frame must not bury the window in dialogs. */
    private final AtomicBoolean alertShowing = new AtomicBoolean();

    UncaughtErrorHandler(Path logFile) {
        this.logFile = logFile;
    }

    /** Makes a new handler the default for every thread, the FX application thread included. */
    public static UncaughtErrorHandler install(Path logFile) {
        var handler = new UncaughtErrorHandler(logFile);
        Thread.setDefaultUncaughtExceptionHandler(handler);
        return handler;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        LOG.log(Level.SEVERE, "Uncaught error in thread '" + thread.getName() + "'", error);
        try {
            Platform.runLater(() -> showAlert(error, "BNN Workbench is still running, but what you were doing may"
                    + " not have finished."));
        } catch (IllegalStateException toolkitNotRunning) {
            // The window is gone (the app is quitting); the log has it.
        }
    }

    /** For errors while the main window is being built: logs and shows the alert now, on the FX thread. */
    public void reportStartupFailure(Throwable error) {
        LOG.log(Level.SEVERE, "BNN Workbench could not start", error);
        showAlert(error, "BNN Workbench could not open its window and will close.");
    }

    private void showAlert(Throwable error, String consequence) {
        if (!alertShowing.compareAndSet(false, true)) {
            return;
        }
        try {
            alertFor(error, consequence).showAndWait();
        } catch (RuntimeException e) {
            // Never rethrow from here: that would come straight back to this handler.
            LOG.log(Level.WARNING, "Could not show the error alert", e);
        } finally {
            alertShowing.set(false);
        }
    }

    private Alert alertFor(Throwable error, String consequence) {
        var alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle("BNN Workbench: error");
        alert.setHeaderText("Something went wrong");
        alert.setContentText(describe(error) + "\n\n" + consequence + "\nThe details are in " + logFile + ".");
        alert.getDialogPane().setId("error-alert");

        var trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        var details = new TextArea(trace.toString());
        details.setEditable(false);
        details.setPrefRowCount(16);
        alert.getDialogPane().setExpandableContent(details);
        alert.setResizable(true);
        return alert;
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        String name = error.getClass().getSimpleName();
        return message == null || message.isBlank() ? name : name + ": " + message;
    }
}
