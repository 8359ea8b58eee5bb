package org.bnnworkbench.experiments.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bnnworkbench.engine.cost.LayerCost;
import org.bnnworkbench.engine.cost.NetworkCost;
import org.bnnworkbench.experiments.run.RunRecord;
import org.bnnworkbench.experiments.run.TrainingParameter;
import org.bnnworkbench.experiments.run.TrainingParameters;
import org.bnnworkbench.experiments.replication.ClaimCheck;
import org.bnnworkbench.experiments.run.RunStatus;
import org.bnnworkbench.experiments.stats.Comparison;
import org.bnnworkbench.experiments.stats.ConfigurationStats;
import org.bnnworkbench.experiments.stats.Interval;
import org.bnnworkbench.experiments.stats.SampleSummary;
import org.bnnworkbench.experiments.sweep.JournalEntry;
import org.bnnworkbench.experiments.sweep.ResultsCsv;
import org.bnnworkbench.experiments.sweep.SweepSummary;

/**
 * The tables of a report, each built from the report's data alone. Statistics are never computed here: means,
 * intervals, comparisons, ranks and verdicts are read from {@link SweepSummary}, {@link ClaimCheck} and
 * {@link TwinPair} as they are.
 */
public final class ReportTables {

    /** The shown accuracy column ({@code 89.10 ± 0.70}) and the two numbers behind it, in the CSV file only. */
    static final String ACCURACY = "test top-1 (%) \u00b1 SE";
    static final String TOP1 = "test top-1 (%)";
    static final String SE = "test-set SE (points)";

    private ReportTables() {
    }

    /** Every primitive layer of a design with its output shape and cost (BMXNet convention). */
    public static Table layers(String id, ReportDesign design) {
        var t = Table.builder(id, "Per-layer cost of " + design.name() + " (" + design.spec().input()
                        + " input, BMXNet convention: binary weights 1 bit, others 32 bits; OPs = FLOPs + BOPs/64)")
                .text("layer").text("block").text("kind").text("output (CxHxW)").number("binary params")
                .number("32-bit params").number("size (bytes)").number("FLOPs").number("BOPs").number("OPs");
        for (LayerCost l : design.cost().layers()) {
            t.row(l.name(), l.block(), l.kind(), l.output().toString(), Cells.integer(l.binaryParams()),
                    Cells.integer(l.fpParams()), Cells.fixed(l.sizeBytes(), 1), Cells.integer(l.flops()),
                    Cells.integer(l.bops()), Cells.fixed(l.ops(), 1));
        }
        NetworkCost c = design.cost();
        t.row("total", "", "", "", Cells.integer(c.binaryParams()), Cells.integer(c.fpParams()),
                Cells.integer(c.modelSizeBytes()), Cells.integer(c.flops()), Cells.integer(c.bops()),
                Cells.fixed(c.ops(), 1));
        return t.build();
    }

    /** The caption's note on the "±" of an accuracy. */
    static final String PLUS_MINUS = "\u00b1 is the run's binomial test-set standard error in points,"
            + " sqrt(p(1-p)/n) over its n test images; the CSV file has both numbers in columns of their own";

    /** One line per run: what it was, how it ended, what it gave (with its test-set standard error). */
    public static Table runs(List<ReportRun> runs) {
        var t = Table.builder("runs", "Runs: test top-1 after the last epoch; size and OPs of the network as trained;"
                        + " " + PLUS_MINUS)
                .text("run").text("sweep").text("design").text("data set").text("status").number("epochs")
                .number(ACCURACY).csvNumber(TOP1).csvNumber(SE).number("size (bytes)").number("OPs").number("seed")
                .number("wall time (s)");
        for (ReportRun r : runs) {
            RunRecord rec = r.record();
            RunRecord.Cost c = rec.cost();
            Integer images = rec.dataset() == null ? null : rec.dataset().testImages();
            t.row(r.id(), Cells.nullable(r.sweep()), r.designName(), r.dataset(), rec.status().id(),
                    Cells.integer(rec.epochs()), Cells.percentWithError(rec.testTop1(), images),
                    Cells.percent(rec.testTop1()), Cells.points(Cells.testSetError(rec.testTop1(), images)),
                    c == null ? "" : Cells.integer(c.modelSizeBytes()), c == null ? "" : Cells.sci(c.ops()),
                    Cells.nullable(rec.config().get("seed")), Cells.fixed(rec.wallSeconds(), 1));
        }
        return t.build();
    }

