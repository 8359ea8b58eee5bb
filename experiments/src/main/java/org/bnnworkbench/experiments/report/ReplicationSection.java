package org.bnnworkbench.experiments.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.bnnworkbench.engine.train.EpochMetrics;
import org.bnnworkbench.experiments.replication.Claim;
import org.bnnworkbench.experiments.replication.ClaimCheck;
import org.bnnworkbench.experiments.replication.StudyFolder;
import org.bnnworkbench.experiments.replication.Verdict;
import org.bnnworkbench.experiments.run.RunRecord;
import org.bnnworkbench.experiments.run.RunStatus;
import org.bnnworkbench.experiments.stats.ConfigurationStats;
import org.bnnworkbench.experiments.sweep.JournalEntry;
import org.bnnworkbench.experiments.sweep.Sweep;
import org.bnnworkbench.experiments.sweep.SweepParameter;
import org.bnnworkbench.experiments.sweep.SweepSummary;

/**
 * The report's section on replication studies ({@code bnn replicate}): per study its setup as the sweep file and the
 * run records give it, each claim with what was published and where, its comparisons with their intervals and its
 * verdict in words, the configurations with their intervals, the chart of the study's first swept parameter and the
 * training curves. Every number comes from the study's {@link StudyFolder} (its {@link SweepSummary} and
 * {@link ClaimCheck}s), as {@code bnn replicate} prints them.
 */
final class ReplicationSection {

    static final String ID = "replication";
    static final String TITLE = "Replication studies";

    private ReplicationSection() {
    }

    static ReportSection of(List<ReportStudy> studies, Set<String> ids) {
        var parts = new ArrayList<ReportPart>();
        parts.add(new ReportPart.Text("Each study trains a sweep of configurations, each with several seeds, and"
                + " checks published claims by comparing pairs of configurations: the difference a - b in test top-1"
                + " with its 95% interval, paired over the seeds both have (Student t, n - 1 degrees of freedom). A"
                + " claim that a is better than b is reproduced when the interval lies above zero and contradicted"
                + " when it lies below; a claim that a gives no gain over b is reproduced when the interval lies below"
                + " the claim's margin and contradicted when it lies above zero; otherwise the runs cannot tell at"
                + " this number of seeds. With several comparisons the claim is reproduced when all are, partly"
                + " reproduced when some are and none contradicts it, mixed when some reproduce and some contradict."
                + " No correction for multiple comparisons is applied."));
        long quick = studies.stream().filter(s -> s.study().quick()).count();
        if (quick > 0) {
            parts.add(new ReportPart.Note(quick == studies.size() ? "Every study here is a quick (smoke) run: its"
                    + " verdicts test the machinery, not the claims." : quick + " of the " + studies.size()
                    + " studies here are quick (smoke) runs: their verdicts test the machinery, not the claims.",
                    true));
        }
        parts.add(new ReportPart.TablePart(verdicts(ReportBuilder.unique(ids, "replication-verdicts"), studies)));
        for (ReportStudy s : studies) {
            study(parts, s, ids);
        }
        return new ReportSection(ID, TITLE, parts);
    }

    /** One row per claim of every study: what it says and what the runs say of it. */
    static Table verdicts(String id, List<ReportStudy> studies) {
        var t = Table.builder(id, "Every claim checked, with the verdict of its study's runs")
                .text("study").text("claim").text("statement").text("verdict").number("seeds").text("quick");
        for (ReportStudy s : studies) {
            for (ClaimCheck c : s.study().checks()) {
                t.row(s.name(), c.claim().id(), c.claim().statement(), c.verdictText(), Integer.toString(c.seeds()),
                        s.study().quick() ? "quick (smoke)" : "");
            }
        }
        return t.build();
    }

