package org.bnnworkbench.app.designer.view;

import java.util.Locale;

/** How the designer writes counts: "2.08e8" as the published tables do, and sizes in MiB. */
public final class Numbers {

    private Numbers() {
    }

    /** Three significant digits with a plain exponent: 2.08e8, 4.62e9, 512, 0. */
    public static String sci(double v) {
        if (v == 0) {
            return "0";
        }
        if (Math.abs(v) < 1000) {
            return String.format(Locale.ROOT, "%.3g", v).replaceAll("\\.?0+$", "");
        }
        int exponent = (int) Math.floor(Math.log10(Math.abs(v)));
        double mantissa = v / Math.pow(10, exponent);
        if (Math.abs(mantissa) >= 9.995) {
            mantissa /= 10;
            exponent++;
        }
        return String.format(Locale.ROOT, "%.2fe%d", mantissa, exponent);
    }

    public static String mib(double mib) {
        return String.format(Locale.ROOT, "%.2f MiB", mib);
    }
}
