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
import org.bnnworkbench.experiments.sweep.JournalEntry;
import org.bnnworkbench.experiments.run.RunStatus;
import org.bnnworkbench.experiments.sweep.ResultsCsv;
import org.bnnworkbench.experiments.sweep.SweepSummary;

/** The tables of a report, each built from the report's data alone. */
public final class ReportTables {

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

    /** One line per run: what it was, how it ended, what it gave. */
    public static Table runs(List<ReportRun> runs) {
        var t = Table.builder("runs", "Runs: test top-1 after the last epoch; size and OPs of the network as trained")
                .text("run").text("sweep").text("design").text("data set").text("status").number("epochs")
                .number("test top-1 (%)").number("size (bytes)").number("OPs").number("seed")
                .number("wall time (s)");
        for (ReportRun r : runs) {
            RunRecord rec = r.record();
            RunRecord.Cost c = rec.cost();
            t.row(r.id(), Cells.nullable(r.sweep()), r.designName(), r.dataset(), rec.status().id(),
                    Cells.integer(rec.epochs()), Cells.percent(rec.testTop1()),
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

    /** A sweep's points as its {@code results.csv} has them, accuracy in percent. */
    public static Table sweep(String id, ReportSweep sweep) {
        var t = Table.builder(id, "Sweep " + sweep.name() + ": one row per ended point, in point order")
                .text("point");
        sweep.parameters().forEach(t::text);
        t.number("seed").text("status").number("test top-1 (%)").number("size (bytes)").number("OPs")
                .number("wall time (s)").text("best");
        SweepSummary summary = SweepSummary.of(sweep.parameters(), sweep.entries());
        for (JournalEntry e : sweep.entries()) {
            var cells = new ArrayList<String>();
            cells.add(e.id());
            sweep.parameters().forEach(p -> cells.add(ResultsCsv.value(e.point().get(p))));
            cells.add(Long.toString(e.seed()));
            cells.add(e.status().id());
            cells.add(Cells.percent(e.testTop1()));
            cells.add(Cells.nullable(e.modelSizeBytes()));
            cells.add(e.ops() == null ? "" : Cells.sci(e.ops()));
            cells.add(Cells.fixed(e.wallSeconds(), 1));
            cells.add(summary.isOfBest(e) && e.status() == RunStatus.COMPLETED ? "best" : "");
            t.row(cells);
        }
        return t.build();
    }

    /** Each binary run, its twin, and the gap in percentage points. */
    public static Table twinGap(List<TwinPair> pairs) {
        var t = Table.builder("twin-gap", "Accuracy gap to the full-precision twin (same design, data set and"
                        + " settings; the twin ignores clip, estimator, scaling and padding value)")
                .text("design").text("data set").text("binary run").number("binary top-1 (%)").text("twin run")
                .number("twin top-1 (%)").number("gap (points)");
        for (TwinPair p : pairs) {
            t.row(p.binary().designName(), p.binary().dataset(), p.binary().label(),
                    Cells.percent(p.binary().record().testTop1()), p.twin().label(),
                    Cells.percent(p.twin().record().testTop1()), Cells.fixed(p.gapPoints(), 2));
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
