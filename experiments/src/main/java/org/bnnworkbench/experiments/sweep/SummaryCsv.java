package org.bnnworkbench.experiments.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.bnnworkbench.experiments.run.AtomicFile;
import org.bnnworkbench.experiments.stats.Comparison;
import org.bnnworkbench.experiments.stats.ConfigurationStats;
import org.bnnworkbench.experiments.stats.SampleSummary;

/**
 * The two aggregated tables of a sweep, beside {@code results.csv}, rewritten atomically with it after every run:
 *
 * <p>{@code summary.csv}, one row per configuration: every swept value, {@code n} (completed runs), {@code seeds}
 * (space-separated), {@code notCompleted} (diverged or failed), {@code mean}, {@code sd}, {@code ci95Low} and
 * {@code ci95High} of test top-1 (fractions; Student t with n - 1 degrees of freedom; empty for n = 1),
 * {@code testImages}, {@code testSetError} (the runs' mean binomial standard error), {@code modelSizeBytes}, {@code ops},
 * {@code rank} (by mean, 1 = highest) and {@code best} ({@code true} only for a clearly best configuration).
 *
 * <p>{@code comparisons.csv}, one row per pair of configurations: {@code a}, {@code b} (their labels),
 * {@code method} ({@code paired}, {@code welch}, {@code test-set} or {@code none}, see {@link Comparison}), {@code n},
 * {@code difference} (a - b), {@code ci95Low}, {@code ci95High}, {@code distinguishable}.
 */
public final class SummaryCsv {

    public static final String SUMMARY = "summary.csv";
    public static final String COMPARISONS = "comparisons.csv";

    private SummaryCsv() {
    }

    static void write(Path folder, SweepSummary summary, List<JournalEntry> entries) throws IOException {
        AtomicFile.write(folder.resolve(SUMMARY), summary(summary, entries).getBytes(StandardCharsets.UTF_8));
        AtomicFile.write(folder.resolve(COMPARISONS), comparisons(summary).getBytes(StandardCharsets.UTF_8));
    }

    static String summary(SweepSummary summary, List<JournalEntry> entries) {
        var header = new ArrayList<>(summary.parameters());
        header.addAll(List.of("n", "seeds", "notCompleted", "mean", "sd", "ci95Low", "ci95High", "testImages",
                "testSetError", "modelSizeBytes", "ops", "rank", "best"));
        var text = new StringBuilder(ResultsCsv.row(header));
        for (ConfigurationStats c : summary.configurations()) {
            var cells = new ArrayList<String>();
            summary.parameters().forEach(p -> cells.add(ResultsCsv.value(c.values().get(p))));
            SampleSummary s = c.summary();
            cells.add(Integer.toString(c.n()));
            var seeds = new StringJoiner(" ");
            c.runs().forEach(r -> seeds.add(Long.toString(r.seed())));
            cells.add(seeds.toString());
            cells.add(Integer.toString(c.notCompleted()));
            cells.add(s == null ? "" : ResultsCsv.number(s.mean()));
            cells.add(s == null || !s.hasInterval() ? "" : ResultsCsv.number(s.sd()));
            cells.add(s == null || !s.hasInterval() ? "" : ResultsCsv.number(s.interval().low()));
            cells.add(s == null || !s.hasInterval() ? "" : ResultsCsv.number(s.interval().high()));
            cells.add(ResultsCsv.value(c.testImages()));
            cells.add(c.meanTestSetError().isPresent() ? ResultsCsv.number(c.meanTestSetError().getAsDouble()) : "");
            JournalEntry cost = entries.stream().filter(e -> summary.configurationOf(e) == c
                    && e.modelSizeBytes() != null).findFirst().orElse(null);
            cells.add(cost == null ? "" : ResultsCsv.value(cost.modelSizeBytes()));
            cells.add(cost == null ? "" : ResultsCsv.value(cost.ops()));
            int rank = summary.ranking().rank(c);
            cells.add(rank == 0 ? "" : Integer.toString(rank));
            cells.add(Boolean.toString(summary.ranking().best() == c));
            text.append(ResultsCsv.row(cells));
        }
        return text.toString();
    }

    static String comparisons(SweepSummary summary) {
        var text = new StringBuilder(ResultsCsv.row(List.of("a", "b", "method", "n", "difference", "ci95Low",
                "ci95High", "distinguishable")));
        for (Comparison c : summary.comparisons()) {
            text.append(ResultsCsv.row(List.of(c.a().label(), c.b().label(), c.method().id(), Integer.toString(c.n()),
                    ResultsCsv.number(c.difference()),
                    c.interval() == null ? "" : ResultsCsv.number(c.interval().low()),
                    c.interval() == null ? "" : ResultsCsv.number(c.interval().high()),
                    Boolean.toString(c.distinguishable()))));
        }
        return text.toString();
    }
}
