package org.bnnworkbench.experiments.report;

import java.util.Locale;

/** How numbers are written into table cells: plainly, so that the CSV files parse as numbers everywhere. */
final class Cells {

    private Cells() {
    }

    /** A fraction in [0, 1] as a percentage with two decimals: 0.81234 -> {@code 81.23}. */
    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f", 100 * fraction);
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
