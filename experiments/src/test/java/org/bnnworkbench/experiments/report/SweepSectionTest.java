package org.bnnworkbench.experiments.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.bnnworkbench.architectures.published.CsvReader;
import org.bnnworkbench.experiments.run.RunStatus;
import org.bnnworkbench.experiments.stats.Comparison;
import org.bnnworkbench.experiments.stats.ConfigurationStats;
import org.bnnworkbench.experiments.stats.TestSetError;
import org.bnnworkbench.experiments.sweep.JournalEntry;
import org.bnnworkbench.experiments.sweep.ResultsCsv;
import org.bnnworkbench.experiments.sweep.SweepJournal;
import org.bnnworkbench.experiments.sweep.SweepSummary;
import org.jfree.chart.plot.XYPlot;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** A sweep with repeats in a report: its chart's marks, its tables' numbers against {@link SweepSummary}. */
class SweepSectionTest {

    private static final List<Double> CLIPS = List.of(1.0, 1.2, 1.3);

    @TempDir
    Path dir;

    /** The clip fixture's three configurations by three seeds, and one run of clip 1.0 that failed. */
    private Path sweepWithAFailedRun() throws IOException {
        Path sweep = ReportFixtures.repeatedSweep(dir.resolve("repeats"), "repeats", CLIPS,
                ReportFixtures.STUDY_SEEDS, (clip, seed) -> ReportFixtures.STUDY_TOP1.get(clip)[(int) (seed - 42)]);
        var failed = new JournalEntry("p000-failed", 99, Map.of("clip", 1.0), 45, RunStatus.FAILED, 0, null, null, 3,
                "runs/p000-failed/run.json", null, "diverged", null);
        Files.writeString(sweep.resolve(SweepJournal.FILE), new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(failed) + "\n", java.nio.file.StandardOpenOption.APPEND);
        return sweep;
    }

    private static SweepSummary summaryOf(Path sweep) throws IOException {
        List<JournalEntry> entries = SweepJournal.read(sweep.resolve(SweepJournal.FILE)).entries().values().stream()
                .sorted(Comparator.comparingInt(JournalEntry::index)).toList();
        return SweepSummary.of(List.of("clip"), entries);
    }

    private ReportFiles.Written html(Path sweep) {
        Report report = new ReportBuilder(ReportInputs.read(List.of(sweep))).at(Instant.parse("2026-11-26T12:00:00Z"))
                .build();
        return ReportFiles.write(report, dir.resolve("out/report.html"), ReportProgress.NONE);
    }