    /** Every run's complete settings in one wide table (CSV only), with the command that trains it again. */
    public static Table runSettings(List<ReportRun> runs) {
        var t = Table.builder("run-settings", "Every setting of every run, and the command that trains it again")
                .text("run").text("sweep").text("arch").text("params").text("fullPrecision").text("dataset");
        for (TrainingParameter p : TrainingParameters.all()) {
            t.text(p.name());
        }
        t.text("command");
        for (ReportRun r : runs) {
            RunRecord rec = r.record();
            var cells = new ArrayList<>(List.of(r.id(), Cells.nullable(r.sweep()), rec.arch(),
                    rec.params().toString(), Boolean.toString(rec.fullPrecision()), r.dataset()));
            for (TrainingParameter p : TrainingParameters.all()) {
                cells.add(Cells.nullable(rec.config().get(p.name())));
            }
            cells.add(command(r));
            t.row(cells);
        }
        return t.build();
    }

    /** The command that trains the run again, into a new folder {@code reproduce/<id>}. */
    public static String command(ReportRun r) {
        return TrainCommandLine.of(r.record(), "reproduce/" + r.id());
    }

    /** A run's settings in one line: {@code epochs=2, batch=128, ...}. */
    public static String settingsLine(RunRecord record) {
        var text = new StringBuilder();
        for (Map.Entry<String, Object> e : record.config().entrySet()) {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(e.getKey()).append('=').append(e.getValue());
        }
        return text.toString();
    }

    /** A sweep's points as its {@code results.csv} has them, accuracy in percent with its test-set error. */
    public static Table sweep(String id, ReportSweep sweep) {
        return sweepRuns(id, "Sweep " + sweep.name(), sweep.parameters(), sweep.entries(), sweep.summary());
    }

    /**
     * One row per ended point of a sweep's journal, in point order; {@code best} marks the runs of the clearly best
     * configuration ({@link SweepSummary#isOfBest}), none when no configuration is clearly best.
     */
    public static Table sweepRuns(String id, String name, List<String> parameters, List<JournalEntry> entries,
                                  SweepSummary summary) {
        var t = Table.builder(id, name + ": one row per ended point, in point order; " + PLUS_MINUS
                + "; best: a run of the clearly best configuration, if one is").text("point");
        parameters.forEach(t::text);
        t.number("seed").text("status").number(ACCURACY).csvNumber(TOP1).csvNumber(SE).number("size (bytes)")
                .number("OPs").number("wall time (s)").text("best");
        for (JournalEntry e : entries) {
            var cells = new ArrayList<String>();
            cells.add(e.id());
            parameters.forEach(p -> cells.add(ResultsCsv.value(e.point().get(p))));
            cells.add(Long.toString(e.seed()));
            cells.add(e.status().id());
            boolean completed = e.status() == RunStatus.COMPLETED;
            cells.add(completed ? Cells.percentWithError(e.testTop1(), e.testImages()) : "");
            cells.add(completed ? Cells.percent(e.testTop1()) : "");
            cells.add(completed ? Cells.points(Cells.testSetError(e.testTop1(), e.testImages())) : "");
            cells.add(Cells.nullable(e.modelSizeBytes()));
            cells.add(e.ops() == null ? "" : Cells.sci(e.ops()));
            cells.add(Cells.fixed(e.wallSeconds(), 1));
            cells.add(summary.isOfBest(e) && completed ? "best" : "");
            t.row(cells);
        }
        return t.build();
    }

