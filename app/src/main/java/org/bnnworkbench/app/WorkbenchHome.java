package org.bnnworkbench.app;

import java.nio.file.Path;
import org.bnnworkbench.app.errors.AppLog;

/** The folder for the app's own files: {@code ~/.bnn-workbench}, or {@code -Dbnn.workbench.home}. */
public final class WorkbenchHome {

    private WorkbenchHome() {
    }

    public static Path folder() {
        String home = System.getProperty(AppLog.HOME_PROPERTY);
        return home != null ? Path.of(home) : Path.of(System.getProperty("user.home"), ".bnn-workbench");
    }
}
