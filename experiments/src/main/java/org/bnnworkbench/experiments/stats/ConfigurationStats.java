package org.bnnworkbench.experiments.stats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The runs of one configuration (one combination of swept values, trained with several seeds) and their summary.
 *
 * @param label       e.g. {@code clip=1.3}
 * @param values      the swept values by parameter name, the seed excluded
 * @param runs        the completed runs, one per seed
 * @param notCompleted runs that diverged or failed: not in the summary, but counted and shown
 * @param summary     test top-1 over the completed runs (fractions); null when none completed
 */
public record ConfigurationStats(String label, Map<String, Object> values, List<SeedResult> runs, int notCompleted,
                                 SampleSummary summary) {

    public ConfigurationStats {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        runs = List.copyOf(runs);
    }

    public static ConfigurationStats of(String label, Map<String, Object> values, List<SeedResult> runs,
                                        int notCompleted) {
        SampleSummary summary = runs.isEmpty() ? null
                : SampleSummary.of(runs.stream().mapToDouble(SeedResult::accuracy).toArray());
        return new ConfigurationStats(label, values, runs, notCompleted, summary);
    }

    /** Completed runs. */
    public int n() {
        return runs.size();
    }

    public boolean hasResults() {
        return summary != null;
    }

    /** Test top-1 by seed. */
    public Map<Long, Double> bySeed() {
        var map = new LinkedHashMap<Long, Double>();
        runs.forEach(r -> map.put(r.seed(), r.accuracy()));
        return map;
    }

    /** The mean over the runs of each run's test-set standard error; empty if no run knows its test images. */
    public OptionalDouble meanTestSetError() {
        return runs.stream().filter(r -> r.testSetError() != null)
                .mapToDouble(r -> r.testSetError().standardError()).average();
    }

    /** The runs' test images when they all agree, else null. */
    public Integer testImages() {
        var distinct = runs.stream().map(SeedResult::testImages).distinct().toList();
        return distinct.size() == 1 ? distinct.get(0) : null;
    }
}
