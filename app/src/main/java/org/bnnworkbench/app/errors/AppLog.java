package org.bnnworkbench.app.errors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The application's log file, {@code ~/.bnn-workbench/logs/app.log}. Everything logged through
 * {@code java.util.logging} (ours and JavaFX's) goes there as well as to the console.
 */
public final class AppLog {

    /** Overrides {@code ~/.bnn-workbench}; the tests point it into target/. */
    public static final String HOME_PROPERTY = "bnn.workbench.home";

    /** A longer log is moved to app.log.1 at start, so the file cannot grow without bound. */
    private static final long MAX_BYTES = 5L * 1024 * 1024;

    private static Path installed;

    private AppLog() {
    }

    public static Path defaultFile() {
        String home = System.getProperty(HOME_PROPERTY);
        Path base = home != null ? Path.of(home) : Path.of(System.getProperty("user.home"), ".bnn-workbench");
        return base.resolve("logs").resolve("app.log");
    }

    /**
     * Sends the root logger's records to {@code file} too. Safe to call again (the tests start the app several
     * times in one JVM). A log that cannot be written is reported on the console and does not stop the app.
     *
     * @return the file being written
     */
    public static synchronized Path install(Path file) {
        if (installed != null) {
            return installed;
        }
        try {
            Files.createDirectories(file.getParent());
            if (Files.isRegularFile(file) && Files.size(file) > MAX_BYTES) {
                Files.move(file, file.resolveSibling(file.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
            // FileHandler reads its argument as a pattern in which '%' is special.
            var handler = new FileHandler(file.toString().replace("%", "%%"), true);
            handler.setFormatter(new LogLineFormatter());
            handler.setLevel(Level.INFO);
            Logger.getLogger("").addHandler(handler);
            installed = file;
        } catch (IOException | RuntimeException e) {
            System.err.println("bnn-workbench: cannot write the log file " + file + ": " + e);
        }
        return file;
    }
}
