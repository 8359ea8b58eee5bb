package org.bnnworkbench.experiments.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.bnnworkbench.experiments.replication.ClaimCheck;
import org.bnnworkbench.experiments.replication.StudyFolder;
import org.bnnworkbench.experiments.replication.Verdict;
import org.bnnworkbench.experiments.stats.SampleSummary;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replication studies in a report: read from their folders, each claim with the numbers and verdict of its check. */
class ReplicationReportTest {

    @TempDir
    static Path dir;
    static Path studies;
    static StudyFolder study;
    static Report report;
    static ReportFiles.Written html;
    static ReportFiles.Written pdf;

    @BeforeAll
    static void writeReports() throws IOException {
        studies = Files.createDirectories(dir.resolve("replications"));
        Path clip = ReportFixtures.clipStudy(studies.resolve("clip"), false);
        study = StudyFolder.read(clip);
        // the folder of studies and one of its studies again: the study is read once
        List<Path> folders = List.of(studies, clip);
        report = new ReportBuilder(ReportInputs.read(folders)).inputs(folders)
                .at(Instant.parse("2026-11-26T12:00:00Z")).build();
        html = ReportFiles.write(report, dir.resolve("out/report.html"), ReportProgress.NONE);
        pdf = ReportFiles.write(report, dir.resolve("out/report.pdf"), ReportProgress.NONE);
    }

    @Test
    void aFolderOfStudiesIsReadAsItsStudiesAndAStudyIsNotAlsoASweep() {
        ReportInputs.Contents contents = ReportInputs.read(List.of(studies, studies.resolve("clip")));

        assertThat(contents.studies()).extracting(ReportStudy::name).containsExactly("clip");
        assertThat(contents.sweeps()).isEmpty();
        assertThat(contents.runs()).isEmpty();
        assertThat(contents.allRuns()).hasSize(3 * ReportFixtures.STUDY_SEEDS.size());
        assertThat(report.sections()).extracting(ReportSection::id)
                .containsExactly("overview", "replication", "designs", "runs", "your-runs");
    }

    @Test
    void eachClaimShowsItsComparisonsAndVerdictAsItsCheckHasThem() throws IOException {
        Document doc = Jsoup.parse(Files.readString(html.document(), StandardCharsets.UTF_8));
        Element section = doc.selectFirst("section#replication");
        List<ClaimCheck> checks = study.checks();
        // the fixture's claims: 1.2 beats 1.0 but 1.3 cannot be told apart; 1.3 gains nothing within 5 points
        assertThat(checks).extracting(ClaimCheck::verdict)
                .containsExactly(Verdict.PARTLY_REPRODUCED, Verdict.REPRODUCED);

        assertThat(section.select("h3").eachText()).contains("Study clip: Clip threshold of the sign's gradient",
                "Claim: A clip threshold of 1.2-1.3 beats 1.0.", "Claim: 1.3 gives nothing over 1.0.");
        List<String> notes = section.select("p.note").eachText();
        List<String> items = section.select("li").eachText();
        for (ClaimCheck check : checks) {
            assertThat(notes).anySatisfy(n -> assertThat(n).startsWith("Verdict: " + check.verdictText() + " ("));
            Element table = section.selectFirst("table#table-study-clip-claim-" + RunCharts.slug(check.claim().id()));
            assertThat(table.select("tbody tr")).hasSize(check.comparisons().size());
            for (int i = 0; i < check.comparisons().size(); i++) {
                ClaimCheck.Checked c = check.comparisons().get(i);
                assertThat(items).contains(c.describe());
                assertThat(table.select("tbody tr").get(i).select("td").eachText()).containsExactly(c.a().label(),
                        percent(c.a().summary().mean()), c.b().label(), percent(c.b().summary().mean()), "paired",
                        "3", percent(c.comparison().difference()), percent(c.comparison().interval().low()),
                        percent(c.comparison().interval().high()), c.verdict().text());
            }
        }
        assertThat(notes).contains("Verdict: partly reproduced (some comparisons reproduce it, none contradicts it,"
                + " the rest cannot tell).");
        // the published claim, its source (escaped), and the summary of every claim
        assertThat(section.text()).contains("Published: BMXNet 2 trains with 1.3.", "Source: a <b>made-up</b> source");
        assertThat(section.select("b")).isEmpty();
        assertThat(section.select("table#table-replication-verdicts tbody tr td").eachText())
                .containsSubsequence("clip", "clip-1.2-1.3-beats-1.0", "A clip threshold of 1.2-1.3 beats 1.0.",
                        "partly reproduced", "3");
    }

