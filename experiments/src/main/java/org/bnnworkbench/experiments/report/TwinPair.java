package org.bnnworkbench.experiments.report;

import java.util.ArrayList;
import java.util.List;
import org.bnnworkbench.experiments.stats.Comparison;

/**
 * A binary configuration and its full-precision twin: same design, data set and shared hyperparameters, each over
 * its seeds. The gap is the {@link Comparison} twin - binary: paired over the seeds both have when they share two or
 * more, else Welch over the seeds of each, else (one run each) the two runs' test-set errors.
 */
public record TwinPair(RunConfiguration binary, RunConfiguration twin, Comparison gap) {

    /** Test top-1 of the twin minus the binary configuration's, in percentage points (the comparison's estimate). */
    public double gapPoints() {
        return 100 * gap.difference();
    }

    /**
     * Every binary configuration of the completed runs paired with the first full-precision configuration that
     * matches it ({@link RunConfiguration#twinKey()}).
     */
    public static List<TwinPair> find(List<ReportRun> runs) {
        List<RunConfiguration> configurations = RunConfiguration.group(runs);
        var pairs = new ArrayList<TwinPair>();
        for (RunConfiguration b : configurations) {
            if (b.fullPrecision()) {
                continue;
            }
            configurations.stream().filter(t -> t.fullPrecision() && t.twinKey().equals(b.twinKey())).findFirst()
                    .ifPresent(t -> pairs.add(new TwinPair(b, t, Comparison.of(t.stats(), b.stats()))));
        }
        return pairs;
    }
}
