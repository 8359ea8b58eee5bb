package org.bnnworkbench.experiments.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MedianTimerTest {

    @Test
    void quickTimerWarmsUpOnceAndTimesThreeCalls() {
        var calls = new AtomicInteger();

        MedianTimer.Timing t = new MedianTimer(true, 0, 0.5).time(calls::incrementAndGet);

        assertThat(t.warmupCalls()).isEqualTo(1);
        assertThat(t.repeats()).isEqualTo(3);
        assertThat(calls.get()).isEqualTo(4);
    }

    @Test
    void givenRepeatsAreTimedAfterTheWarmUp() {
        var calls = new AtomicInteger();

        MedianTimer.Timing t = new MedianTimer(false, 7, 0.5).time(calls::incrementAndGet);

        assertThat(t.repeats()).isEqualTo(7);
        assertThat(t.warmupCalls()).isGreaterThanOrEqualTo(MedianTimer.WINDOW);
        assertThat(calls.get()).isEqualTo(t.warmupCalls() + 7);
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(MedianTimer.median(new double[] {4, 1, 3, 100})).isEqualTo(3.5);
        assertThat(MedianTimer.median(new double[] {5, 1, 100})).isEqualTo(5);
    }
}
