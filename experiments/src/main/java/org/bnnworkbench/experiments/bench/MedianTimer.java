package org.bnnworkbench.experiments.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times one call the way {@code bnn bench} does everywhere, the numpy side included ({@code numpy_sgemm.py}
 * repeats this rule line by line, so the two columns of the table are measured alike):
 *
 * <ol>
 *   <li>warm up until the timings settle: at least {@value #MIN_WARMUP_CALLS} calls and
 *       {@value #MIN_WARMUP_SECONDS} s, then until the last {@value #WINDOW} calls lie within
 *       {@value #SETTLED_SPREAD} of their median (the JIT has compiled the hot loops), at most
 *       {@value #MAX_WARMUP_SECONDS} s;</li>
 *   <li>then time {@code repeats} calls and keep the median, which a stray pause of another process moves less
 *       than the mean. {@code repeats} is given, or enough calls to fill {@code targetSeconds} (at least
 *       {@value #MIN_REPEATS}).</li>
 * </ol>
 *
 * A quick timer ({@code bnn bench --quick}, for tests) warms up with one call and takes three repeats.
 */
public final class MedianTimer {

    static final int MIN_WARMUP_CALLS = 3;
    static final double MIN_WARMUP_SECONDS = 0.3;
    static final double MAX_WARMUP_SECONDS = 3.0;
    static final int WINDOW = 5;
    static final double SETTLED_SPREAD = 0.10;
    static final int MIN_REPEATS = 5;
    static final int MAX_REPEATS = 10_000;
    static final int QUICK_REPEATS = 3;

    private final boolean quick;
    private final int fixedRepeats;
    private final double targetSeconds;

    /**
     * @param quick one warm-up call and few repeats: a smoke run, not a measurement
     * @param fixedRepeats the number of timed calls, or 0 to fill {@code targetSeconds}
     * @param targetSeconds the time the timed calls should take together when {@code fixedRepeats} is 0
     */
    public MedianTimer(boolean quick, int fixedRepeats, double targetSeconds) {
        if (fixedRepeats < 0 || !(targetSeconds > 0)) {
            throw new IllegalArgumentException("repeats " + fixedRepeats + ", target " + targetSeconds + " s");
        }
        this.quick = quick;
        this.fixedRepeats = fixedRepeats;
        this.targetSeconds = targetSeconds;
    }

    /** The median time of one call, with how it was obtained. */
    public record Timing(double seconds, int repeats, int warmupCalls, boolean settled) {
    }

    public Timing time(Runnable call) {
        List<Double> warmup = new ArrayList<>();
        boolean settled;
        if (quick) {
            warmup.add(seconds(call));
            settled = false;
        } else {
            double spent = 0;
            while (true) {
                double t = seconds(call);
                warmup.add(t);
                spent += t;
                settled = warmup.size() >= WINDOW && spent >= MIN_WARMUP_SECONDS
                        && spread(warmup.subList(warmup.size() - WINDOW, warmup.size())) <= SETTLED_SPREAD;
                boolean enough = warmup.size() >= MIN_WARMUP_CALLS && spent >= MAX_WARMUP_SECONDS;
                if (settled || enough) {
                    break;
                }
            }
        }
        int repeats = fixedRepeats > 0 ? fixedRepeats : quick ? QUICK_REPEATS : autoRepeats(warmup);
        double[] times = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            times[i] = seconds(call);
        }
        return new Timing(median(times), repeats, warmup.size(), settled);
    }

    private int autoRepeats(List<Double> warmup) {
        int window = Math.min(WINDOW, warmup.size());
        double typical = median(warmup.subList(warmup.size() - window, warmup.size()).stream()
                .mapToDouble(Double::doubleValue).toArray());
        double wanted = Math.ceil(targetSeconds / Math.max(typical, 1e-9));
        return (int) Math.max(MIN_REPEATS, Math.min(MAX_REPEATS, wanted));
    }

    private static double seconds(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return (System.nanoTime() - start) * 1e-9;
    }

    /** (max - min) / median of the window. */
    static double spread(List<Double> window) {
        double[] values = window.stream().mapToDouble(Double::doubleValue).toArray();
        double median = median(values);
        double max = Arrays.stream(values).max().orElseThrow();
        double min = Arrays.stream(values).min().orElseThrow();
        return median > 0 ? (max - min) / median : 0;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
