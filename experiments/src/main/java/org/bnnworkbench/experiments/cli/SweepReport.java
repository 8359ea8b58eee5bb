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
import org.bnnworkbench.experiments.sweep.JournalEntry;
import org.bnnworkbench.experiments.sweep.ResultsCsv;
import org.bnnworkbench.experiments.sweep.Sweep;
import org.bnnworkbench.experiments.sweep.SweepParameter;
import org.bnnworkbench.experiments.sweep.SweepResult;

/** The end of {@code bnn sweep}: the results as a table (the best marked with *) or as JSON, and a summary line. */
final class SweepReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SweepReport() {
    }

    static void print(SweepResult result, Sweep sweep, boolean json, PrintStream out, PrintStream err) {
        String bestId = result.best().map(JournalEntry::id).orElse(null);
        if (json) {
            out.println(json(result, bestId));
        } else {
            table(result, sweep, bestId, out);
        }
        out.flush();
        err.println(summary(result, bestId));
    }

    private static String summary(SweepResult result, String bestId) {
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
        if (bestId != null) {
            text.append("; best ").append(bestId);
        }
        return text.append("; results in ").append(result.folder().resolve(ResultsCsv.FILE)).toString();
    }

    private static String json(SweepResult result, String bestId) {
        var root = new LinkedHashMap<String, Object>();
        root.put("name", result.name());
        root.put("folder", result.folder().toString());
        root.put("points", result.points().size());
        root.put("notRun", result.notRun());
        root.put("cancelled", result.cancelled());
        root.put("outOfTime", result.outOfTime());
        root.put("best", bestId);
        var results = new ArrayList<Map<String, Object>>();
        for (JournalEntry e : result.results()) {
            Map<String, Object> row = JSON.convertValue(e, JSON.getTypeFactory()
                    .constructMapType(LinkedHashMap.class, String.class, Object.class));
            row.put("best", e.id().equals(bestId));
            results.add(row);
        }
        root.put("results", results);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void table(SweepResult result, Sweep sweep, String bestId, PrintStream out) {
        List<String> header = new ArrayList<>(List.of("", "id"));
        sweep.parameters().stream().map(SweepParameter::name).forEach(header::add);
        header.addAll(List.of("status", "top-1", "size", "OPs", "seconds"));
        var rows = new ArrayList<List<String>>();
        rows.add(header);
        for (JournalEntry e : result.results()) {
            var row = new ArrayList<String>(List.of(e.id().equals(bestId) ? "*" : "", e.id()));
            sweep.parameters().forEach(p -> row.add(ResultsCsv.value(e.point().get(p.name()))));
            row.add(e.status().id());
            row.add(String.format(Locale.ROOT, "%.2f%%", 100 * e.testTop1()));
            row.add(e.modelSizeBytes() == null ? "?" : size(e.modelSizeBytes()));
            row.add(e.ops() == null ? "?" : String.format(Locale.ROOT, "%.3g", e.ops()));
            row.add(String.format(Locale.ROOT, "%.1f", e.wallSeconds()));
            rows.add(row);
        }
        int[] widths = new int[header.size()];
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
