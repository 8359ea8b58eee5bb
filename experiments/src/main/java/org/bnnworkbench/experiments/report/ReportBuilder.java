package org.bnnworkbench.experiments.report;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bnnworkbench.engine.cost.NetworkCost;
import org.bnnworkbench.experiments.run.WorkbenchVersion;
import org.bnnworkbench.experiments.sweep.SweepSummary;

/**
 * Puts a report together from the runs and sweeps read by {@link ReportInputs}, the designs (those the runs trained,
 * and any the caller adds, such as the designer's current one), and optionally the published results.
 *
 * <pre>{@code
 * Report report = new ReportBuilder(ReportInputs.read(folders)).published(PublishedPoint.all()).build();
 * ReportFiles.write(report, Path.of("report.html"), progress);
 * }</pre>
 */
public final class ReportBuilder {

    private final ReportInputs.Contents contents;
    private final List<ReportDesign> extraDesigns = new ArrayList<>();
    private List<PublishedPoint> published;
    private String title = "BNN Workbench comparison report";
    private Instant now = Instant.now();
    private List<Path> inputs = List.of();

    public ReportBuilder(ReportInputs.Contents contents) {
        this.contents = contents;
    }

    /** Adds the comparison with these published results (e.g. {@link PublishedPoint#all()}). */
    public ReportBuilder published(List<PublishedPoint> points) {
        this.published = points == null ? null : List.copyOf(points);
        return this;
    }

    /** Adds a design that no run trained, e.g. the one open in the designer. */
    public ReportBuilder design(ReportDesign design) {
        extraDesigns.add(design);
        return this;
    }

    public ReportBuilder title(String text) {
        this.title = text;
        return this;
    }

    /** The folders the report was made from, listed in its overview. */
    public ReportBuilder inputs(List<Path> folders) {
        this.inputs = List.copyOf(folders);
        return this;
    }

    /** When the report is made (tests fix it). */
    public ReportBuilder at(Instant instant) {
        this.now = instant;
        return this;
    }

    public Report build() {
        List<ReportRun> runs = contents.allRuns();
        List<ReportDesign> trained = ReportDesign.of(runs);
        var designs = new ArrayList<ReportDesign>();
        for (ReportDesign d : extraDesigns) {
            // the designer's design is often one the runs trained: show it once, under the runs' name
            if (trained.stream().noneMatch(t -> sameNetwork(t, d))) {
                designs.add(d);
            }
        }
        designs.addAll(trained);
        var sections = new ArrayList<ReportSection>();
        var ids = new HashSet<String>();
        sections.add(overview(runs, designs));
        if (!contents.studies().isEmpty()) {
            sections.add(ReplicationSection.of(contents.studies(), ids));
        }
        if (!designs.isEmpty()) {
            sections.add(designs(designs, ids));
        }
        if (!runs.isEmpty()) {
            sections.add(runs(runs));
        }
        if (!contents.sweeps().isEmpty()) {
            sections.add(sweeps(ids));
        }
        if (!runs.isEmpty()) {
            sections.add(ownCharts(runs));
        }
        if (published != null) {
            sections.add(publishedSection(designs));
            sections.add(citations());
        }
        String subtitle = "Made " + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
                .format(now.atOffset(ZoneOffset.UTC)) + " by BNN Workbench " + WorkbenchVersion.current();
        return new Report(title, subtitle, sections, runs.isEmpty() ? List.of() : List.of(ReportTables.runSettings(runs)));
    }

