package org.bnnworkbench.app.designer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.bnnworkbench.app.diagnostics.FxLatencyProbe;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Measures the designer on MeliusNet59 (113 blocks, 500+ layers): how long opening the template
 * takes until every block is on the canvas and the analysis is published, how smooth dragging a
 * block is (pulse intervals, mouse-handler time), and the longest FX-thread stall (FxLatencyProbe,
 * 10 ms period) in each scenario. Prints the figures and writes them to
 * target/designer-performance.md; asserts nothing about time. Not part of the default test run
 * (tag {@code measure}); see docs/user-guide.md for the command.
 */
@Tag("measure")
class DesignerPerformanceMeasurement extends DesignerUiTest {

    private static final Path REPORT = Path.of("target", "designer-performance.md");
    private final StringBuilder out = new StringBuilder();

    private void line(String format, Object... args) {
        String s = String.format(Locale.ROOT, format, args);
        System.out.println("MEASURE " + s);
        out.append(s).append('\n');
    }

    @Test
    void meliusNet59OpenDragAndLatency() throws Exception {
        line("## Designer on %s (%s, Java %s, %d cores, load average %.1f at the start)", System.getProperty("glass.platform", "gtk"),
                System.getProperty("prism.order", "default pipeline"), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        line("");
        line("FX latency: the longest delay of a task posted to the FX thread every 10 ms (FxLatencyProbe); in brackets the"
                + " CPU time the FX thread and the renderer thread used during that wait (the rest is waiting for a processor, other programs share the 2 cores).");
        line("");
        line("### Opening a template (File > Open Template..., Enter pressed until all blocks shown, analysis published and one frame drawn)");
        line("");
        line("| template | run | blocks | open time | max FX latency (FX+render CPU) |");
        line("| --- | --- | --- | --- | --- |");
        openTimed("meliusnet22", "cold");
        for (int run = 1; run <= 5; run++) {
            openTimed("bnn-small", null);
            openTimed("meliusnet59", run == 1 ? "first" : Integer.toString(run));
        }
        line("");
        dragTimed("s3b12-dense", 2.0);
        line("");
        line("### Other scenarios on MeliusNet59");
        line("");
        line("| scenario | wall time (robot included) | max FX latency (FX+render CPU) |");
        line("| --- | --- | --- |");
        scenario("Edit > Collapse All Stages", () -> menu("Edit", "Collapse All Stages"));
        scenario("Edit > Expand All Stages", () -> menu("Edit", "Expand All Stages"));
        scenario("family parameter blocks=6,12,24,13 (rebuild)", () -> {
            robot.clickOn(w.canvasPoint(0.02, 0.02)); // empty canvas: nothing selected, the sheet shows the family
            typeParameter("blocks", "6,12,24,13");
        });
        scenario("Ctrl+Z (undo the rebuild)", () -> shortcut(KeyCode.Z));
        scenario("Expand into blocks", () -> robot.clickOn("#expand-family"));
        scenario("drop a DenseBlock on a wire", () -> {
            var wire = robot.lookup("#wire-s2b3-dense-0").query();
            var b = wire.getBoundsInLocal();
            dragFromPalette("dense", wire.localToScreen(b.getCenterX(), b.getCenterY()));
        });
        scenario("Ctrl+A, Ctrl+C, Ctrl+V (paste 114 blocks)", () -> {
            robot.clickOn("#block-t1");
            shortcut(KeyCode.A);
            shortcut(KeyCode.C);
            shortcut(KeyCode.V);
        });
        scenario("Delete the pasted blocks", () -> robot.type(KeyCode.DELETE));
        scenario("View > Auto-layout", () -> menu("View", "Auto-layout"));
        Path file = home.resolve("m59.json");
        Path png = home.resolve("m59.png");
        scenario("File > Save As (json)", () -> {
            dialogs.fileAnswers.add(file);
            shortcut(KeyCode.SHIFT, KeyCode.S);
        });
        scenario("File > Export as PNG (" + "whole design)", () -> {
            dialogs.fileAnswers.add(png);
            menu("File", "Export as PNG\u2026");
            DesignerWindow.waitFor(() -> Files.exists(png), "the picture");
        });
        scenario("File > Open (json)", () -> {
            dialogs.fileAnswers.add(file);
            shortcut(KeyCode.O);
        });
        scenario("autosave (timer, every 300 ms here)", () -> {
            robot.clickOn("#block-t2");
            robot.type(KeyCode.DELETE);
            w.settle();
            DesignerWindow.waitFor(() -> Files.exists(home.resolve("autosave").resolve("design.json")), "the autosave");
        });
        line("");
        line("PNG export: %d bytes; load average at the end %.1f", Files.size(png),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, out.toString());
    }

    /** Opens a template through the menu and the chooser; times Enter to "shown, analysed, drawn". */
    private void openTimed(String template, String label) {
        menu("File", "Open Template\u2026");
        robot.clickOn("#template-filter").write(template);
        WaitForAsyncUtils.waitForFxEvents();
        var probe = new FxLatencyProbe(10);
        AtomicLong shown = new AtomicLong();
        BooleanSupplier done = () -> w.design().spec().name().equals(template)
                && w.canvas().isComplete() && w.canvas().nodeCount() == w.design().blocks().size() + 1
                && w.model().isAnalysisCurrent();
        var timer = new AnimationTimer() {
            private boolean ready;

            @Override
            public void handle(long now) {
                if (ready) {
                    shown.set(System.nanoTime()); // the frame after the one that showed everything
                    stop();
                } else {
                    ready = done.getAsBoolean();
                }
            }
        };
        Platform.runLater(timer::start);
        WaitForAsyncUtils.waitForFxEvents();
        probe.start();
        long t0 = System.nanoTime();
        robot.type(KeyCode.ENTER);
        DesignerWindow.waitFor(() -> shown.get() != 0, template + " on the canvas");
        probe.stop();
        w.settle();
        if (label != null) {
            line("| %s | %s | %d | %.0f ms | %.0f ms (%.0f ms) |", template, label, w.design().blocks().size(),
                    (shown.get() - t0) / 1e6, probe.maxMillis(), probe.maxCpuMillis());
        }
    }

    /** Presses on a block and moves it in small steps for about {@code seconds}; pulse intervals and handler times. */
    private void dragTimed(String blockId, double seconds) throws Exception {
        var node = robot.lookup("#block-" + blockId).query();
        List<Long> pulses = Collections.synchronizedList(new ArrayList<>());
        List<Long> handler = Collections.synchronizedList(new ArrayList<>());
        long[] entered = new long[1];
        var canvas = w.canvas();
        javafx.event.EventHandler<MouseEvent> before = e -> entered[0] = System.nanoTime();
        javafx.event.EventHandler<MouseEvent> after = e -> handler.add(System.nanoTime() - entered[0]);
        var pulseTimer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulses.add(now);
            }
        };
        var probe = new FxLatencyProbe(10);
        WaitForAsyncUtils.asyncFx(() -> {
            canvas.addEventFilter(MouseEvent.MOUSE_DRAGGED, before);
            canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, after);
        }).get();
        Point2D start = node.localToScreen(40, 20);
        robot.moveTo(start);
        robot.press(MouseButton.PRIMARY);
        Platform.runLater(pulseTimer::start);
        probe.start();
        long t0 = System.nanoTime();
        int steps = 0;
        while (System.nanoTime() - t0 < seconds * 1e9) {
            double a = steps * 0.05;
            robot.moveTo(start.add(160 * Math.sin(a), 90 * (1 - Math.cos(a))));
            steps++;
        }
        long elapsed = System.nanoTime() - t0;
        robot.release(MouseButton.PRIMARY);
        probe.stop();
        WaitForAsyncUtils.asyncFx(() -> {
            pulseTimer.stop();
            canvas.removeEventFilter(MouseEvent.MOUSE_DRAGGED, before);
            canvas.removeEventHandler(MouseEvent.MOUSE_DRAGGED, after);
        }).get();
        w.settle();

        List<Double> intervals = new ArrayList<>();
        synchronized (pulses) {
            for (int i = 1; i < pulses.size(); i++) {
                intervals.add((pulses.get(i) - pulses.get(i - 1)) / 1e6);
            }
        }
        List<Double> handlerMs = new ArrayList<>();
        synchronized (handler) {
            handler.forEach(h -> handlerMs.add(h / 1e6));
        }
        line("### Dragging block %s of MeliusNet59 with the robot for %.1f s (%d pointer moves)", blockId, elapsed / 1e9, steps);
        line("");
        line("| measure | count | mean | median | 95th percentile | max |");
        line("| --- | --- | --- | --- | --- | --- |");
        line("| pulse interval (frame to frame) | %d | %.1f ms | %.1f ms | %.1f ms | %.1f ms |", intervals.size(),
                mean(intervals), pct(intervals, 50), pct(intervals, 95), max(intervals));
        line("| canvas drag handler per mouse event | %d | %.2f ms | %.2f ms | %.2f ms | %.2f ms |", handlerMs.size(),
                mean(handlerMs), pct(handlerMs, 50), pct(handlerMs, 95), max(handlerMs));
        line("");
        line("frames per second during the drag: %.1f; pulse intervals over 33 ms: %d; max FX latency (probe): %.0f ms"
                        + " (FX+render CPU %.0f ms); the move was one undoable step: %s", intervals.size() / (elapsed / 1e9),
                intervals.stream().filter(v -> v > 33).count(), probe.maxMillis(), probe.maxCpuMillis(),
                ("Move " + blockId).equals(w.model().undoNameProperty().get()));
    }

    private void scenario(String name, Runnable action) {
        var probe = new FxLatencyProbe(10);
        probe.start();
        long t0 = System.nanoTime();
        action.run();
        w.settle();
        long t1 = System.nanoTime();
        probe.stop();
        line("| %s | %.0f ms | %.0f ms (%.0f ms) |", name, (t1 - t0) / 1e6, probe.maxMillis(), probe.maxCpuMillis());
    }

    private static double mean(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static double max(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    private static double pct(List<Double> v, int p) {
        if (v.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(v);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
