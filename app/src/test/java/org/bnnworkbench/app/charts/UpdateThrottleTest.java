package org.bnnworkbench.app.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The throttle on a plain single thread standing in for the FX thread: no robot, no toolkit. */
class UpdateThrottleTest {

    @Test
    void aFloodOfRequestsIsPublishedAtMostOncePerIntervalAndTheLastOneIsNeverLost() throws Exception {
        Executor fx = Executors.newSingleThreadExecutor();
        var latest = new AtomicInteger();
        List<Integer> seen = new CopyOnWriteArrayList<>();
        List<Long> times = new CopyOnWriteArrayList<>();
        var throttle = new UpdateThrottle(100, fx, () -> {
            seen.add(latest.get());
            times.add(System.nanoTime());
        });

        long start = System.nanoTime();
        for (int i = 1; i <= 1000; i++) {
            latest.set(i);
            throttle.request();
            if (i % 100 == 0) {
                Thread.sleep(30);
            }
        }
        long took = System.nanoTime() - start;
        Thread.sleep(300);

        assertThat(seen).isNotEmpty().last().isEqualTo(1000);
        assertThat(seen).isSorted();
        // at most one publication per 100 ms, plus the first at once
        assertThat(seen.size()).isLessThanOrEqualTo((int) (took / 100_000_000L) + 2);
        for (int i = 1; i < times.size(); i++) {
            assertThat(times.get(i) - times.get(i - 1)).isGreaterThanOrEqualTo(95_000_000L);
        }
    }

    @Test
    void aLoneRequestIsPublishedAtOnce() throws Exception {
        var published = new AtomicInteger();
        var throttle = new UpdateThrottle(10_000, Runnable::run, published::incrementAndGet);

        throttle.request();

        assertThat(published.get()).isEqualTo(1);
    }
}