    private ReportSection overview(List<ReportRun> runs, List<ReportDesign> designs) {
        var parts = new ArrayList<ReportPart>();
        var items = new ArrayList<String>();
        for (Path p : inputs) {
            items.add(p.toString());
        }
        if (!items.isEmpty()) {
            parts.add(new ReportPart.Text("Made from these folders:"));
            parts.add(new ReportPart.Items(items));
        }
        List<String> datasets = runs.stream().map(ReportRun::dataset).distinct().toList();
        int studies = contents.studies().size();
        parts.add(new ReportPart.Text(String.format(Locale.ROOT, "%d design%s, %d run%s, %d sweep%s%s%s.",
                designs.size(), designs.size() == 1 ? "" : "s", runs.size(), runs.size() == 1 ? "" : "s",
                contents.sweeps().size(), contents.sweeps().size() == 1 ? "" : "s",
                studies == 0 ? "" : String.format(Locale.ROOT, ", %d replication stud%s", studies,
                        studies == 1 ? "y" : "ies"),
                datasets.isEmpty() ? "" : "; data set" + (datasets.size() == 1 ? "" : "s") + " of the runs: "
                        + String.join(", ", datasets))));
        long quick = contents.studies().stream().filter(s -> s.study().quick()).count();
        if (quick > 0) {
            String which = quick == studies ? (studies == 1 ? "The replication study is a quick (smoke) run"
                    : "All " + studies + " replication studies are quick (smoke) runs")
                    : quick + " of the " + studies + " replication studies " + (quick == 1 ? "is a quick (smoke) run"
                    : "are quick (smoke) runs");
            parts.add(new ReportPart.Note(which + " (bnn replicate --quick): one short epoch on a few images;"
                    + " verdicts of a quick run test the machinery, not the claims.", true));
        }
        parts.add(new ReportPart.Text("Accuracies carry their uncertainty: a run's test top-1 is given as"
                + " 89.10 \u00b1 0.70, the \u00b1 being its binomial test-set standard error in points; runs that"
                + " differ only by seed are one configuration, drawn as its mean with a 95% confidence interval"
                + " (Student t over the seeds) and a dot per seed, and two configurations count as different only"
                + " when the 95% interval of their difference excludes zero. No configuration is called best"
                + " unless it is clearly above every other."));
        parts.add(new ReportPart.Text("Accuracies of different data sets never share an axis: your runs' charts name"
                + " their data set on the accuracy axis, and the published results (ImageNet) have charts of their"
                + " own, where your designs appear only by their cost at ImageNet scale."));
        parts.add(new ReportPart.Text("Costs follow BMXNet's counting (the published tables' convention): binary"
                + " weights at 1 bit, all other parameters at 32 bits, OPs = FLOPs + BOPs / 64 with the classifier"
                + " left out of the FLOPs. 1 MiB = 2^20 bytes. Every table is also a CSV file beside this report."));
        return new ReportSection("overview", "Overview", parts);
    }

    private ReportSection designs(List<ReportDesign> designs, Set<String> ids) {
        var parts = new ArrayList<ReportPart>();
        for (ReportDesign d : designs) {
            parts.add(new ReportPart.Heading(d.name()));
            NetworkCost c = d.cost();
            parts.add(new ReportPart.Text(String.format(Locale.ROOT, "%s input, %d classes, %d blocks: %d binary +"
                            + " %d 32-bit parameters, %d bytes (%.3f MiB), %.3e OPs (%d FLOPs + %d BOPs / 64).",
                    d.spec().input(), d.spec().classes(), d.spec().blocks().size(), c.binaryParams(), c.fpParams(),
                    c.modelSizeBytes(), c.modelSizeMiB(), c.ops(), c.flops(), c.bops())));
            parts.add(new ReportPart.Text(d.imagenet() == null ? "At ImageNet scale: " + d.imagenetNote()
                    : String.format(Locale.ROOT, "At ImageNet scale (224x224x3, 1000 classes): %.3f MiB, %.3e OPs.",
                    d.imagenet().modelSizeMiB(), d.imagenet().ops())));
            parts.add(new ReportPart.DiagramPart(d));
            parts.add(new ReportPart.TablePart(ReportTables.layers(unique(ids, "design-" + RunCharts.slug(d.name())
                    + "-layers"), d)));
        }
        return new ReportSection("designs", "Designs", parts);
    }

