package org.bnnworkbench.experiments.bench;

import java.util.function.Supplier;

/**
 * One thing to time. {@code setup} allocates the operands and returns the call to time, so a case holds no
 * memory until it is measured.
 *
 * @param gemmsPerCall how many GEMMs of {@code shape} one call stands for (2 for a convolution backward pass)
 */
public record BenchCase(String kernel, GemmShape shape, int gemmsPerCall, String label,
                        Supplier<Runnable> setup) {

    public Measurement measure(MedianTimer timer) {
        MedianTimer.Timing t = timer.time(setup.get());
        double gflops = gemmsPerCall * shape.flops() / t.seconds() / 1e9;
        return new Measurement(kernel, shape.m(), shape.k(), shape.n(), t.seconds(), gflops, t.repeats(),
                t.warmupCalls(), label);
    }
}
