package org.bnnworkbench.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bnnworkbench.engine.train.TrainingConfig;
import org.bnnworkbench.experiments.report.ReportFixtures;
import org.bnnworkbench.experiments.report.TrainCommandLine;
import org.bnnworkbench.experiments.run.RunRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

    @TempDir
    Path dir;

    @Test
    void aSweepAndARunMakeAnHtmlAndAPdfReportWithTheirCsvFiles() throws IOException {
        Path sweep = ReportFixtures.clipSweep(dir.resolve("clip"));
        Path twin = ReportFixtures.twinRun(dir.resolve("twin"));

        Bnn html = Bnn.run("report", sweep.toString(), twin.toString(), "--published", "--out",
                dir.resolve("r/report.html").toString());
        Bnn pdf = Bnn.run("report", sweep.toString(), "--out", dir.resolve("r/report.pdf").toString());

        assertThat(html.code()).as(html.toString()).isZero();
        assertThat(html.out()).startsWith("wrote " + dir.resolve("r/report.html")).contains("CSV files in");
        assertThat(pdf.code()).as(pdf.toString()).isZero();
        assertThat(pdf.out()).containsPattern("\\(\\d+ pages\\)");
        assertThat(dir.resolve("r/report.html")).isNotEmptyFile();
        assertThat(dir.resolve("r/report.pdf")).isNotEmptyFile();
        assertThat(dir.resolve("r/report-files/published.csv")).isNotEmptyFile();
        assertThat(Files.readString(dir.resolve("r/report.html"))).contains("Compared with the published results");
    }

    @Test
    void aFolderOfReplicationStudiesMakesAReportWithItsVerdicts() throws IOException {
        Path studies = Files.createDirectories(dir.resolve("replications"));
        ReportFixtures.clipStudy(studies.resolve("clip"), true);

        Bnn html = Bnn.run("report", studies.toString(), "--out", dir.resolve("r/replications.html").toString());

        assertThat(html.code()).as(html.toString()).isZero();
        String text = Files.readString(dir.resolve("r/replications.html"));
        assertThat(text).contains("<h2>Replication studies</h2>", "Verdict: partly reproduced",
                "Quick (smoke) version");
        assertThat(dir.resolve("r/replications-files/replication-verdicts.csv")).isNotEmptyFile();
        assertThat(dir.resolve("r/replications-files/study-clip-configurations.csv")).isNotEmptyFile();
    }

    @Test
    void chartImagesAreEveryChartOfTheReportAsAPngOfTheExportSize() throws IOException {
        Path sweep = ReportFixtures.clipSweep(dir.resolve("clip"));
        Path html = dir.resolve("out").resolve("r.html");

        Bnn bnn = Bnn.run("report", sweep.toString(), "--chart-images", "--out", html.toString());

        assertThat(bnn.code()).as(bnn.toString()).isZero();
        var report = new org.bnnworkbench.experiments.report.ReportBuilder(
                org.bnnworkbench.experiments.report.ReportInputs.read(java.util.List.of(sweep))).build();
        assertThat(report.charts()).isNotEmpty();
        for (var chart : report.charts()) {
            Path png = dir.resolve("out").resolve("r-files").resolve(chart.id() + ".png");
            var image = javax.imageio.ImageIO.read(png.toFile());
            assertThat(image).as(png.toString()).isNotNull();
            assertThat(image.getWidth()).isEqualTo(1200);
            assertThat(image.getHeight()).isEqualTo(780);
        }
        assertThat(bnn.out()).contains("wrote " + report.charts().size() + " chart images");
    }

    @Test
    void badInputsAreOneLineErrorsWithExitCode2() throws IOException {
        Path run = ReportFixtures.twinRun(dir.resolve("twin"));
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path file = Files.writeString(dir.resolve("notes.txt"), "hello");
        String out = dir.resolve("report.html").toString();

        assertOneLine(Bnn.run("report", dir.resolve("missing").toString(), "--out", out),
                "bnn report: " + dir.resolve("missing") + ": no such folder");
        assertOneLine(Bnn.run("report", empty.toString(), "--out", out),
                "bnn report: " + empty + ": neither a run (no run.json) nor a sweep (no journal.jsonl)");
        assertOneLine(Bnn.run("report", file.toString(), "--out", out), "bnn report: " + file + ": not a folder");
        assertOneLine(Bnn.run("report", run.toString(), "--out", dir.resolve("report.docx").toString()),
                "bnn report: --out " + dir.resolve("report.docx") + ": unknown report format; give a file ending in"
                        + " .html or .pdf");
        assertOneLine(Bnn.run("report", run.toString()), "bnn report: --out is required");
        assertOneLine(Bnn.run("report", "--out", out), "bnn report: expects one or more run or sweep folders");
        assertThat(dir.resolve("report.html")).doesNotExist();
    }

    @Test
    void theCommandOfARunReadsBackToTheSameSettings() {
        TrainingConfig config = ReportFixtures.config(0.75f);
        RunRecord record = ReportFixtures.record("bnn-small", java.util.Map.of("growthRate", "32"), true, 0.5, config);

        List<String> words = List.of(TrainCommandLine.of(record, "again/p1").split(" "));

        assertThat(words).startsWith("bnn", "train").contains("--full-precision").endsWith("--out", "again/p1");
        Options options = TrainingOptions.declare(new Options("bnn train")).value("arch").value("dataset")
                .value("out").repeatable("param").flag("full-precision").parse(words.subList(2, words.size()));
        assertThat(TrainingOptions.read(options)).isEqualTo(config);
        assertThat(options.string("arch")).contains("bnn-small");
        assertThat(options.strings("param")).containsExactly("growthRate=32");
        assertThat(options.string("dataset")).contains("fashion-mnist-subset");
    }

    private static void assertOneLine(Bnn bnn, String start) {
        assertThat(bnn.code()).as(bnn.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(bnn.errLines()).as(bnn.toString()).hasSize(1);
        assertThat(bnn.errLines().get(0)).startsWith(start);
        assertThat(bnn.out()).isEmpty();
    }
}
