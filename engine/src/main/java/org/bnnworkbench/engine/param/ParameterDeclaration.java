package org.bnnworkbench.engine.param;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bnnworkbench.engine.spec.InputShape;
import org.bnnworkbench.engine.spec.SpecException;

/**
 * One named parameter, declared once and read by the designer's property sheet, the command line
 * ({@code --param name=value}), sweeps and run records: its type, default, allowed range and a
 * one-line description. {@link #parse} turns text into a checked value or says exactly what is
 * wrong.
 */
public record ParameterDeclaration(String name, Kind kind, Object defaultValue, double min, double max,
                                   List<String> choices, String description) {

    public enum Kind {
        INTEGER, NUMBER, BOOLEAN, CHOICE, INTEGER_LIST, NUMBER_LIST, SHAPE, TEXT
    }

    public ParameterDeclaration {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    public static ParameterDeclaration integer(String name, int defaultValue, int min, int max, String description) {
        return new ParameterDeclaration(name, Kind.INTEGER, defaultValue, min, max, null, description);
    }

    public static ParameterDeclaration number(String name, double defaultValue, double min, double max, String description) {
        return new ParameterDeclaration(name, Kind.NUMBER, defaultValue, min, max, null, description);
    }

    public static ParameterDeclaration bool(String name, boolean defaultValue, String description) {
        return new ParameterDeclaration(name, Kind.BOOLEAN, defaultValue, 0, 1, null, description);
    }

    public static ParameterDeclaration choice(String name, String defaultValue, List<String> choices, String description) {
        return new ParameterDeclaration(name, Kind.CHOICE, defaultValue, 0, 0, choices, description);
    }

    public static ParameterDeclaration integers(String name, List<Integer> defaultValue, int min, int max, String description) {
        return new ParameterDeclaration(name, Kind.INTEGER_LIST, List.copyOf(defaultValue), min, max, null, description);
    }

    public static ParameterDeclaration numbers(String name, List<Double> defaultValue, double min, double max,
                                               String description) {
        return new ParameterDeclaration(name, Kind.NUMBER_LIST, List.copyOf(defaultValue), min, max, null, description);
    }

    public static ParameterDeclaration text(String name, String defaultValue, String description) {
        return new ParameterDeclaration(name, Kind.TEXT, defaultValue, 0, 0, null, description);
    }

    public static ParameterDeclaration shape(String name, InputShape defaultValue, String description) {
        return new ParameterDeclaration(name, Kind.SHAPE, defaultValue, 1, 4096, null, description);
    }

    /** The allowed values in words, e.g. {@code 1..64} or {@code one of ste, approx, swish}. */
    public String range() {
        return switch (kind) {
            case INTEGER, INTEGER_LIST -> (long) min + ".." + (long) max + (kind == Kind.INTEGER_LIST ? " each, comma-separated" : "");
            case NUMBER, NUMBER_LIST -> trim(min) + ".." + trim(max) + (kind == Kind.NUMBER_LIST ? " each, comma-separated" : "");
            case BOOLEAN -> "true or false";
            case CHOICE -> "one of " + String.join(", ", choices);
            case SHAPE -> "HxWxC, e.g. 32x32x3";
            case TEXT -> "any text";
        };
    }

    private static String trim(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** Parses the text form; throws {@link IllegalArgumentException} naming the parameter and the problem. */
    public Object parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            throw problem(text, "is empty");
        }
        return switch (kind) {
            case INTEGER -> checkRange(parseInt(t, t), t);
            case NUMBER -> checkRange(parseDouble(t, t), t);
            case BOOLEAN -> switch (t.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on", "1" -> Boolean.TRUE;
                case "false", "no", "off", "0" -> Boolean.FALSE;
                default -> throw problem(t, "is not true or false");
            };
            case CHOICE -> {
                String lower = t.toLowerCase(Locale.ROOT);
                if (!choices.contains(lower)) {
                    throw problem(t, "is not " + range());
                }
                yield lower;
            }
            case INTEGER_LIST -> {
                List<Integer> list = new ArrayList<>();
                for (String part : t.split(",")) {
                    list.add(checkRange(parseInt(part.trim(), t), t));
                }
                yield List.copyOf(list);
            }
            case NUMBER_LIST -> {
                List<Double> list = new ArrayList<>();
                for (String part : t.split(",")) {
                    list.add(checkRange(parseDouble(part.trim(), t), t));
                }
                yield List.copyOf(list);
            }
            case SHAPE -> {
                try {
                    yield InputShape.parse(t);
                } catch (SpecException e) {
                    throw problem(t, "is not a shape HxWxC such as 32x32x3");
                }
            }
            case TEXT -> t;
        };
    }

    /** The canonical text form of a value of this parameter. */
    public String format(Object value) {
        if (value instanceof List<?> list) {
            StringBuilder sb = new StringBuilder();
            for (Object o : list) {
                if (sb.length() > 0) {
                    sb.append(',');
                }
                sb.append(o instanceof Double d ? trim(d) : String.valueOf(o));
            }
            return sb.toString();
        }
        if (value instanceof Double d) {
            return trim(d);
        }
        return String.valueOf(value);
    }

    private int parseInt(String part, String whole) {
        try {
            return Integer.parseInt(part);
        } catch (NumberFormatException e) {
            throw problem(whole, "'" + part + "' is not a whole number");
        }
    }

    private double parseDouble(String part, String whole) {
        try {
            double d = Double.parseDouble(part);
            if (!Double.isFinite(d)) {
                throw problem(whole, "'" + part + "' is not a finite number");
            }
            return d;
        } catch (NumberFormatException e) {
            throw problem(whole, "'" + part + "' is not a number");
        }
    }

    private <T extends Number> T checkRange(T value, String whole) {
        double v = value.doubleValue();
        if (v < min || v > max) {
            throw problem(whole, "'" + value + "' is outside " + range());
        }
        return value;
    }

    private IllegalArgumentException problem(String value, String what) {
        return new IllegalArgumentException("parameter " + name + "=" + value + ": " + what + " (" + description + ")");
    }
}
