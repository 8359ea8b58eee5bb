package org.bnnworkbench.app;

import javafx.application.Application;
import org.bnnworkbench.engine.kernel.VectorModule;

/**
 * The main class of bnn-workbench.jar. It must not extend {@link Application}: when the main class is an
 * Application and JavaFX sits on the class path (as in a single runnable jar), the Java launcher stops with
 * "JavaFX runtime components are missing" before any of our code runs.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        int code = VectorModule.relaunchIfMissing(Launcher.class, args);
        if (code >= 0) {
            System.exit(code);
        }
        Application.launch(BnnWorkbenchApp.class, args);
    }
}
