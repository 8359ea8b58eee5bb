package org.bnnworkbench.app.charts;

import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes background progress on the FX thread at most a few times a second: {@link #request()} may be called from
 * any thread as often as events come (every batch); the publisher then runs once on the FX thread, no sooner than
 * {@code intervalMillis} after its previous run, and picks up everything that happened meanwhile (latest wins for a
 * value, nothing lost for lists it drains). So a fast run cannot flood the FX thread with chart updates.
 */
public final class UpdateThrottle {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "update-throttle");
        t.setDaemon(true);
        return t;
    });

    private final long intervalNanos;
    private final Executor fx;
    private final Runnable publish;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile long lastRun = System.nanoTime() - Long.MAX_VALUE / 2;

    /**
     * @param fx      where {@code publish} runs: {@code Platform::runLater} in the app
     * @param publish reads the latest state and shows it; runs on {@code fx}
     */
    public UpdateThrottle(long intervalMillis, Executor fx, Runnable publish) {
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
        this.fx = fx;
        this.publish = publish;
    }

    /** From any thread: something changed; it will be published within the interval. */
    public void request() {
        if (!scheduled.compareAndSet(false, true)) {
            return;
        }
        long wait = lastRun + intervalNanos - System.nanoTime();
        if (wait <= 0) {
            fx.execute(this::run);
        } else {
            TIMER.schedule(() -> fx.execute(this::run), wait, TimeUnit.NANOSECONDS);
        }
    }

    private void run() {
        // cleared before publishing: a change during publish() schedules the next run
        scheduled.set(false);
        lastRun = System.nanoTime();
        publish.run();
    }
}
