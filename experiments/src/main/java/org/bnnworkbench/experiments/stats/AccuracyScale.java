package org.bnnworkbench.experiments.stats;

/**
 * The value axis of an accuracy chart, chosen so that noise never looks like a finding: it covers every mean, every
 * interval bound and every single run, and it is never narrower than {@value #NOISE_SPANS} test-set standard errors.
 * A difference of two runs that is within their test-set noise (about 2.8 standard errors at 95 %) then fills at most
 * a third of the axis, where an axis zoomed to the data alone would stretch 0.5 points across the whole chart. In
 * percent, clamped to [0, 100].
 *
 * @param lower the axis minimum, in percent
 * @param upper the axis maximum, in percent
 */
public record AccuracyScale(double lower, double upper) {

    /** The narrowest axis, in test-set standard errors. */
    public static final double NOISE_SPANS = 8;
    /** The narrowest axis when the noise is not known, in points. */
    public static final double DEFAULT_MIN_SPAN = 5;

    /**
     * @param valuesPercent everything the chart draws on the value axis, in percent (NaNs are skipped)
     * @param noisePoints   a typical test-set standard error of the runs drawn, in points; NaN or 0 when unknown
     */
    public static AccuracyScale of(double[] valuesPercent, double noisePoints) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : valuesPercent) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min > max) {
            return new AccuracyScale(0, 100);
        }
        double margin = 0.06 * Math.max(max - min, 1e-9);
        double lower = min - margin;
        double upper = max + margin;
        double minSpan = noisePoints > 0 && Double.isFinite(noisePoints) ? NOISE_SPANS * noisePoints
                : DEFAULT_MIN_SPAN;
        if (upper - lower < minSpan) {
            double centre = (lower + upper) / 2;
            lower = centre - minSpan / 2;
            upper = centre + minSpan / 2;
        }
        // inside [0, 100], moving rather than cutting the span where it can
        if (lower < 0) {
            upper = Math.min(100, upper - lower);
            lower = 0;
        }
        if (upper > 100) {
            lower = Math.max(0, lower - (upper - 100));
            upper = 100;
        }
        return new AccuracyScale(lower, upper);
    }

    public double span() {
        return upper - lower;
    }
}
