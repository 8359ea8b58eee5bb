package org.bnnworkbench.experiments.sweep;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bnnworkbench.experiments.run.AtomicFile;
import org.bnnworkbench.experiments.run.RunStatus;
import org.bnnworkbench.experiments.stats.TestSetError;

/**
 * A sweep's {@code results.csv}: a header, then one row per ended run of the sweep's points in point order: the id,
 * every swept value, the seed (once, also when it is swept), the status, test top-1, the test images it was measured
 * on and its test-set standard error (binomial, see {@link org.bnnworkbench.experiments.stats.TestSetError}), model
 * size in bytes, OPs, wall seconds, and {@code best} ({@code true} for the completed runs of the configuration that
 * is clearly best, see {@link org.bnnworkbench.experiments.stats.Ranking}; with no clear best, none). Rewritten whole
 * and atomically from the journal after every run. Fields with commas or quotes are quoted as RFC 4180 says.
 */
public final class ResultsCsv {

    public static final String FILE = "results.csv";
    static final List<String> METRICS = List.of("seed", "status", "testTop1", "testImages", "testSetError",
            "modelSizeBytes", "ops", "wallSeconds", "best");

    private ResultsCsv() {
    }

    /** The completed entry with the highest test top-1 (the first of equals), if any completed. */
    public static Optional<JournalEntry> highest(List<JournalEntry> entries) {
        JournalEntry best = null;
        for (JournalEntry e : entries) {
            if (e.status() == RunStatus.COMPLETED && (best == null || e.testTop1() > best.testTop1())) {
                best = e;
            }
        }
        return Optional.ofNullable(best);
    }

    static void write(Path file, List<String> parameters, List<JournalEntry> entries) throws IOException {
        AtomicFile.write(file, text(parameters, entries).getBytes(StandardCharsets.UTF_8));
    }

    static String text(List<String> parameters, List<JournalEntry> entries) {
        var header = new ArrayList<String>();
        header.add("id");
        header.addAll(parameters);
        boolean seedSwept = parameters.contains("seed");
        METRICS.stream().filter(m -> !(seedSwept && m.equals("seed"))).forEach(header::add);
        var text = new StringBuilder(row(header));
        SweepSummary summary = SweepSummary.of(parameters, entries);
        for (JournalEntry e : entries) {
            var cells = new ArrayList<String>();
            cells.add(e.id());
            for (String parameter : parameters) {
                cells.add(value(e.point().get(parameter)));
            }
            if (!seedSwept) {
                cells.add(Long.toString(e.seed()));
            }
            cells.add(e.status().id());
            cells.add(value(e.testTop1()));
            cells.add(value(e.testImages()));
            cells.add(e.testImages() == null || e.status() != RunStatus.COMPLETED ? ""
                    : number(new TestSetError(e.testTop1(), e.testImages()).standardError()));
            cells.add(value(e.modelSizeBytes()));
            cells.add(value(e.ops()));
            cells.add(value(e.wallSeconds()));
            cells.add(Boolean.toString(e.status() == RunStatus.COMPLETED && summary.isOfBest(e)));
            text.append(row(cells));
        }
        return text.toString();
    }

    /** Numbers in plain decimal (0.0001, not 1.0E-4), so that every spreadsheet reads them. */
    public static String value(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString()
                    : Double.toString(d);
        }
        return value.toString();
    }

    /** A derived number (a mean, an interval bound) to 6 significant digits, plain decimal. */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return "";
        }
        return new BigDecimal(value).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    static String row(List<String> cells) {
        var line = new StringBuilder();
        for (String cell : cells) {
            if (line.length() > 0) {
                line.append(',');
            }
            boolean quote = cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r");
            line.append(quote ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
        }
        return line.append("\n").toString();
    }
}