    /**
     * One row per configuration of a sweep: its values, completed runs and seeds, mean test top-1 with its 95 %
     * interval, the seeds' standard deviation, the runs' mean test-set standard error, its rank by mean and whether
     * it is clearly best, all as {@link SweepSummary} has them. A configuration of one run has no t-interval: its
     * interval is the run's test-set (Wilson) interval, as the charts draw it, and the {@code interval} column says so.
     */
    public static Table configurations(String id, String name, SweepSummary summary) {
        var t = Table.builder(id, name + ": the runs by configuration (seed aside): mean test top-1 with its 95%"
                + " interval (Student t over the seeds, n - 1 degrees of freedom; for one run its test-set interval),"
                + " sd over the seeds, the runs' mean test-set standard error, rank by mean, and the clearly best"
                + " configuration if there is one");
        summary.parameters().forEach(t::text);
        t.number("n").number("not completed").text("seeds").number("mean (%)").number("95% CI low (%)")
                .number("95% CI high (%)").text("interval").number("sd (points)").number("test-set SE (points)")
                .number("rank").text("best");
        for (ConfigurationStats c : summary.configurations()) {
            var cells = new ArrayList<String>();
            summary.parameters().forEach(p -> cells.add(ResultsCsv.value(c.values().get(p))));
            cells.add(Integer.toString(c.n()));
            cells.add(Integer.toString(c.notCompleted()));
            cells.add(String.join(" ", c.runs().stream().map(r -> Long.toString(r.seed())).toList()));
            SampleSummary s = c.summary();
            if (s == null) {
                cells.addAll(List.of("", "", "", "no completed run", "", ""));
            } else {
                Interval i = IntervalCharts.interval(c);
                cells.add(Cells.percent(s.mean()));
                cells.add(Cells.percent(i.low()));
                cells.add(Cells.percent(i.high()));
                cells.add(s.hasInterval() ? "t, " + s.n() + " seeds"
                        : c.runs().get(0).testSetError() != null ? "test set, one run" : "none: one run");
                cells.add(s.hasInterval() ? Cells.points(s.sd()) : "");
                cells.add(c.meanTestSetError().isPresent() ? Cells.points(c.meanTestSetError().getAsDouble()) : "");
            }
            int rank = summary.ranking().rank(c);
            cells.add(rank == 0 ? "" : Integer.toString(rank));
            cells.add(summary.ranking().best() == c ? "best" : "");
            t.row(cells);
        }
        return t.build();
    }

    /** Every pair of configurations of a sweep compared, a - b, as {@link SweepSummary#comparisons()} has them. */
    public static Table comparisons(String id, String name, SweepSummary summary) {
        var t = Table.builder(id, name + ": every pair of configurations, difference a - b in test top-1 with its 95%"
                + " interval; paired: over the seeds both have (t, n - 1 df); welch: unpaired; test-set: one run"
                + " each, the runs' binomial errors only; distinguishable: the interval excludes zero")
                .text("a").text("b").text("method").number("n").number("difference (points)")
                .number("95% CI low (points)").number("95% CI high (points)").text("distinguishable");
        for (Comparison c : summary.comparisons()) {
            t.row(comparisonCells(c));
        }
        return t.build();
    }

    /** a, b, method, n, difference and its interval in points, and whether it is told apart from zero. */
    private static List<String> comparisonCells(Comparison c) {
        return List.of(c.a().label(), c.b().label(), c.method().id(), Integer.toString(c.n()),
                Cells.points(c.difference()), c.interval() == null ? "" : Cells.points(c.interval().low()),
                c.interval() == null ? "" : Cells.points(c.interval().high()), c.distinguishable() ? "yes" : "no");
    }

    /**
     * The comparisons of one claim of a replication study, each with its two configurations' means, the difference
     * with its 95 % interval, and its verdict, as {@link ClaimCheck} has them.
     */
    public static Table claim(String id, ClaimCheck check) {
        var t = Table.builder(id, "Claim " + check.claim().id() + ": each comparison a - b, test top-1 in percent,"
                        + " difference in points with its 95% interval, and what it says of the claim")
                .text("a").number("a mean (%)").text("b").number("b mean (%)").text("method").number("n")
                .number("difference (points)").number("95% CI low (points)").number("95% CI high (points)")
                .text("verdict");
        for (ClaimCheck.Checked c : check.comparisons()) {
            String a = c.a() == null ? labelOf(c.pair().a()) : c.a().label();
            String b = c.b() == null ? labelOf(c.pair().b()) : c.b().label();
            Comparison k = c.comparison();
            if (k == null) {
                t.row(a, c.a() != null && c.a().hasResults() ? Cells.percent(c.a().summary().mean()) : "", b,
                        c.b() != null && c.b().hasResults() ? Cells.percent(c.b().summary().mean()) : "", "", "", "",
                        "", "", c.verdict().text());
            } else {
                t.row(a, Cells.percent(k.a().summary().mean()), b, Cells.percent(k.b().summary().mean()),
                        k.method().id(), Integer.toString(k.n()), Cells.points(k.difference()),
                        k.interval() == null ? "" : Cells.points(k.interval().low()),
                        k.interval() == null ? "" : Cells.points(k.interval().high()), c.verdict().text());
            }
        }
        return t.build();
    }

    private static String labelOf(java.util.Map<String, Object> values) {
        var text = new java.util.StringJoiner(", ");
        values.forEach((k, v) -> text.add(k + "=" + ResultsCsv.value(v)));
        return text.toString();
    }

