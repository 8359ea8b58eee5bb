package org.bnnworkbench.experiments.cli;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs long work so that Ctrl+C (or a {@code kill}) cancels it cleanly: a shutdown hook asks the work to stop (the
 * running trainings stop after their current batch) and holds the JVM open until it has, for at most a given time,
 * so that records and journals are written before the process ends.
 */
final class CancelOnShutdown {

    /** The work: returns its result, or throws. */
    interface Work<T> {
        T run() throws IOException;
    }

    private CancelOnShutdown() {
    }

    static <T> T run(String name, Runnable cancel, long waitSeconds, Work<T> work) throws IOException {
        var done = new CountDownLatch(1);
        Thread onExit = new Thread(() -> {
            cancel.run();
            try {
                done.await(waitSeconds, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        Runtime.getRuntime().addShutdownHook(onExit);
        try {
            return work.run();
        } finally {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onExit);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook is what stopped the work
            }
        }
    }
}
