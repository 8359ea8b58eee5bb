package org.bnnworkbench.app.designer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.bnnworkbench.app.diagnostics.FxLatencyProbe;

/**
 * With {@code -Dbnn.fxLatency=report}, every designer UI test runs with an {@link FxLatencyProbe}
 * (10 ms period) and reports the longest time the FX thread kept a task waiting during the test:
 * printed, and appended to target/fx-latency.md. Nothing is asserted: wall time is measured in
 * the measurement run, never checked in a unit test. Without the property this does nothing.
 */
final class LatencyReport {

    static final boolean ENABLED = "report".equals(System.getProperty("bnn.fxLatency"));
    private static final Path FILE = Path.of("target", "fx-latency.md");

    private final FxLatencyProbe probe = new FxLatencyProbe(10);

    void start() {
        if (ENABLED) {
            probe.reset();
            probe.start();
        }
    }

    void stop(String scenario) {
        if (ENABLED) {
            probe.stop();
            record(scenario, probe.maxMillis(), probe.maxCpuMillis(), probe.samples());
        }
    }

    static void record(String scenario, double maxMillis, double maxCpuMillis, long samples) {
        String line = String.format(Locale.ROOT, "| %s | %.0f ms | %.0f ms | %d |%n", scenario, maxMillis, maxCpuMillis,
                samples);
        System.out.print("FX latency " + line);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.out.println("cannot write " + FILE + ": " + e);
        }
    }
}
