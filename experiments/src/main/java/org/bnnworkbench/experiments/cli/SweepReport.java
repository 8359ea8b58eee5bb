package org.bnnworkbench.experiments.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bnnworkbench.experiments.stats.Comparison;
import org.bnnworkbench.experiments.stats.ConfigurationStats;
import org.bnnworkbench.experiments.stats.SampleSummary;
import org.bnnworkbench.experiments.stats.TestSetError;
import org.bnnworkbench.experiments.sweep.JournalEntry;
import org.bnnworkbench.experiments.sweep.ResultsCsv;
import org.bnnworkbench.experiments.sweep.Sweep;
import org.bnnworkbench.experiments.sweep.SweepParameter;
import org.bnnworkbench.experiments.sweep.SweepResult;
import org.bnnworkbench.experiments.sweep.SweepSummary;
import org.bnnworkbench.experiments.sweep.SummaryCsv;

/**
 * The end of {@code bnn sweep}: the runs as a table, then the runs aggregated by configuration (mean test top-1 with
 * its 95 % interval, the best marked with * only when it is clearly best) and the verdict; or all of it as JSON; and a
 * summary line.
 */
final class SweepReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SweepReport() {
    }

    static void print(SweepResult result, Sweep sweep, boolean json, PrintStream out, PrintStream err) {
        List<String> names = sweep.parameters().stream().map(SweepParameter::name).toList();
        SweepSummary summary = SweepSummary.of(names, result.results());
        if (json) {
            out.println(json(result, summary));
        } else {
            runs(result, sweep, summary, out);
            out.println();
            configurations(summary, out);
            out.println();
            out.println(summary.ranking().verdict());
        }
        out.flush();
        err.println(line(result, summary));
    }

    private static String line(SweepResult result, SweepSummary summary) {
        var text = new StringBuilder(String.format(Locale.ROOT, "sweep %s: %d of %d points have results, %d ran now",
                result.name(), result.results().size(), result.points().size(), result.ranNow()));
        if (result.failed() > 0) {
            text.append(", ").append(result.failed()).append(" diverged or failed");
        }
        if (result.cancelled()) {
            text.append("; cancelled: start it again to go on");
        } else if (result.outOfTime()) {
            text.append("; the time budget ran out before ").append(result.notRun()).append(" point(s)");
        }
        ConfigurationStats best = summary.ranking().best();
        text.append(best != null ? "; best " + best.label() : "; no clear best");
        return text.append("; results in ").append(result.folder().resolve(ResultsCsv.FILE)).append(", ")
                .append(SummaryCsv.SUMMARY).append(" and ").append(SummaryCsv.COMPARISONS).toString();
    }

    private static String json(SweepResult result, SweepSummary summary) {
        var root = new LinkedHashMap<String, Object>();
        root.put("name", result.name());
        root.put("folder", result.folder().toString());
        root.put("points", result.points().size());
        root.put("notRun", result.notRun());
        root.put("cancelled", result.cancelled());
        root.put("outOfTime", result.outOfTime());
        root.put("best", summary.ranking().best() == null ? null : summary.ranking().best().label());
        root.put("verdict", summary.ranking().verdict());
        var results = new ArrayList<Map<String, Object>>();
        for (JournalEntry e : result.results()) {
            Map<String, Object> row = JSON.convertValue(e, JSON.getTypeFactory()
                    .constructMapType(LinkedHashMap.class, String.class, Object.class));
            row.put("best", summary.isOfBest(e));
            results.add(row);
        }
        root.put("results", results);
        root.put("configurations", summary.configurations().stream().map(c -> configuration(summary, c)).toList());
        root.put("comparisons", summary.comparisons().stream().map(SweepReport::comparison).toList());
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> configuration(SweepSummary summary, ConfigurationStats c) {
        var row = new LinkedHashMap<String, Object>();
        row.put("label", c.label());
        row.put("values", c.values());
        row.put("n", c.n());
        row.put("seeds", c.runs().stream().map(r -> r.seed()).toList());
        row.put("notCompleted", c.notCompleted());
        SampleSummary s = c.summary();
        row.put("mean", s == null ? null : s.mean());
        row.put("sd", s == null || !s.hasInterval() ? null : s.sd());
        row.put("ci95Low", s == null || !s.hasInterval() ? null : s.interval().low());
        row.put("ci95High", s == null || !s.hasInterval() ? null : s.interval().high());
        row.put("testImages", c.testImages());
        row.put("testSetError", c.meanTestSetError().isPresent() ? c.meanTestSetError().getAsDouble() : null);
        row.put("best", summary.ranking().best() == c);
        return row;
    }

    static Map<String, Object> comparison(Comparison c) {
        var row = new LinkedHashMap<String, Object>();
        row.put("a", c.a().label());
        row.put("b", c.b().label());
        row.put("method", c.method().id());
        row.put("n", c.n());
        row.put("difference", Double.isNaN(c.difference()) ? null : c.difference());
        row.put("ci95Low", c.interval() == null ? null : c.interval().low());
        row.put("ci95High", c.interval() == null ? null : c.interval().high());
        row.put("distinguishable", c.distinguishable());
        return row;
    }

    private static void runs(SweepResult result, Sweep sweep, SweepSummary summary, PrintStream out) {
        List<String> header = new ArrayList<>(List.of("", "id"));
        sweep.parameters().stream().map(SweepParameter::name).forEach(header::add);
        header.addAll(List.of("seed", "status", "top-1", "size", "OPs", "seconds"));
        var rows = new ArrayList<List<String>>();
        rows.add(header);
        for (JournalEntry e : result.results()) {
            var row = new ArrayList<String>(List.of(summary.isOfBest(e) ? "*" : "", e.id()));
            sweep.parameters().forEach(p -> row.add(ResultsCsv.value(e.point().get(p.name()))));
            row.add(Long.toString(e.seed()));
            row.add(e.status().id());
            row.add(accuracy(e));
            row.add(e.modelSizeBytes() == null ? "?" : size(e.modelSizeBytes()));
            row.add(e.ops() == null ? "?" : String.format(Locale.ROOT, "%.3g", e.ops()));
            row.add(String.format(Locale.ROOT, "%.1f", e.wallSeconds()));
            rows.add(row);
        }
        print(rows, out);
    }

    /** E.g. {@code 80.50% ± 0.89}: the run's accuracy and its binomial test-set standard error in points. */
    static String accuracy(JournalEntry e) {
        return TestSetError.describe(e.testTop1(), e.testImages());
    }

    static void configurations(SweepSummary summary, PrintStream out) {
        List<String> header = new ArrayList<>(List.of(""));
        header.addAll(summary.parameters());
        header.addAll(List.of("n", "mean top-1", "95% CI", "sd", "test-set se"));
        var rows = new ArrayList<List<String>>();
        rows.add(header);
        for (ConfigurationStats c : summary.configurations()) {
            var row = new ArrayList<String>();
            row.add(summary.ranking().best() == c ? "*" : "");
            summary.parameters().forEach(p -> row.add(ResultsCsv.value(c.values().get(p))));
            SampleSummary s = c.summary();
            row.add(c.n() + (c.notCompleted() > 0 ? " (+" + c.notCompleted() + " failed)" : ""));
            row.add(s == null ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * s.mean()));
            row.add(s == null || !s.hasInterval() ? "-" : String.format(Locale.ROOT, "%.2f to %.2f%%",
                    100 * s.interval().low(), 100 * s.interval().high()));
            row.add(s == null || !s.hasInterval() ? "-" : String.format(Locale.ROOT, "%.2f", 100 * s.sd()));
            row.add(c.meanTestSetError().isPresent() ? String.format(Locale.ROOT, "%.2f",
                    100 * c.meanTestSetError().getAsDouble()) : "-");
            rows.add(row);
        }
        print(rows, out);
    }

    private static void print(List<List<String>> rows, PrintStream out) {
        int[] widths = new int[rows.get(0).size()];
        rows.forEach(r -> {
            for (int i = 0; i < r.size(); i++) {
                widths[i] = Math.max(widths[i], r.get(i).length());
            }
        });
        for (List<String> r : rows) {
            var line = new StringBuilder();
            for (int i = 0; i < r.size(); i++) {
                line.append(i == 0 ? "" : "  ").append(String.format("%-" + Math.max(1, widths[i]) + "s", r.get(i)));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** KiB below a MiB, MiB above: small networks are tens of KiB, published ones tens of MiB. */
    static String size(long bytes) {
        return bytes < 1024 * 1024 ? String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0)
                : String.format(Locale.ROOT, "%.2f MiB", bytes / (1024.0 * 1024.0));
    }
}
