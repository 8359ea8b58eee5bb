package org.bnnworkbench.architectures.published;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.OptionalDouble;

/**
 * A number as a table printed it: the text (e.g. {@code ~4.0}, {@code 10.1}, {@code 249}), whether
 * it was marked approximate with a leading {@code ~}, and the number when the text is one. The text
 * also tells the precision: {@code 3.88} was rounded to two decimals, so a computed value is
 * compared at two decimals ({@link #atSamePrecision}).
 */
public record PublishedValue(String text, boolean approximate, OptionalDouble value) {

    public static final PublishedValue NONE = new PublishedValue("", false, OptionalDouble.empty());

    public static PublishedValue parse(String raw) {
        String t = raw == null ? "" : raw.trim();
        if (t.isEmpty()) {
            return NONE;
        }
        boolean approximate = t.startsWith("~");
        String number = approximate ? t.substring(1).trim() : t;
        OptionalDouble value = OptionalDouble.empty();
        if (number.matches("[0-9]+(\\.[0-9]+)?")) {
            value = OptionalDouble.of(Double.parseDouble(number));
        }
        return new PublishedValue(t, approximate, value);
    }

    public boolean isPresent() {
        return value.isPresent();
    }

    public double number() {
        return value.orElseThrow(() -> new IllegalStateException("'" + text + "' is not a number"));
    }

    /** Digits after the decimal point in the printed number. */
    public int decimals() {
        String number = numberText();
        int dot = number.indexOf('.');
        return dot < 0 ? 0 : number.length() - dot - 1;
    }

    /** The printed number without the {@code ~}. */
    public String numberText() {
        return approximate ? text.substring(1).trim() : text;
    }

    /** {@code computed} rounded half-up to the printed number of decimals, e.g. 3.8772 for {@code 3.88} gives "3.88". */
    public String atSamePrecision(double computed) {
        return new BigDecimal(computed).setScale(decimals(), RoundingMode.HALF_UP).toPlainString();
    }

    /** Whether {@code computed} prints as this value at its precision. */
    public boolean matches(double computed) {
        return isPresent() && atSamePrecision(computed).equals(new BigDecimal(numberText()).toPlainString());
    }

    @Override
    public String toString() {
        return text;
    }
}