    @Test
    void theSweepChartDrawsAnErrorBarPerConfigurationAndADotPerCompletedSeed() throws Exception {
        Path sweep = sweepWithAFailedRun();
        List<JournalEntry> journal = new ArrayList<>(SweepJournal.read(sweep.resolve(SweepJournal.FILE)).entries()
                .values());
        long completed = journal.stream().filter(e -> e.status() == RunStatus.COMPLETED).count();

        String text = Files.readString(html(sweep).document(), StandardCharsets.UTF_8);
        int figure = text.indexOf("<figure id=\"chart-sweep-repeats-clip\">");
        assertThat(figure).isNotNegative();
        String svg = text.substring(text.indexOf("<svg", figure), text.indexOf("</svg>", figure) + 6);
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        org.w3c.dom.Document parsed = factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                svg.getBytes(StandardCharsets.UTF_8)));

        // each seed's dot and each mean carries its tooltip
        var titles = new ArrayList<String>();
        NodeList nodes = parsed.getElementsByTagNameNS(Svg.NAMESPACE, "title");
        for (int i = 0; i < nodes.getLength(); i++) {
            titles.add(nodes.item(i).getTextContent());
        }
        assertThat(titles.stream().filter(t -> t.matches("clip=[0-9.]+, seed \\d+: [0-9.]+% \u00b1 [0-9.]+ .*")))
                .hasSize((int) completed).hasSize(9);
        assertThat(titles.stream().filter(t -> t.contains("% mean of 3 runs (95% CI "))).hasSize(CLIPS.size());
        // an error bar is a vertical line of the error stroke with a cap at each end
        int bars = 0;
        int caps = 0;
        NodeList lines = parsed.getElementsByTagNameNS(Svg.NAMESPACE, "line");
        for (int i = 0; i < lines.getLength(); i++) {
            Element line = (Element) lines.item(i);
            if (!line.getAttribute("style").contains("stroke-width:1.6")) {
                continue;
            }
            double x1 = Double.parseDouble(line.getAttribute("x1"));
            double x2 = Double.parseDouble(line.getAttribute("x2"));
            double y1 = Double.parseDouble(line.getAttribute("y1"));
            double y2 = Double.parseDouble(line.getAttribute("y2"));
            if (x1 == x2 && Math.abs(y1 - y2) > 5) {
                bars++;
            } else if (y1 == y2 && Math.abs(Math.abs(x1 - x2) - 7) < 0.01) {
                caps++;
            }
        }
        assertThat(bars).isEqualTo(CLIPS.size());
        assertThat(caps).isEqualTo(2 * CLIPS.size());
    }

    @Test
    void theConfigurationsTableHasTheNumbersOfTheSweepSummary() throws IOException {
        Path sweep = sweepWithAFailedRun();
        SweepSummary summary = summaryOf(sweep);

        html(sweep);

        List<CsvReader.Record> rows = CsvReader.parse(Files.readString(dir.resolve(
                "out/report-files/sweep-repeats-configurations.csv"), StandardCharsets.UTF_8));
        List<String> header = rows.get(0).fields();
        assertThat(header).containsExactly("clip", "n", "not completed", "seeds", "mean (%)", "95% CI low (%)",
                "95% CI high (%)", "interval", "sd (points)", "test-set SE (points)", "rank", "best");
        assertThat(rows).hasSize(1 + CLIPS.size());
        for (int i = 0; i < CLIPS.size(); i++) {
            ConfigurationStats c = summary.configurations().get(i);
            List<String> row = rows.get(i + 1).fields();
            assertThat(row.get(header.indexOf("clip"))).isEqualTo(ResultsCsv.value(c.values().get("clip")));
            assertThat(row.get(header.indexOf("n"))).isEqualTo("3");
            assertThat(row.get(header.indexOf("not completed"))).isEqualTo(i == 0 ? "1" : "0");
            assertThat(row.get(header.indexOf("seeds"))).isEqualTo("42 43 44");
            assertThat(row.get(header.indexOf("mean (%)"))).isEqualTo(percent(c.summary().mean()));
            assertThat(row.get(header.indexOf("95% CI low (%)"))).isEqualTo(percent(c.summary().interval().low()));
            assertThat(row.get(header.indexOf("95% CI high (%)"))).isEqualTo(percent(c.summary().interval().high()));
            assertThat(row.get(header.indexOf("sd (points)"))).isEqualTo(percent(c.summary().sd()));
            assertThat(row.get(header.indexOf("test-set SE (points)")))
                    .isEqualTo(percent(c.meanTestSetError().getAsDouble()));
            assertThat(row.get(header.indexOf("rank"))).isEqualTo(Integer.toString(summary.ranking().rank(c)));
            assertThat(row.get(header.indexOf("best"))).isEqualTo(summary.ranking().best() == c ? "best" : "");
        }
        // clip 1.2 is above both others on every seed, by more than their spread: clearly best
        assertThat(summary.ranking().best().label()).isEqualTo("clip=1.2");
        assertThat(rows.get(2).fields().get(header.indexOf("best"))).isEqualTo("best");
    }

    @Test
    void twoConfigurationsOfThreeSeedsGiveAPairedComparisonAndTheVerdict() throws IOException {
        Path sweep = ReportFixtures.repeatedSweep(dir.resolve("two"), "two", List.of(1.0, 1.3),
                ReportFixtures.STUDY_SEEDS, (clip, seed) -> ReportFixtures.STUDY_TOP1.get(clip)[(int) (seed - 42)]);
        SweepSummary summary = summaryOf(sweep);
        Comparison expected = summary.comparisons().get(0);

        Document doc = Jsoup.parse(Files.readString(html(sweep).document(), StandardCharsets.UTF_8));

        var table = doc.selectFirst("table#table-sweep-two-comparisons");
        assertThat(table.select("thead th").eachText()).containsExactly("a", "b", "method", "n", "difference (points)",
                "95% CI low (points)", "95% CI high (points)", "distinguishable");
        assertThat(table.select("tbody tr")).hasSize(1);
        assertThat(table.select("tbody tr td").eachText()).containsExactly("clip=1", "clip=1.3", "paired", "3",
                percent(expected.difference()), percent(expected.interval().low()),
                percent(expected.interval().high()), expected.distinguishable() ? "yes" : "no");
        assertThat(expected.method()).isEqualTo(Comparison.Method.PAIRED);
        assertThat(doc.select("section#sweeps p.note").eachText())
                .containsExactly("Verdict: " + summary.ranking().verdict() + ".");
        assertThat(Files.readString(dir.resolve("out/report-files/sweep-two-comparisons.csv")))
                .startsWith("a,b,method,n,difference (points)");
    }

    @Test
    void theValueAxisOfPointsTwoTenthsApartSpansAtLeastEightTestSetErrors() throws IOException {
        Path sweep = ReportFixtures.repeatedSweep(dir.resolve("close"), "close", List.of(1.0, 1.3), List.of(42L),
                (clip, seed) -> clip == 1.0 ? 0.800 : 0.802);
        Report report = new ReportBuilder(ReportInputs.read(List.of(sweep))).build();

        ReportChart chart = report.charts().stream().filter(c -> c.id().equals("sweep-close-clip")).findFirst()
                .orElseThrow();

        var range = ((XYPlot) chart.chart().getPlot()).getRangeAxis().getRange();
        double se = 100 * new TestSetError(0.801, ReportFixtures.TEST_IMAGES).standardError(); // 0.89 points
        assertThat(range.getLength()).isGreaterThanOrEqualTo(8 * se - 0.01).isGreaterThan(7);
        assertThat(range.contains(80.0)).isTrue();
        assertThat(range.contains(80.2)).isTrue();
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f", 100 * fraction);
    }
}
