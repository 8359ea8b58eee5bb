package org.bnnworkbench.experiments.report;

import java.util.Locale;
import org.bnnworkbench.experiments.stats.TestSetError;

/** How numbers are written into table cells: plainly, so that the CSV files parse as numbers everywhere. */
final class Cells {

    private Cells() {
    }

    /** A fraction in [0, 1] as a percentage with two decimals: 0.81234 -> {@code 81.23}. */
    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f", 100 * fraction);
    }

    /**
     * A run's accuracy with its test-set standard error in points, {@code 89.10 ± 0.70}; the accuracy alone when the
     * number of test images is unknown.
     */
    static String percentWithError(double fraction, Integer testImages) {
        Double se = testSetError(fraction, testImages);
        return se == null ? percent(fraction) : percent(fraction) + " \u00b1 " + fixed(100 * se, 2);
    }

    /** The binomial test-set standard error of an accuracy ({@link TestSetError}), or null when it has none. */
    static Double testSetError(double fraction, Integer testImages) {
        if (testImages == null || testImages < 1 || !(fraction >= 0 && fraction <= 1)) {
            return null;
        }
        return new TestSetError(fraction, testImages).standardError();
    }

    /** A fraction's standard error or difference in percentage points, or empty for null. */
    static String points(Double fraction) {
        return fraction == null || fraction.isNaN() ? "" : fixed(100 * fraction, 2);
    }

    static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** Four significant digits in scientific notation: {@code 2.081e+08}. */
    static String sci(double value) {
        return String.format(Locale.ROOT, "%.3e", value);
    }

    static String integer(long value) {
        return Long.toString(value);
    }

    static String nullable(Object value) {
        return value == null ? "" : value.toString();
    }
}