    @Test
    void theSetupComesFromTheSweepFileAndTheRecords() throws IOException {
        Document doc = Jsoup.parse(Files.readString(html.document(), StandardCharsets.UTF_8));

        String setup = doc.select("section#replication p").eachText().stream().filter(t -> t.startsWith("Setup"))
                .findFirst().orElseThrow();

        assertThat(setup).contains("architecture bnn-small;", "data set fashion-mnist-subset (28x28x1, 10 classes;"
                + " 10000 training and 2000 test images)", "3 epochs", "seeds 42, 43 and 44 (3 per configuration)",
                "swept: clip in 1, 1.2, 1.3", "batch=128");
        // a full study says nothing of a quick one
        assertThat(doc.select("p.note.warning")).isEmpty();
    }

    @Test
    void aQuickStudyIsSaidToBeOneProminently() throws IOException {
        Path quick = ReportFixtures.clipStudy(dir.resolve("quick/clip"), true);
        Report quickReport = new ReportBuilder(ReportInputs.read(List.of(quick))).build();
        ReportFiles.Written written = ReportFiles.write(quickReport, dir.resolve("quick/report.html"),
                ReportProgress.NONE);

        Document doc = Jsoup.parse(Files.readString(written.document(), StandardCharsets.UTF_8));

        assertThat(doc.select("section#overview p.note.warning").eachText()).singleElement().asString()
                .startsWith("The replication study is a quick (smoke) run");
        assertThat(doc.select("section#replication p.note.warning").eachText())
                .anySatisfy(t -> assertThat(t).startsWith("Quick (smoke) version, made with bnn replicate --quick:"));
        assertThat(doc.select("table#table-replication-verdicts td").eachText()).contains("quick (smoke)");
    }

    @Test
    void theStudyHasItsIntervalChartAndItsTrainingCurvesMeanAndSeedBySeed() {
        ReportChart chart = chart("study-clip-clip");
        var means = ((XYPlot) chart.chart().getPlot()).getDataset(IntervalCharts.MEANS);
        assertThat(means.getItemCount(0)).isEqualTo(3);

        ReportChart curves = chart("study-clip-curves");
        XYPlot plot = (XYPlot) curves.chart().getPlot();
        XYDataset mean = plot.getDataset(0);
        XYDataset seeds = plot.getDataset(1);
        assertThat(mean.getSeriesCount()).isEqualTo(3);
        assertThat(seeds.getSeriesCount()).isEqualTo(3 * ReportFixtures.STUDY_SEEDS.size());
        // the fixture's runs reach top1 - 6, top1 - 1.5 and top1 points after epochs 1, 2 and 3
        assertThat(mean.getSeriesKey(1)).isEqualTo("clip=1.2");
        double[] top1 = ReportFixtures.STUDY_TOP1.get(1.2);
        assertThat(mean.getItemCount(1)).isEqualTo(3);
        assertThat(mean.getYValue(1, 2)).isEqualTo(100 * SampleSummary.of(top1).mean(),
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(mean.getYValue(1, 0)).isEqualTo(100 * (SampleSummary.of(top1).mean() - 0.06),
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(seeds.getItemCount(0)).isEqualTo(3);
    }

    @Test
    void theNewTablesAreCsvFilesBesideTheReport() {
        assertThat(html.csvFiles()).extracting(p -> p.getFileName().toString()).contains("replication-verdicts.csv",
                "study-clip-configurations.csv", "study-clip-claim-clip-1-2-1-3-beats-1-0.csv",
                "study-clip-claim-clip-1-3-no-gain.csv");
    }

    @Test
    void thePdfHoldsTheVerdictsAndPdftoppmRendersEveryPage() throws Exception {
        var reader = new PdfReader(Files.readAllBytes(pdf.document()));
        var text = new StringBuilder();
        try {
            var extractor = new PdfTextExtractor(reader);
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
        } finally {
            reader.close();
        }
        String all = text.toString().replaceAll("\\s+", " ");
        assertThat(all).contains("Replication studies", "Verdict: partly reproduced", "Verdict: reproduced");

        Assumptions.assumeTrue(onPath("pdftoppm"), "pdftoppm (poppler-utils) is not installed");
        Path pngs = Files.createDirectories(dir.resolve("png"));
        Process p = new ProcessBuilder("pdftoppm", "-png", "-r", "30", pdf.document().toString(),
                pngs.resolve("page").toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        try (var files = Files.list(pngs)) {
            assertThat(files.count()).isEqualTo(pdf.pages());
        }
    }

    private static ReportChart chart(String id) {
        var ids = new ArrayList<String>();
        for (ReportChart c : report.charts()) {
            ids.add(c.id());
            if (c.id().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no chart " + id + " among " + ids);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f", 100 * fraction);
    }

    private static boolean onPath(String program) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(folder, program))) {
                return true;
            }
        }
        return false;
    }
}