    private static void study(List<ReportPart> parts, ReportStudy report, Set<String> ids) {
        StudyFolder study = report.study();
        SweepSummary summary = study.summary();
        String name = report.name();
        String dataset = report.dataset();
        parts.add(new ReportPart.Heading("Study " + name + ": " + study.study().title()));
        if (study.quick()) {
            parts.add(new ReportPart.Note("Quick (smoke) version, made with bnn replicate --quick: " + scale(report)
                    + ". It shows that the study runs from end to end; its numbers and verdicts say nothing about the"
                    + " claims. Run bnn replicate without --quick for the study itself.", true));
        }
        parts.add(new ReportPart.Text(setup(report)));
        int ended = study.entries().size();
        long points = study.sweep().size();
        if (ended < points) {
            parts.add(new ReportPart.Note(String.format(Locale.ROOT, "Incomplete: %d of the sweep's %d runs have"
                    + " ended; bnn replicate on the same folder trains the rest. The verdicts below rest on the runs"
                    + " that ended.", ended, points), true));
        }
        for (ClaimCheck check : study.checks()) {
            Claim claim = check.claim();
            parts.add(new ReportPart.Heading("Claim: " + claim.statement()));
            parts.add(new ReportPart.Text("Published: " + claim.published()));
            parts.add(new ReportPart.Text("Source: " + claim.source()));
            parts.add(new ReportPart.Text(claim.kind() == Claim.Kind.BETTER
                    ? "Checked as: a is better than b in each comparison below (reproduced when a - b's 95% interval"
                    + " lies above zero)."
                    : String.format(Locale.ROOT, "Checked as: a gives no gain over b in each comparison below"
                    + " (reproduced when a - b's 95%% interval lies below a gain of %.2f points, contradicted when it"
                    + " lies above zero).", 100 * claim.margin())));
            parts.add(new ReportPart.TablePart(ReportTables.claim(ReportBuilder.unique(ids, "study-" + RunCharts.slug(name)
                    + "-claim-" + RunCharts.slug(claim.id())), check)));
            parts.add(new ReportPart.Items(check.comparisons().stream().map(ClaimCheck.Checked::describe).toList()));
            parts.add(new ReportPart.Note("Verdict: " + check.verdictText() + " (" + meaning(check.verdict()) + ")"
                    + (study.quick() ? "; quick (smoke) run" : "") + ".", false));
        }
        parts.add(new ReportPart.Heading("Study " + name + ": all configurations"));
        parts.add(new ReportPart.TablePart(ReportTables.configurations(ReportBuilder.unique(ids, "study-" + RunCharts.slug(name)
                + "-configurations"), "Study " + name, summary)));
        parts.add(new ReportPart.Text("Ranking of the configurations: " + summary.ranking().verdict() + ". Every pair"
                + " of configurations is compared in comparisons.csv in the study's folder."));
        if (!summary.parameters().isEmpty()) {
            String parameter = summary.parameters().get(0);
            parts.add(new ReportPart.ChartPart(IntervalCharts.accuracyVs(summary, parameter, "study " + name,
                    dataset, ReportBuilder.unique(ids, "study-" + RunCharts.slug(name) + "-" + RunCharts.slug(parameter)))));
        }
        List<CurveCharts.Curves> curves = curves(report);
        int epochs = curves.stream().flatMap(c -> c.runs().stream()).mapToInt(List::size).max().orElse(0);
        if (epochs == 1) {
            parts.add(new ReportPart.Text("Training curves: every run trained one epoch, so there is no curve to"
                    + " show whether accuracy had levelled off."));
        } else if (!curves.isEmpty()) {
            parts.add(new ReportPart.ChartPart(CurveCharts.testTop1PerEpoch(ReportBuilder.unique(ids, "study-"
                    + RunCharts.slug(name) + "-curves"), "study " + name, dataset, curves)));
        }
    }

    /** What a verdict means, in words. */
    static String meaning(Verdict verdict) {
        return switch (verdict) {
            case REPRODUCED -> "every comparison's 95% interval lies on the claim's side";
            case PARTLY_REPRODUCED -> "some comparisons reproduce it, none contradicts it, the rest cannot tell";
            case CONTRADICTED -> "every comparison that is told apart goes against the claim";
            case MIXED -> "some comparisons reproduce it and some contradict it";
            case NOT_DISTINGUISHABLE -> "no comparison's 95% interval settles it either way at this number of"
                    + " seeds";
            case NO_DATA -> "the configurations have no completed runs to compare yet";
        };
    }

    /** E.g. {@code 1 epoch, 300 training and 200 test images, seeds 42 and 43}. */
    private static String scale(ReportStudy report) {
        List<RunRecord> records = records(report);
        var epochs = new LinkedHashSet<Integer>();
        var images = new LinkedHashSet<String>();
        records.forEach(r -> {
            epochs.add(r.epochs());
            if (r.dataset() != null) {
                images.add(r.dataset().trainImages() + " training and " + r.dataset().testImages() + " test images");
            }
        });
        List<Long> seeds = report.study().sweep().trainingSeeds();
        return join(epochs.stream().map(e -> e + " epoch" + (e == 1 ? "" : "s")).toList()) + ", "
                + (images.isEmpty() ? "the data set's images" : join(new ArrayList<>(images))) + ", " + seeds.size()
                + " seed" + (seeds.size() == 1 ? "" : "s") + " per configuration";
    }

