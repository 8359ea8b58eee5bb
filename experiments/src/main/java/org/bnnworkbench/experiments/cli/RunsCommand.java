package org.bnnworkbench.experiments.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bnnworkbench.experiments.run.TrainingParameters;
import org.bnnworkbench.experiments.store.RunQuery;
import org.bnnworkbench.experiments.store.RunStore;
import org.bnnworkbench.experiments.stats.TestSetError;
import org.bnnworkbench.experiments.store.RunSummary;

/**
 * {@code bnn runs}: lists the runs of a run store (by default {@code ~/.bnn-workbench/runs}; a sweep's runs are in
 * {@code DIR/runs}), filtered and sorted by any value: a field, a hyperparameter or an architecture parameter.
 */
final class RunsCommand implements Subcommand {

    static final String COMMAND = "bnn runs";
    private static final List<String> COLUMNS = List.of("id", "status", "arch", "dataset", "epochs", "testTop1",
            "modelSizeBytes", "ops", "wallSeconds", "startedAt");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String name() {
        return "runs";
    }

    @Override
    public String summary() {
        return "list the runs of a run store, filtered and sorted ('bnn help runs')";
    }

    @Override
    public String usage() {
        return String.join(System.lineSeparator(),
                "usage: bnn runs [--dir DIR] [--filter KEY=VALUE ...] [--sort KEY [--desc]] [--json]",
                "  --dir         the run store (default ~/.bnn-workbench/runs; a sweep's runs are in its DIR/runs)",
                "  --filter      keep runs whose KEY compares so to VALUE: = != < <= > >= (repeatable), e.g.",
                "                --filter status=completed --filter 'clip>=1'",
                "  --sort        order by KEY (default id); --desc for the largest first",
                "  KEY           a field: " + String.join(", ", RunSummary.FIELDS.subList(0, 7)) + ",",
                "                " + String.join(", ", RunSummary.FIELDS.subList(7, RunSummary.FIELDS.size()))
                        + ", size;",
                "                a hyperparameter such as clip, lr, estimator (see 'bnn help train');",
                "                or an architecture parameter given with --param (e.g. growthRate)",
                "  a run whose record says running but whose process is gone shows as interrupted");
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Options options = new Options(COMMAND).value("dir").repeatable("filter").value("sort").flag("desc")
                .flag("json").parse(args);
        if (!options.positional().isEmpty()) {
            throw options.problem("unexpected argument '" + options.positional().get(0) + "'");
        }
        RunStore store = new RunStore(folder(options));
        List<RunSummary> all;
        try {
            all = store.list();
        } catch (IOException e) {
            throw new CommandFailedException(COMMAND + ": cannot list '" + store.folder() + "': " + e.getMessage());
        }
        RunQuery query = RunQuery.all();
        Set<String> extra = new LinkedHashSet<>();
        for (String filter : options.strings("filter")) {
            try {
                query = query.filter(filter);
            } catch (IllegalArgumentException e) {
                throw options.problem("--filter " + e.getMessage());
            }
            String key = query.conditions().get(query.conditions().size() - 1).key();
            checkKey(options, "--filter", key, all);
            extra.add(key);
        }
        if (options.string("sort").isPresent()) {
            String key = options.string("sort").get();
            checkKey(options, "--sort", key, all);
            query = query.sortBy(key, options.isSet("desc"));
            extra.add(key);
        }
        List<RunSummary> runs = query.apply(all);
        if (options.isSet("json")) {
            out.println(json(runs));
        } else if (runs.isEmpty()) {
            err.println(COMMAND + ": no runs" + (all.isEmpty() ? " in '" + store.folder() + "'" : " match"));
        } else {
            table(runs, extra, out);
        }
        return ExitCode.OK;
    }

    private static Path folder(Options options) {
        String text = options.string("dir").orElse(null);
        try {
            return text == null ? RunStore.defaultFolder() : Path.of(text);
        } catch (InvalidPathException e) {
            throw options.problem("--dir '" + text + "' is not a valid path (" + e.getReason() + ")");
        }
    }

    /** A key no run has is surely a typo: say so rather than print nothing. */
    private static void checkKey(Options options, String option, String key, List<RunSummary> runs) {
        boolean known = RunSummary.FIELDS.contains(key) || key.equals("size")
                || TrainingParameters.find(key).isPresent() || runs.stream().anyMatch(r -> r.value(key) != null);
        if (!known) {
            throw options.problem(option + ": unknown key '" + key + "' (try " + String.join(", ", RunSummary.FIELDS)
                    + ", a hyperparameter such as clip, or an architecture parameter of the runs)");
        }
    }

    private static String json(List<RunSummary> runs) {
        var list = new ArrayList<Map<String, Object>>();
        for (RunSummary r : runs) {
            var row = new LinkedHashMap<String, Object>(r.values());
            row.put("folder", r.folder().toString());
            row.put("resumable", r.resumable());
            row.put("testImages", r.testImages());
            row.put("testSetError", r.testSetError() == null ? null : r.testSetError().standardError());
            row.put("message", r.message());
            list.add(row);
        }
        try {
            return JSON.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void table(List<RunSummary> runs, Set<String> extra, PrintStream out) {
        var columns = new ArrayList<>(COLUMNS);
        extra.stream().map(k -> k.equals("size") ? "modelSizeBytes" : k).filter(k -> !columns.contains(k))
                .forEach(columns::add);
        var rows = new ArrayList<List<String>>();
        rows.add(columns.stream().map(RunsCommand::heading).toList());
        for (RunSummary r : runs) {
            rows.add(columns.stream().map(c -> c.equals("testTop1") ? accuracy(r) : cell(c, r.value(c))).toList());
        }
        int[] widths = new int[columns.size()];
        rows.forEach(row -> {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        for (List<String> row : rows) {
            var line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == 0 ? "" : "  ").append(String.format("%-" + widths[i] + "s", row.get(i)));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** E.g. {@code 80.50% ± 0.89}: the accuracy and its test-set standard error in points. */
    static String accuracy(RunSummary r) {
        return r.testSetError() == null ? cell("testTop1", r.testTop1())
                : TestSetError.describe(r.testTop1(), r.testImages());
    }

    private static String heading(String column) {
        return switch (column) {
            case "testTop1" -> "top-1 \u00b1 se";
            case "modelSizeBytes" -> "size";
            case "ops" -> "OPs";
            case "wallSeconds" -> "seconds";
            case "startedAt" -> "started";
            default -> column;
        };
    }

    private static String cell(String column, Object value) {
        if (value == null) {
            return "-";
        }
        return switch (column) {
            case "testTop1" -> String.format(Locale.ROOT, "%.2f%%", 100 * ((Number) value).doubleValue());
            case "modelSizeBytes" -> SweepReport.size(((Number) value).longValue());
            case "ops" -> String.format(Locale.ROOT, "%.3g", ((Number) value).doubleValue());
            case "wallSeconds" -> String.format(Locale.ROOT, "%.1f", ((Number) value).doubleValue());
            default -> String.valueOf(value);
        };
    }
}
