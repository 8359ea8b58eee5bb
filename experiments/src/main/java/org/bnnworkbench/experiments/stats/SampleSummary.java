package org.bnnworkbench.experiments.stats;

import java.util.Arrays;

/**
 * The mean of a few runs and how sure it is: n, mean, the sample standard deviation (n - 1 in the denominator), the
 * standard error of the mean, and a confidence interval from Student's t with n - 1 degrees of freedom, the right
 * interval for the small n of repeated training runs (a normal interval would be too narrow: for n = 5 the 95 %
 * critical value is 2.776, not 1.960). With n = 1 there is no spread to measure: sd, standard error and interval are
 * NaN and {@link #interval()} is null.
 */
public record SampleSummary(int n, double mean, double sd, double standardError, Interval interval) {

    public static final double LEVEL = 0.95;

    /** The summary of {@code values} with a 95 % interval. */
    public static SampleSummary of(double... values) {
        return atLevel(LEVEL, values);
    }

    /** The summary with an interval of {@code level}, e.g. 0.99. */
    public static SampleSummary atLevel(double level, double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a summary needs at least one value");
        }
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("values must be finite, got " + Arrays.toString(values));
            }
        }
        int n = values.length;
        double mean = mean(values);
        if (n == 1) {
            return new SampleSummary(1, mean, Double.NaN, Double.NaN, null);
        }
        double sd = sd(values, mean);
        double se = sd / Math.sqrt(n);
        return new SampleSummary(n, mean, sd, se, Interval.around(mean, StudentT.critical(level, n - 1) * se, level));
    }

    /** The arithmetic mean, summed in a fixed order with Kahan compensation. */
    static double mean(double[] values) {
        double sum = 0;
        double compensation = 0;
        for (double v : values) {
            double y = v - compensation;
            double t = sum + y;
            compensation = (t - sum) - y;
            sum = t;
        }
        return sum / values.length;
    }

    /** The sample standard deviation (n - 1), two-pass for accuracy. */
    static double sd(double[] values, double mean) {
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }

    public boolean hasInterval() {
        return interval != null;
    }
}
