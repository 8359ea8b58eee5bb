package org.bnnworkbench.app.diagnostics;

import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;

/**
 * Measures how long the FX thread keeps the application waiting: every {@code periodMillis} a
 * background thread posts a task with {@link Platform#runLater} and records how late it runs. A
 * long computation on the FX thread shows up as a large delay. Used by the debug overlay
 * (View > FX latency) and by the UI measurement harness.
 */
public final class FxLatencyProbe {

    private final long periodMillis;
    private final AtomicLong maxNanos = new AtomicLong();
    private final AtomicLong lastNanos = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();
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

    private void loop() {
        while (running) {
            long posted = System.nanoTime();
            java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
            Platform.runLater(() -> {
                long delay = System.nanoTime() - posted;
                lastNanos.set(delay);
                maxNanos.accumulateAndGet(delay, Math::max);
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

    public double maxMillis() {
        return maxNanos.get() / 1e6;
    }

    public double lastMillis() {
        return lastNanos.get() / 1e6;
    }

    public long samples() {
        return samples.get();
    }

    public void reset() {
        maxNanos.set(0);
        samples.set(0);
    }
}
