package org.bnnworkbench.experiments.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Filters and sorts run summaries by any of their values: a field such as {@code testTop1} or {@code status}, a
 * hyperparameter such as {@code clip}, or an architecture override such as {@code growthRate}. Numbers compare as
 * numbers (a float's {@code 1.3} equals {@code 1.3}), everything else as text. Immutable.
 *
 * <pre>{@code
 * List<RunSummary> best = RunQuery.all().filter("status=completed").filter("clip>=1").sortBy("testTop1", true)
 *         .apply(store.list());
 * }</pre>
 */
public final class RunQuery {

    /** {@code key operator value}; the operators are {@code = != < <= > >=}. */
    public record Condition(String key, String operator, String value) {

        public Condition {
            if (!List.of("=", "!=", "<", "<=", ">", ">=").contains(operator)) {
                throw new IllegalArgumentException("unknown operator '" + operator + "' (use = != < <= > >=)");
            }
            if (key.isBlank()) {
                throw new IllegalArgumentException("a filter needs a key before '" + operator + "'");
            }
        }

        /** Reads {@code key=value}, {@code key>=value} and the like. */
        public static Condition parse(String expression) {
            int at = -1;
            for (int i = 0; i < expression.length() && at < 0; i++) {
                if ("!=<>".indexOf(expression.charAt(i)) >= 0) {
                    at = i;
                }
            }
            if (at < 0) {
                throw new IllegalArgumentException("'" + expression + "' is not key=value (or !=, <, <=, >, >=)");
            }
            int end = at + 1 < expression.length() && expression.charAt(at + 1) == '=' ? at + 2 : at + 1;
            return new Condition(expression.substring(0, at).strip(), expression.substring(at, end),
                    expression.substring(end).strip());
        }

        public boolean test(RunSummary run) {
            Object actual = run.value(key);
            if (actual == null) {
                return operator.equals("!=");
            }
            int c = compareValues(actual, value);
            return switch (operator) {
                case "=" -> c == 0;
                case "!=" -> c != 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                default -> c >= 0;
            };
        }
    }

    private final List<Condition> conditions;
    private final String sortKey;
    private final boolean descending;

    private RunQuery(List<Condition> conditions, String sortKey, boolean descending) {
        this.conditions = List.copyOf(conditions);
        this.sortKey = sortKey;
        this.descending = descending;
    }

    /** Every run, in the order given. */
    public static RunQuery all() {
        return new RunQuery(List.of(), null, false);
    }

    public RunQuery where(String key, String operator, String value) {
        return with(new Condition(key, operator, value));
    }

    /** @throws IllegalArgumentException if the expression is not {@code key<operator>value} */
    public RunQuery filter(String expression) {
        return with(Condition.parse(expression));
    }

    /** Sorts by a key; runs without a value for it come last either way. */
    public RunQuery sortBy(String key, boolean descendingOrder) {
        return new RunQuery(conditions, Objects.requireNonNull(key), descendingOrder);
    }

    public List<Condition> conditions() {
        return conditions;
    }

    public List<RunSummary> apply(Collection<RunSummary> runs) {
        var kept = new ArrayList<RunSummary>();
        for (RunSummary run : runs) {
            if (conditions.stream().allMatch(c -> c.test(run))) {
                kept.add(run);
            }
        }
        if (sortKey != null) {
            kept.sort(comparing(sortKey, descending));
        }
        return kept;
    }

    /** Orders runs by one key, those without a value last. */
    public static Comparator<RunSummary> comparing(String key, boolean descendingOrder) {
        return (a, b) -> {
            Object x = a.value(key);
            Object y = b.value(key);
            if (x == null || y == null) {
                return x == null ? (y == null ? 0 : 1) : -1;
            }
            int c = compareValues(x, y);
            return descendingOrder ? -c : c;
        };
    }

    /** Numbers by value, within float precision (records keep some values as floats); all else by text. */
    public static int compareValues(Object a, Object b) {
        Double x = number(a);
        Double y = number(b);
        if (x != null && y != null) {
            double tolerance = 1e-6 * Math.max(1, Math.max(Math.abs(x), Math.abs(y)));
            return Math.abs(x - y) <= tolerance ? 0 : Double.compare(x, y);
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }

    private static Double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            try {
                return Double.parseDouble(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private RunQuery with(Condition condition) {
        var all = new ArrayList<>(conditions);
        all.add(condition);
        return new RunQuery(all, sortKey, descending);
    }
}