    private ReportSection runs(List<ReportRun> runs) {
        var parts = new ArrayList<ReportPart>();
        parts.add(new ReportPart.TablePart(ReportTables.runs(runs)));
        parts.add(new ReportPart.Text("Each run's settings, seed included, and the command that trains it again"
                + " (run-settings.csv has them all in one table):"));
        for (ReportRun r : runs) {
            parts.add(new ReportPart.Heading(r.label() + (r.point() == null ? "" : " (" + r.point() + ")")));
            var rec = r.record();
            String data = rec.dataset() == null ? "" : String.format(Locale.ROOT, " on %s (%s, %d classes, %d"
                    + " training and %d test images)", r.dataset(), rec.dataset().input(), rec.dataset().classes(),
                    rec.dataset().trainImages(), rec.dataset().testImages());
            parts.add(new ReportPart.Text(r.designName() + data + ": " + rec.status().id()
                    + (rec.message() == null || rec.message().isBlank() ? "" : " (" + rec.message() + ")")
                    + (rec.params().isEmpty() ? "" : "; parameters " + rec.params())
                    + ". Settings: " + ReportTables.settingsLine(rec) + "."));
            parts.add(new ReportPart.Code(ReportTables.command(r)));
        }
        return new ReportSection("runs", "Runs", parts);
    }

    private ReportSection sweeps(Set<String> ids) {
        var parts = new ArrayList<ReportPart>();
        for (ReportSweep s : contents.sweeps()) {
            String slug = RunCharts.slug(s.name());
            SweepSummary summary = s.summary();
            parts.add(new ReportPart.Heading("Sweep " + s.name()));
            parts.add(new ReportPart.Text(String.format(Locale.ROOT, "%d ended points in %s, swept: %s; data set %s;"
                            + " %d configuration%s (seed aside).", s.entries().size(), s.folder(),
                    s.parameters().isEmpty() ? "nothing" : String.join(", ", s.parameters()), s.dataset(),
                    summary.configurations().size(), summary.configurations().size() == 1 ? "" : "s")));
            parts.add(new ReportPart.TablePart(ReportTables.sweep(unique(ids, "sweep-" + slug), s)));
            parts.add(new ReportPart.TablePart(ReportTables.configurations(unique(ids, "sweep-" + slug
                    + "-configurations"), "Sweep " + s.name(), summary)));
            parts.add(new ReportPart.Note("Verdict: " + summary.ranking().verdict() + ".",
                    false));
            if (summary.configurations().size() > 1) {
                parts.add(new ReportPart.TablePart(ReportTables.comparisons(unique(ids, "sweep-" + slug
                        + "-comparisons"), "Sweep " + s.name(), summary)));
            }
            for (String p : summary.parameters()) {
                parts.add(new ReportPart.ChartPart(IntervalCharts.accuracyVs(summary, p, s.name(), s.dataset(),
                        unique(ids, "sweep-" + slug + "-" + RunCharts.slug(p)))));
            }
            if (s.source() != null) {
                parts.add(new ReportPart.Text("The sweep file as last run (sweep.json); 'bnn sweep' on it trains the"
                        + " same points again:"));
                parts.add(new ReportPart.Code(s.source().strip()));
            }
        }
        return new ReportSection("sweeps", "Sweeps", parts);
    }

    private ReportSection ownCharts(List<ReportRun> runs) {
        var parts = new ArrayList<ReportPart>();
        Map<String, List<ReportRun>> byDataset = RunCharts.byDataset(runs);
        for (Map.Entry<String, List<ReportRun>> d : byDataset.entrySet()) {
            parts.add(new ReportPart.Heading(RunCharts.describe(d.getKey(), d.getValue())));
            parts.add(new ReportPart.ChartPart(RunCharts.accuracyVs(CostAxis.SIZE, d.getKey(), d.getValue())));
            parts.add(new ReportPart.ChartPart(RunCharts.accuracyVs(CostAxis.OPS, d.getKey(), d.getValue())));
        }
        parts.add(new ReportPart.Heading("Binary vs full-precision twin"));
        List<TwinPair> pairs = TwinPair.find(runs);
        if (pairs.isEmpty()) {
            parts.add(new ReportPart.Text("No run among these has its full-precision twin, so there is no gap to"
                    + " show. Train one with the same settings and --full-precision, e.g. "
                    + runs.stream().filter(r -> !r.record().fullPrecision()).findFirst()
                    .map(r -> TrainCommandLine.of(r.record(), "twin").replace(" --dataset", " --full-precision --dataset"))
                    .orElse("bnn train --full-precision ...")));
        } else {
            parts.add(new ReportPart.ChartPart(RunCharts.twinGap(pairs)));
            parts.add(new ReportPart.TablePart(ReportTables.twinGap(pairs)));
        }
        return new ReportSection("your-runs", "Your runs compared", parts);
    }

