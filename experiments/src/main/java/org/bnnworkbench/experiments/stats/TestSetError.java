package org.bnnworkbench.experiments.stats;

/**
 * The sampling error of one accuracy measured on a finite test set: an accuracy p over n test images is a binomial
 * proportion, with standard error sqrt(p (1 - p) / n) (about 0.9 points for 80 % on 2,000 images, 0.27 points for
 * 92 % on 10,000). This is the noise of a single run even with the seed fixed; differences between seeds come on top.
 *
 * <p>The interval is Wilson's score interval (Wilson 1927; recommended over the normal interval by Brown, Cai and
 * DasGupta, Statistical Science 16(2), 2001), which stays inside [0, 1] and is right near 0 and 1 as well.
 *
 * @param accuracy  the fraction correct, from 0 to 1
 * @param testImages the number of test images it was measured on
 */
public record TestSetError(double accuracy, int testImages) {

    public TestSetError {
        if (!(accuracy >= 0 && accuracy <= 1)) {
            throw new IllegalArgumentException("accuracy must be in [0, 1], got " + accuracy);
        }
        if (testImages < 1) {
            throw new IllegalArgumentException("testImages must be at least 1, got " + testImages);
        }
    }

    /**
     * An accuracy as tables show it, in percent with its test-set standard error in points, e.g. {@code 80.50% \u00b1
     * 0.89} for 0.805 on 2,000 images; the percentage alone when the number of test images is unknown, and as it
     * comes when it is not a fraction (a diverged run's NaN).
     */
    public static String describe(double accuracy, Integer testImages) {
        String percent = String.format(java.util.Locale.ROOT, "%.2f%%", 100 * accuracy);
        if (testImages == null || testImages < 1 || !(accuracy >= 0 && accuracy <= 1)) {
            return percent;
        }
        return percent + String.format(java.util.Locale.ROOT, " \u00b1 %.2f",
                100 * new TestSetError(accuracy, testImages).standardError());
    }

    /** sqrt(p (1 - p) / n). */
    public double standardError() {
        return Math.sqrt(accuracy * (1 - accuracy) / testImages);
    }

    /** Wilson's 95 % score interval. */
    public Interval interval() {
        return interval(SampleSummary.LEVEL);
    }

    public Interval interval(double level) {
        double z = Normal.quantile(0.5 + level / 2);
        double n = testImages;
        double p = accuracy;
        double denominator = 1 + z * z / n;
        double centre = (p + z * z / (2 * n)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator;
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half), level);
    }

    /**
     * The difference {@code this - other} of two accuracies measured on test sets of these sizes, with a normal
     * interval of the two binomial errors combined as if independent. Two networks evaluated on the same images make
     * correlated errors, so the true interval is narrower: this one errs towards "not distinguishable".
     */
    public Difference minus(TestSetError other) {
        double difference = accuracy - other.accuracy;
        double se = Math.sqrt(standardError() * standardError() + other.standardError() * other.standardError());
        double z = Normal.quantile(0.5 + SampleSummary.LEVEL / 2);
        return new Difference(difference, Interval.around(difference, z * se, SampleSummary.LEVEL));
    }

    /** A difference of two accuracies with its interval. */
    public record Difference(double difference, Interval interval) {
    }
}
