package org.bnnworkbench.experiments.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.bnnworkbench.experiments.run.RunRecord;
import org.bnnworkbench.experiments.stats.ConfigurationStats;
import org.bnnworkbench.experiments.stats.SeedResult;

/**
 * Runs that differ only by their seed: one configuration, whatever folders they came from (a sweep's repeats, runs
 * given on their own). Its statistics are a {@link ConfigurationStats}, as a sweep's are. A full-precision twin
 * ignores {@link ReportRun#BINARY_ONLY the binary-only settings}, so twin runs that differ only in those are one
 * configuration too. A run with the same settings and seed as one already taken (a replication study copies the
 * runs an earlier study trained with the same settings) is the same run and counts once.
 *
 * @param key   what the runs share: design, data set and every setting but the seed
 * @param runs  the runs counted, one per seed, in the order given
 * @param stats their test top-1 over the seeds, labelled as {@link #label(List)} says
 */
public record RunConfiguration(String key, List<ReportRun> runs, ConfigurationStats stats) {

    public RunConfiguration {
        runs = List.copyOf(runs);
    }

    /** The completed runs grouped by configuration, in the order of each configuration's first run. */
    public static List<RunConfiguration> group(List<ReportRun> runs) {
        var groups = new LinkedHashMap<String, List<ReportRun>>();
        for (ReportRun r : runs) {
            if (!r.completed()) {
                continue;
            }
            List<ReportRun> group = groups.computeIfAbsent(key(r), k -> new ArrayList<>());
            Object seed = r.record().config().get("seed");
            if (group.stream().noneMatch(g -> String.valueOf(g.record().config().get("seed"))
                    .equals(String.valueOf(seed)))) {
                group.add(r);
            }
        }
        var configurations = new ArrayList<RunConfiguration>();
        groups.forEach((key, group) -> configurations.add(of(key, group)));
        return configurations;
    }

    private static RunConfiguration of(String key, List<ReportRun> runs) {
        var results = new ArrayList<SeedResult>();
        for (ReportRun r : runs) {
            RunRecord rec = r.record();
            results.add(new SeedResult(seed(r), rec.testTop1(),
                    rec.dataset() == null ? null : rec.dataset().testImages()));
        }
        return new RunConfiguration(key, runs, ConfigurationStats.of(label(runs), Map.of(), results, 0));
    }

    /**
     * What runs of one configuration share: architecture, overrides, full precision or not, data set and every
     * setting but the seed; for a full-precision twin without the settings it ignores.
     */
    static String key(ReportRun r) {
        RunRecord rec = r.record();
        Map<String, Object> shared = new LinkedHashMap<>(rec.config());
        shared.remove("seed");
        if (rec.fullPrecision()) {
            ReportRun.BINARY_ONLY.forEach(shared::remove);
        }
        return rec.arch() + " " + rec.params() + " " + rec.fullPrecision() + " " + r.dataset() + " " + shared;
    }

    /**
     * The configuration's name: a sweep's swept values without the seed ({@code clip=1.3}), a run's own name for
     * a run given alone; several names joined with " / " (at most two, then how many more).
     */
    static String label(List<ReportRun> runs) {
        var names = new LinkedHashSet<String>();
        for (ReportRun r : runs) {
            names.add(r.configuration() != null ? r.configuration() : r.id());
        }
        var list = new ArrayList<>(names);
        if (list.size() <= 2) {
            return String.join(" / ", list);
        }
        return list.get(0) + " / " + list.get(1) + " and " + (list.size() - 2) + " more";
    }

    private static long seed(ReportRun r) {
        Object seed = r.record().config().get("seed");
        if (seed instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(String.valueOf(seed));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The first run: the design, data set and cost every run of the configuration shares. */
    public ReportRun first() {
        return runs.get(0);
    }

    public String designName() {
        return first().designName();
    }

    public String dataset() {
        return first().dataset();
    }

    public boolean fullPrecision() {
        return first().record().fullPrecision();
    }

    /** What a binary configuration and its full-precision twin share: {@link ReportRun#twinKey()} without the seed. */
    String twinKey() {
        RunRecord rec = first().record();
        Map<String, Object> shared = new LinkedHashMap<>(rec.config());
        ReportRun.BINARY_ONLY.forEach(shared::remove);
        shared.remove("seed");
        return rec.arch() + " " + rec.params() + " " + dataset() + " " + shared;
    }
}
