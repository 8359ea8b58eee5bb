package org.bnnworkbench.experiments.stats;

/**
 * A confidence interval [low, high] of a quantity at a level (0.95 for 95 %).
 *
 * <p>A difference is told apart from zero ({@link #excludesZero()}) only when the whole interval lies on one side.
 */
public record Interval(double low, double high, double level) {

    public Interval {
        if (!(low <= high)) {
            throw new IllegalArgumentException("an interval needs low <= high, got [" + low + ", " + high + "]");
        }
    }

    /** The estimate plus and minus a half-width. */
    public static Interval around(double estimate, double halfWidth, double level) {
        return new Interval(estimate - halfWidth, estimate + halfWidth, level);
    }

    public double halfWidth() {
        return (high - low) / 2;
    }

    public boolean contains(double value) {
        return low <= value && value <= high;
    }

    /** Whether zero lies outside: the sign of the quantity is established at this level. */
    public boolean excludesZero() {
        return low > 0 || high < 0;
    }

    /** The interval with every bound multiplied, e.g. by 100 for percentage points. */
    public Interval scaled(double factor) {
        return factor >= 0 ? new Interval(low * factor, high * factor, level)
                : new Interval(high * factor, low * factor, level);
    }
}
