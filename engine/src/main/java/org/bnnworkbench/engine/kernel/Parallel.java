package org.bnnworkbench.engine.kernel;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engine's worker threads. Work is split into a fixed number of contiguous ranges, and each
 * output value is computed by exactly one task in a fixed order, so results do not depend on thread
 * timing: the same seed gives the same numbers run after run.
 *
 * <p>The thread count defaults to the number of cores and can be set with the system property
 * {@code bnn.threads}. Nested calls run inline on the calling thread.
 */
public final class Parallel {

    /** A body over the half-open index range [from, to). */
    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to);
    }

    /** A body for one of a fixed number of parts. */
    @FunctionalInterface
    public interface PartBody {
        void run(int part, int from, int to);
    }

    private static final int THREADS = Math.max(1,
            Integer.getInteger("bnn.threads", Runtime.getRuntime().availableProcessors()));
    private static final ThreadLocal<Boolean> INSIDE = ThreadLocal.withInitial(() -> false);
    /**
     * How long an idle worker, and a caller waiting for the workers, keep polling before they park. Waking a parked
     * thread took about 50 microseconds here, a third of a 0.15 ms binary GEMM, so a kernel called many times in a
     * row (every layer of a training step) finds the workers still awake. {@code -Dbnn.spinNanos=0} parks at once
     * (for comparisons: over five alternating bench runs the float GEMM did not change beyond its run-to-run spread,
     * the binary GEMM on two threads gained 10-40%).
     */
    static final long SPIN_NANOS = Long.getLong("bnn.spinNanos", 50_000L);
    private static final ExecutorService POOL = new ThreadPoolExecutor(THREADS, THREADS, 0L, TimeUnit.MILLISECONDS,
            new SpinningQueue(), new ThreadFactory() {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "bnn-kernel-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    });

    /** A work queue whose take() polls for {@link #SPIN_NANOS} before it parks. */
    private static final class SpinningQueue extends LinkedBlockingQueue<Runnable> {
        private static final long serialVersionUID = 1L;

        @Override
        public Runnable take() throws InterruptedException {
            long end = System.nanoTime() + SPIN_NANOS;
            do {
                Runnable r = poll();
                if (r != null) {
                    return r;
                }
                Thread.onSpinWait();
            } while (System.nanoTime() - end < 0);
            return super.take();
        }
    }

    private Parallel() {
    }

    public static int threads() {
        return THREADS;
    }

    /**
     * Runs body over [0, n) split into at most {@link #threads()} contiguous ranges; ranges smaller
     * than minGrain are merged so tiny loops stay on one thread.
     */
    public static void forRange(int n, int minGrain, RangeBody body) {
        int parts = Math.min(THREADS, Math.max(1, n / Math.max(1, minGrain)));
        forParts(n, parts, (part, from, to) -> body.run(from, to));
    }

    /**
     * Runs body for exactly {@code parts} contiguous ranges of [0, n). Use a fixed part count for
     * reductions so that partial sums are combined in the same order on every machine.
     */
    public static void forParts(int n, int requestedParts, PartBody body) {
        if (n <= 0) {
            return;
        }
        final int parts = Math.max(1, Math.min(requestedParts, n));
        if (parts == 1 || THREADS == 1 || INSIDE.get()) {
            for (int p = 0; p < parts; p++) {
                body.run(p, start(n, parts, p), start(n, parts, p + 1));
            }
            return;
        }
        Future<?>[] futures = new Future<?>[parts - 1];
        for (int p = 1; p < parts; p++) {
            final int part = p;
            futures[p - 1] = POOL.submit(() -> {
                INSIDE.set(true);
                try {
                    body.run(part, start(n, parts, part), start(n, parts, part + 1));
                } finally {
                    INSIDE.set(false);
                }
            });
        }
        INSIDE.set(true);
        Throwable failure = null;
        try {
            body.run(0, 0, start(n, parts, 1));
        } catch (RuntimeException | Error e) {
            failure = e;
        } finally {
            INSIDE.set(false);
        }
        for (Future<?> f : futures) {
            long end = System.nanoTime() + SPIN_NANOS;
            while (!f.isDone() && System.nanoTime() - end < 0) {
                Thread.onSpinWait();
            }
            try {
                f.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (failure == null) {
                    failure = e;
                }
            }
        }
        if (failure instanceof RuntimeException re) {
            throw re;
        }
        if (failure instanceof Error err) {
            throw err;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    /**
     * Runs body(i) for every i in [0, n), the threads taking the next index as they become free, so
     * that a thread slowed by other processes does not hold the rest up. Only for bodies whose
     * results do not depend on which thread runs them or in which order (each i writes its own
     * outputs): then the bits are the same for any thread count and timing.
     */
    public static void forEachIndex(int n, IndexBody body) {
        if (n <= 0) {
            return;
        }
        AtomicInteger next = new AtomicInteger();
        int parts = Math.min(THREADS, n);
        forParts(parts, parts, (part, from, to) -> {
            for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                body.run(i);
            }
        });
    }

    /** A body for one index. */
    @FunctionalInterface
    public interface IndexBody {
        void run(int index);
    }

    private static int start(int n, int parts, int p) {
        return (int) ((long) n * p / parts);
    }
}
