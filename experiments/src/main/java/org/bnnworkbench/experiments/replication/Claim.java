package org.bnnworkbench.experiments.replication;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A published claim a replication study checks, and how: by comparing pairs of configurations of the study's sweep.
 *
 * @param id          short name, e.g. {@code clip-1.2-1.3-beats-1.0}
 * @param statement   the claim in one sentence
 * @param published   what the sources report, with numbers
 * @param source      where, citable
 * @param kind        {@link Kind#BETTER}: each comparison's {@code a} is better than its {@code b};
 *                    {@link Kind#NO_GAIN}: {@code a} gives nothing over {@code b}
 * @param margin      for NO_GAIN, the largest gain (a fraction of top-1, 0.01 = 1 point) still counted as nothing
 * @param comparisons the pairs of configurations, each selected by swept values
 */
public record Claim(String id, String statement, String published, String source, Kind kind, double margin,
                    List<Pair> comparisons) {

    public Claim {
        comparisons = List.copyOf(comparisons);
    }

    /** What the claim says of a against b. */
    public enum Kind {
        BETTER, NO_GAIN;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Kind parse(String text) {
            for (Kind k : values()) {
                if (k.id().equals(text)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("expects better or no-gain, got '" + text + "'");
        }
    }

    /** Two configurations, each given by its swept values (text forms as results.csv writes them). */
    public record Pair(Map<String, Object> a, Map<String, Object> b) {

        public Pair {
            a = Collections.unmodifiableMap(new LinkedHashMap<>(a));
            b = Collections.unmodifiableMap(new LinkedHashMap<>(b));
        }
    }
}
