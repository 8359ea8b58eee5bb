package org.bnnworkbench.experiments.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import org.bnnworkbench.experiments.run.RunStatus;
import org.bnnworkbench.experiments.stats.Comparison;
import org.bnnworkbench.experiments.stats.ConfigurationStats;
import org.bnnworkbench.experiments.stats.Ranking;
import org.bnnworkbench.experiments.stats.SeedResult;

/**
 * A sweep's results aggregated by configuration: the runs of each combination of swept values over its seeds, their
 * mean test top-1 with a 95 % interval, every pair of configurations compared, and which one is best if any is.
 * The command line's table, {@code summary.csv}, {@code comparisons.csv}, the app's Sweeps tab and the reports all
 * show this one object.
 *
 * @param parameters     the swept parameters' names, in the sweep's order (the seed of repeats is not one)
 * @param configurations in the order their first run appears in the journal's point order
 * @param comparisons    every pair {@code (i, j)} with {@code i < j} in that order, as {@code a - b}
 */
public record SweepSummary(List<String> parameters, List<ConfigurationStats> configurations,
                           List<Comparison> comparisons, Ranking ranking) {

    public SweepSummary {
        parameters = List.copyOf(parameters);
        configurations = List.copyOf(configurations);
        comparisons = List.copyOf(comparisons);
    }

    /** Groups the entries by their swept values (the seed aside); diverged and failed runs count, but not in means. */
    public static SweepSummary of(List<String> parameters, List<JournalEntry> entries) {
        List<String> swept = parameters.stream().filter(p -> !p.equals("seed")).toList();
        var groups = new LinkedHashMap<String, List<JournalEntry>>();
        for (JournalEntry e : entries) {
            groups.computeIfAbsent(key(swept, e), k -> new ArrayList<>()).add(e);
        }
        var configurations = new ArrayList<ConfigurationStats>();
        for (List<JournalEntry> group : groups.values()) {
            var values = new LinkedHashMap<String, Object>();
            swept.forEach(p -> values.put(p, group.get(0).point().get(p)));
            var runs = new ArrayList<SeedResult>();
            int notCompleted = 0;
            for (JournalEntry e : group) {
                if (e.status() == RunStatus.COMPLETED) {
                    runs.add(new SeedResult(e.seed(), e.testTop1(), e.testImages()));
                } else {
                    notCompleted++;
                }
            }
            configurations.add(ConfigurationStats.of(label(values), values, runs, notCompleted));
        }
        var comparisons = new ArrayList<Comparison>();
        for (int i = 0; i < configurations.size(); i++) {
            for (int j = i + 1; j < configurations.size(); j++) {
                comparisons.add(Comparison.of(configurations.get(i), configurations.get(j)));
            }
        }
        return new SweepSummary(swept, configurations, comparisons, Ranking.of(configurations));
    }

    /** The configuration an entry is a run of. */
    public ConfigurationStats configurationOf(JournalEntry entry) {
        String key = key(parameters, entry);
        for (ConfigurationStats c : configurations) {
            if (key(parameters, c.values()).equals(key)) {
                return c;
            }
        }
        return null;
    }

    /** Whether the entry is a run of the clearly best configuration. */
    public boolean isOfBest(JournalEntry entry) {
        return ranking.best() != null && configurationOf(entry) == ranking.best();
    }

    /** The comparison of two configurations as {@code a - b}, whichever order they were compared in. */
    public Comparison compare(ConfigurationStats a, ConfigurationStats b) {
        for (Comparison c : comparisons) {
            if (c.a() == a && c.b() == b) {
                return c;
            }
        }
        return Comparison.of(a, b);
    }

    /** The configuration whose values are these (text forms compared), or null. */
    public ConfigurationStats find(Map<String, ?> values) {
        for (ConfigurationStats c : configurations) {
            boolean all = true;
            for (Map.Entry<String, ?> v : values.entrySet()) {
                if (!Objects.equals(ResultsCsv.value(c.values().get(v.getKey())), ResultsCsv.value(v.getValue()))) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return c;
            }
        }
        return null;
    }

    /** E.g. {@code clip=1.3, estimator=ste}; {@code base settings} for a sweep that sweeps nothing but seeds. */
    static String label(Map<String, Object> values) {
        if (values.isEmpty()) {
            return "base settings";
        }
        var text = new StringJoiner(", ");
        values.forEach((name, value) -> text.add(name + "=" + ResultsCsv.value(value)));
        return text.toString();
    }

    private static String key(List<String> parameters, JournalEntry entry) {
        return key(parameters, entry.point());
    }

    private static String key(List<String> parameters, Map<String, Object> values) {
        var key = new StringJoiner("\u0000");
        parameters.forEach(p -> key.add(ResultsCsv.value(values.get(p))));
        return key.toString();
    }
}