    private ReportSection publishedSection(List<ReportDesign> designs) {
        var parts = new ArrayList<ReportPart>();
        parts.add(new ReportPart.Text("Published ImageNet results from seed-tables.csv (the BinaryDenseNet and"
                + " MeliusNet presentations) and published_results.csv (the authors' pages, larq zoo, papers), as"
                + " the workbench bundles them. Your designs are costed at ImageNet scale by the same cost model,"
                + " which reproduces the published sizes and OPs of the named networks (docs/architectures.md)."));
        var shownDesigns = designs.stream().filter(d -> d.imagenet() != null).toList();
        parts.add(new ReportPart.ChartPart(PublishedCharts.accuracyVs(CostAxis.SIZE, published, shownDesigns)));
        parts.add(new ReportPart.ChartPart(PublishedCharts.accuracyVs(CostAxis.OPS, published, shownDesigns)));
        if (!designs.isEmpty()) {
            parts.add(new ReportPart.TablePart(ReportTables.designsAtImageNetScale(designs)));
        }
        Set<PublishedPoint> sizeFront = front(CostAxis.SIZE);
        Set<PublishedPoint> opsFront = front(CostAxis.OPS);
        parts.add(new ReportPart.Text("Gap to full precision: the dashed horizontal lines are the 32-bit ResNet-18"
                + " and ResNet-34 (He et al. 2016, as the seed tables quote them); the table gives each result's gap"
                + " to the 32-bit ResNet of the depth its table groups it with."));
        parts.add(new ReportPart.TablePart(ReportTables.published(published, sizeFront, opsFront)));
        return new ReportSection("published", "Compared with the published results (ImageNet)", parts);
    }

    private Set<PublishedPoint> front(CostAxis axis) {
        var shown = published.stream().filter(p -> axis.of(p).isPresent()).toList();
        return new HashSet<>(ParetoFront.of(shown, p -> axis.of(p).getAsDouble(), PublishedPoint::top1));
    }

    private ReportSection citations() {
        Map<String, List<String>> sources = new LinkedHashMap<>();
        for (PublishedPoint p : published) {
            String where = p.row().whereSeen().isEmpty() ? p.row().file() + " (" + p.row().table() + " table)"
                    : p.row().whereSeen();
            var list = sources.computeIfAbsent(p.row().citation(), k -> new ArrayList<>());
            if (!list.contains(where)) {
                list.add(where);
            }
        }
        var items = new ArrayList<String>();
        sources.forEach((who, where) -> items.add(who + ". Seen in: " + String.join("; ", where)));
        return new ReportSection("citations", "Citations", List.of(
                new ReportPart.Text("Who published each number of the comparison, and where the workbench's copy of"
                        + " it was read. The table above cites every point by file and line."),
                new ReportPart.Items(items)));
    }

    private static boolean sameNetwork(ReportDesign a, ReportDesign b) {
        return a.spec().withName("-").equals(b.spec().withName("-"));
    }

    /** The id, or with -2, -3, ... appended when taken; the chosen one is added to {@code ids}. */
    static String unique(Set<String> ids, String id) {
        String candidate = id;
        for (int i = 2; !ids.add(candidate); i++) {
            candidate = id + "-" + i;
        }
        return candidate;
    }
}