    /** Architectures, data set, epochs, seeds, swept values and the other settings, from sweep.json and records. */
    static String setup(ReportStudy report) {
        Sweep sweep = report.study().sweep();
        List<RunRecord> records = records(report);
        var designs = new LinkedHashSet<String>();
        boolean binary = false;
        boolean twin = false;
        var epochs = new LinkedHashSet<Integer>();
        var data = new LinkedHashSet<String>();
        for (RunRecord r : records) {
            var design = new StringBuilder(r.arch());
            r.params().forEach((k, v) -> design.append(' ').append(k).append('=').append(v));
            designs.add(design.toString());
            binary |= !r.fullPrecision();
            twin |= r.fullPrecision();
            epochs.add(r.epochs());
            if (r.dataset() != null) {
                data.add(String.format(Locale.ROOT, "%s (%s, %d classes; %d training and %d test images)",
                        r.dataset().name(), r.dataset().input(), r.dataset().classes(), r.dataset().trainImages(),
                        r.dataset().testImages()));
            }
        }
        if (designs.isEmpty()) {
            designs.add(sweep.base().arch());
            data.add(sweep.base().dataset());
            epochs.add(sweep.base().config().epochs());
        }
        String kind = binary && twin ? ", each binary and as its full-precision twin"
                : twin ? " (full-precision twin)" : "";
        var swept = new StringJoiner("; ");
        for (Map.Entry<SweepParameter, List<Object>> axis : sweep.grid().entrySet()) {
            swept.add(axis.getKey().name() + " in " + String.join(", ", axis.getValue().stream()
                    .map(v -> axis.getKey().format(v)).toList()));
        }
        if (sweep.random() != null) {
            swept.add(sweep.random().samples() + " random draws of " + String.join(", ", sweep.random().space()
                    .keySet().stream().map(SweepParameter::name).toList()));
        }
        var names = sweep.parameters().stream().map(SweepParameter::name).toList();
        var others = new StringJoiner(", ");
        sweep.base().config().asMap().forEach((k, v) -> {
            if (!names.contains(k) && !k.equals("seed") && !k.equals("epochs")) {
                others.add(k + "=" + v);
            }
        });
        List<Long> seeds = sweep.trainingSeeds();
        return "Setup (from the study's sweep.json and run records): architecture" + (designs.size() == 1 ? " " : "s ")
                + join(new ArrayList<>(designs)) + kind + "; data set " + join(new ArrayList<>(data)) + "; "
                + join(epochs.stream().map(e -> e + " epoch" + (e == 1 ? "" : "s")).toList()) + "; seeds "
                + join(seeds.stream().map(String::valueOf).toList()) + " (" + seeds.size() + " per configuration)"
                + "; swept: " + (swept.length() == 0 ? "nothing" : swept.toString()) + "; other settings: " + others
                + ". Folder: " + report.study().folder() + ".";
    }

    /** The completed runs' histories by configuration, in the summary's order, each configuration's runs by seed. */
    static List<CurveCharts.Curves> curves(ReportStudy report) {
        SweepSummary summary = report.study().summary();
        var byConfiguration = new LinkedHashMap<ConfigurationStats, List<List<EpochMetrics>>>();
        summary.configurations().stream().filter(ConfigurationStats::hasResults)
                .forEach(c -> byConfiguration.put(c, new ArrayList<>()));
        for (JournalEntry e : report.study().entries()) {
            ReportRun run = report.runs().get(e.id());
            ConfigurationStats c = summary.configurationOf(e);
            if (run == null || c == null || e.status() != RunStatus.COMPLETED || !byConfiguration.containsKey(c)
                    || run.record().history().isEmpty()) {
                continue;
            }
            byConfiguration.get(c).add(run.record().history());
        }
        var curves = new ArrayList<CurveCharts.Curves>();
        byConfiguration.forEach((c, runs) -> {
            if (!runs.isEmpty()) {
                curves.add(new CurveCharts.Curves(c, runs));
            }
        });
        return curves;
    }

    private static List<RunRecord> records(ReportStudy report) {
        var records = new ArrayList<RunRecord>();
        for (JournalEntry e : report.study().entries()) {
            ReportRun r = report.runs().get(e.id());
            if (r != null && e.status() == RunStatus.COMPLETED) {
                records.add(r.record());
            }
        }
        return records;
    }

    private static String join(List<String> items) {
        if (items.size() <= 1) {
            return items.isEmpty() ? "" : items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
