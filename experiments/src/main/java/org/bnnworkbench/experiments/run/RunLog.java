package org.bnnworkbench.experiments.run;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.bnnworkbench.engine.train.TrainingEvent;
import org.bnnworkbench.engine.train.TrainingListener;

/**
 * A run's {@code run.log}: the progress lines {@code bnn train} prints (about ten per epoch and one per epoch with its
 * metrics), between a line when training starts and a line with how it ended, each of those two with the time. A
 * resumed run appends to it. Best effort: a log that cannot be written does not stop the run (its record can).
 */
final class RunLog implements TrainingListener {

    private final Path file;
    private final String title;
    private PrintStream out;
    private ProgressPrinter printer;

    RunLog(Path file, String title) {
        this.file = file;
        this.title = title;
    }

    @Override
    public synchronized void onEvent(TrainingEvent event) {
        if (event instanceof TrainingEvent.Started) {
            open();
            line("started: " + title);
        }
        if (printer != null) {
            printer.onEvent(event);
        }
        if (event instanceof TrainingEvent.Finished f) {
            line(f.result().status().name().toLowerCase(java.util.Locale.ROOT) + ": " + f.result().message());
            close();
        }
    }

    /** A line with the time, e.g. why the run failed. */
    synchronized void line(String text) {
        if (out != null) {
            out.println(Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + text);
            out.flush();
        }
    }

    synchronized void close() {
        if (out != null) {
            out.close();
            out = null;
            printer = null;
        }
    }

    private void open() {
        close();
        try {
            out = new PrintStream(new FileOutputStream(file.toFile(), true), true, StandardCharsets.UTF_8);
            printer = new ProgressPrinter(out, false);
        } catch (IOException e) {
            out = null;
        }
    }
}