    /**
     * Each binary configuration, its twin, and the gap twin - binary in points with its 95 % interval
     * ({@link TwinPair#gap()}).
     */
    public static Table twinGap(List<TwinPair> pairs) {
        var t = Table.builder("twin-gap", "Accuracy gap to the full-precision twin (same design, data set and"
                        + " settings; the twin ignores clip, estimator, scaling and padding value): mean test top-1 of"
                        + " each side over its seeds, and the gap twin - binary in points with its 95% interval"
                        + " (paired over the seeds both have, when two or more)")
                .text("design").text("data set").text("binary").number("binary n").number("binary top-1 (%)")
                .text("twin").number("twin n").number("twin top-1 (%)").text("method").number("gap (points)")
                .number("95% CI low (points)").number("95% CI high (points)").text("distinguishable");
        for (TwinPair p : pairs) {
            Comparison g = p.gap();
            t.row(p.binary().designName(), p.binary().dataset(), p.binary().stats().label(),
                    Integer.toString(p.binary().stats().n()), Cells.percent(p.binary().stats().summary().mean()),
                    p.twin().stats().label(), Integer.toString(p.twin().stats().n()),
                    Cells.percent(p.twin().stats().summary().mean()), g.method().id(), Cells.fixed(p.gapPoints(), 2),
                    g.interval() == null ? "" : Cells.points(g.interval().low()),
                    g.interval() == null ? "" : Cells.points(g.interval().high()), g.distinguishable() ? "yes" : "no");
        }
        return t.build();
    }

    /** The designs' cost at ImageNet scale, where the published charts draw them. */
    public static Table designsAtImageNetScale(List<ReportDesign> designs) {
        var t = Table.builder("designs-imagenet", "Your designs at ImageNet scale (224x224x3, 1000 classes): cost"
                        + " only; ImageNet accuracy unknown")
                .text("design").number("size (MiB)").number("OPs (x1e8)").number("FLOPs").number("BOPs")
                .text("ImageNet top-1");
        for (ReportDesign d : designs) {
            NetworkCost c = d.imagenet();
            if (c == null) {
                t.row(d.name(), "", "", "", "", d.imagenetNote());
            } else {
                t.row(d.name(), Cells.fixed(c.modelSizeMiB(), 3), Cells.fixed(c.ops() / 1e8, 3),
                        Cells.integer(c.flops()), Cells.integer(c.bops()), "unknown (not trained on ImageNet)");
            }
        }
        return t.build();
    }

    /**
     * The published points with their numbers as printed, whether each is on a Pareto front, the gap to the 32-bit
     * ResNet of its depth group where the seed tables give one, and the citation.
     */
    public static Table published(List<PublishedPoint> points, Set<PublishedPoint> sizeFront,
                                  Set<PublishedPoint> opsFront) {
        Map<Integer, Double> baselines = baselines();
        var t = Table.builder("published", "Published ImageNet results on the charts (sizes as printed: MiB, but"
                        + " decimal MB for 32/32 rows)")
                .number("#").text("model").text("family").text("bits W/A").number("top-1 (%)").text("size")
                .text("OPs (x1e8)").text("Pareto front").number("gap to 32-bit ResNet (points)").text("citation")
                .text("source");
        for (PublishedPoint p : points) {
            var front = new ArrayList<String>();
            if (sizeFront.contains(p)) {
                front.add("size");
            }
            if (opsFront.contains(p)) {
                front.add("OPs");
            }
            Double base = p.row().fullPrecision() ? null : baselines.get(p.row().depthGroup());
            t.row(Integer.toString(p.number()), p.row().model(), p.family(), p.row().bitsWA(), p.row().top1().text(),
                    p.row().modelSize().text() + (p.row().modelSize().isPresent() && p.row().fullPrecision() ? " MB" : ""),
                    p.row().ops().text(), String.join(", ", front), base == null ? "" : Cells.fixed(base - p.top1(), 1),
                    p.row().citation(), p.row().source());
        }
        return t.build();
    }

    /** The top-1 of the 32-bit ResNet of each seed-table depth group (18, 34), whichever rows are shown. */
    static Map<Integer, Double> baselines() {
        var map = new java.util.HashMap<Integer, Double>();
        for (PublishedPoint p : PublishedPoint.all()) {
            if (p.row().fullPrecision() && p.family().equals("ResNet (32-bit)") && p.row().depthGroup() > 0) {
                map.putIfAbsent(p.row().depthGroup(), p.top1());
            }
        }
        return map;
    }
}
