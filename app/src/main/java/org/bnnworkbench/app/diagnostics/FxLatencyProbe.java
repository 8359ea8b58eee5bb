package org.bnnworkbench.app.diagnostics;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;

/**
 * Measures how long the FX thread keeps the application waiting: every {@code periodMillis} a
 * background thread posts a task with {@link Platform#runLater} and records how late it runs. A
 * long computation on the FX thread shows up as a large delay. Used by the debug overlay
 * (View > FX Latency Overlay) and by the UI measurement harness.
 *
 * <p>Where the JVM can tell, it also records how much CPU time the FX thread and the renderer
 * thread (JavaFX paints on "QuantumRenderer-0"; the FX thread waits for it before the next pulse)
 * spent while a task waited. On a machine busy with other work the delay also counts time these
 * threads spent waiting for a processor; the CPU time is the part the application's own work is
 * responsible for.
 */
public final class FxLatencyProbe {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long periodMillis;
    private final AtomicLong maxNanos = new AtomicLong();
    private final AtomicLong maxCpuNanos = new AtomicLong(-1);
    private final AtomicLong lastNanos = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();
    private volatile long fxThreadId = -1;
    private long rendererThreadId = -1;
    private volatile boolean running;
    private Thread thread;

    public FxLatencyProbe(long periodMillis) {
        this.periodMillis = periodMillis;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "fx-latency-probe");
        thread.setDaemon(true);
        thread.start();
    }

    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private static long rendererThread() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("QuantumRenderer")) {
                return t.getId();
            }
        }
        return -1;
    }

    /** CPU time of the renderer so far, 0 when there is none to ask about. */
    private long rendererCpu() {
        long v = rendererThreadId >= 0 ? THREADS.getThreadCpuTime(rendererThreadId) : 0;
        return Math.max(0, v);
    }

    private void loop() {
        boolean cpu = THREADS.isThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
        rendererThreadId = cpu ? rendererThread() : -1;
        while (running) {
            long id = fxThreadId;
            long fxBefore = cpu && id >= 0 ? THREADS.getThreadCpuTime(id) : -1;
            long renderBefore = rendererCpu();
            long cpuBefore = fxBefore < 0 ? -1 : fxBefore + renderBefore;
            long posted = System.nanoTime();
            CountDownLatch done = new CountDownLatch(1);
            Platform.runLater(() -> {
                long delay = System.nanoTime() - posted;
                lastNanos.set(delay);
                maxNanos.accumulateAndGet(delay, Math::max);
                if (cpuBefore >= 0) {
                    long used = THREADS.getCurrentThreadCpuTime() + rendererCpu() - cpuBefore;
                    maxCpuNanos.accumulateAndGet(used, Math::max);
                }
                fxThreadId = Thread.currentThread().getId();
                samples.incrementAndGet();
                done.countDown();
            });
            try {
                done.await();
                Thread.sleep(periodMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The longest delay of a posted task since the last reset. */
    public double maxMillis() {
        return maxNanos.get() / 1e6;
    }

    /** The most CPU time the FX and renderer threads spent while one posted task waited, or -1 if unknown. */
    public double maxCpuMillis() {
        long v = maxCpuNanos.get();
        return v < 0 ? -1 : v / 1e6;
    }

    public double lastMillis() {
        return lastNanos.get() / 1e6;
    }

    public long samples() {
        return samples.get();
    }

    public void reset() {
        maxNanos.set(0);
        maxCpuNanos.set(-1);
        samples.set(0);
    }
}
