package org.bnnworkbench.experiments.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.bnnworkbench.architectures.published.CsvReader;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes reports of a fixture sweep and twin run, then reads back what was written: CSV, HTML, SVG and PDF. */
class ReportFilesTest {

    @TempDir
    static Path dir;
    static Path sweep;
    static Path twin;
    static ReportFiles.Written html;
    static ReportFiles.Written pdf;

    @BeforeAll
    static void writeReports() throws IOException {
        sweep = ReportFixtures.clipSweep(dir.resolve("sweeps/clip"));
        twin = ReportFixtures.twinRun(dir.resolve("runs/twin"));
        Report report = report(List.of(sweep, twin), true);
        html = ReportFiles.write(report, dir.resolve("out/report.html"), ReportProgress.NONE);
        pdf = ReportFiles.write(report, dir.resolve("out/report.pdf"), ReportProgress.NONE);
    }

    static Report report(List<Path> folders, boolean published) {
        var builder = new ReportBuilder(ReportInputs.read(folders)).inputs(folders)
                .at(Instant.parse("2026-11-26T12:00:00Z"));
        if (published) {
            builder.published(PublishedPoint.all());
        }
        return builder.build();
    }

    @Test
    void everyTableIsACsvFileBesideTheReportThatParsesWithTheRunsNumbers() throws IOException {
        Path folder = dir.resolve("out/report-files");
        assertThat(html.csvFiles()).allSatisfy(f -> assertThat(f.getParent()).isEqualTo(folder));
        assertThat(folder.resolve("runs.csv")).exists();

        List<CsvReader.Record> sweepRows = csv(folder.resolve("sweep-clip.csv"));
        List<String> header = sweepRows.get(0).fields();
        // the shown "84.15 ± 0.82", then the two numbers in columns of their own
        assertThat(header).startsWith("point", "clip", "seed", "status", "test top-1 (%) \u00b1 SE", "test top-1 (%)",
                "test-set SE (points)");
        assertThat(sweepRows).hasSize(1 + ReportFixtures.CLIP_TOP1.size());
        int i = 1;
        for (Map.Entry<Double, Double> point : ReportFixtures.CLIP_TOP1.entrySet()) {
            List<String> row = sweepRows.get(i++).fields();
            assertThat(Double.parseDouble(row.get(1))).isEqualTo(point.getKey());
            assertThat(Double.parseDouble(row.get(header.indexOf("test top-1 (%)"))))
                    .isCloseTo(100 * point.getValue(), org.assertj.core.data.Offset.offset(0.005));
            // the journal predates test-image counts: the run records give them (2000 test images)
            double se = 100 * Math.sqrt(point.getValue() * (1 - point.getValue()) / ReportFixtures.TEST_IMAGES);
            assertThat(Double.parseDouble(row.get(header.indexOf("test-set SE (points)"))))
                    .isCloseTo(se, org.assertj.core.data.Offset.offset(0.005));
            // one seed per point: no point is declared best
            assertThat(row.get(header.indexOf("best"))).isEmpty();
        }

        // the twin has no sign, so the clip threshold is not one of its settings: every point pairs with it
        List<CsvReader.Record> twinRows = csv(folder.resolve("twin-gap.csv"));
        assertThat(twinRows).hasSize(1 + ReportFixtures.CLIP_TOP1.size());
        List<String> gapHeader = twinRows.get(0).fields();
        List<String> gap = twinRows.get(3).fields();
        assertThat(Double.parseDouble(gap.get(gapHeader.indexOf("gap (points)"))))
                .isCloseTo(100 * (ReportFixtures.TWIN_TOP1 - 0.8415), org.assertj.core.data.Offset.offset(0.005));
        // one run on each side: the interval is the two runs' test-set errors
        assertThat(gap.get(gapHeader.indexOf("method"))).isEqualTo("test-set");

        List<CsvReader.Record> settings = csv(folder.resolve("run-settings.csv"));
        int command = settings.get(0).fields().indexOf("command");
        assertThat(settings.get(1).fields().get(command)).startsWith("bnn train --arch bnn-small ")
                .contains("--dataset fashion-mnist-subset", "--epochs 2", "--batch 128", "--clip 1.3", "--seed 42");
        assertThat(settings.get(2).fields().get(command)).contains("--clip 0.5");

        List<CsvReader.Record> published = csv(folder.resolve("published.csv"));
        assertThat(published).hasSize(1 + PublishedPoint.all().size());
    }

    @Test
    void theHtmlHoldsTheTablesRowByRow() throws IOException {
        Document doc = Jsoup.parse(Files.readString(html.document(), StandardCharsets.UTF_8));
        assertThat(doc.select("section").eachAttr("id"))
                .containsExactly("overview", "designs", "runs", "sweeps", "your-runs", "published", "citations");

        Element runs = doc.selectFirst("table#table-runs");
        assertThat(runs.select("thead th").eachText()).startsWith("run", "sweep", "design", "data set", "status");
        assertThat(runs.select("tbody tr")).hasSize(4);
        // 87.10% on 2000 test images: sqrt(0.871 x 0.129 / 2000) = 0.75 points
        assertThat(runs.select("tbody tr").get(0).select("td").stream().map(Element::text).toList()).startsWith("twin", "",
                "bnn-small (full-precision twin)", "fashion-mnist-subset", "completed", "2", "87.10 \u00b1 0.75");
        // the CSV-only numbers are not shown
        assertThat(runs.select("thead th").eachText()).doesNotContain("test top-1 (%)", "test-set SE (points)");

        Element sweepTable = doc.selectFirst("table#table-sweep-clip");
        assertThat(sweepTable.select("tbody tr")).hasSize(3);
        assertThat(sweepTable.select("tbody tr").get(2).select("td").stream().map(Element::text).toList())
                .startsWith("p002-00000002", "1.3", "42", "completed", "84.15 \u00b1 0.82");
        // one seed per configuration: the configurations table has no t-interval and names no best
        Element configurations = doc.selectFirst("table#table-sweep-clip-configurations");
        assertThat(configurations.select("tbody tr")).hasSize(3);
        assertThat(configurations.select("tbody tr td").eachText()).doesNotContain("best").contains("test set, one run");
        assertThat(doc.select("p.note").eachText()).anySatisfy(t -> assertThat(t)
                .startsWith("Verdict: no clear best with one seed per configuration"));

        assertThat(doc.select("table#table-published tbody tr")).hasSize(PublishedPoint.all().size());
        assertThat(doc.select("pre code").eachText()).anySatisfy(c -> assertThat(c)
                .startsWith("bnn train --arch bnn-small --full-precision --dataset fashion-mnist-subset"));
        // sweep charts, own-run charts (size, OPs), twin gap, two published charts; two block diagrams
        assertThat(doc.select("figure[id^=chart-]")).hasSize(1 + 2 + 1 + 2);
        assertThat(doc.select("figure.diagram svg")).hasSize(2);
    }

    @Test
    void theHtmlLoadsNothingFromOutside() throws IOException {
        Document doc = Jsoup.parse(Files.readString(html.document(), StandardCharsets.UTF_8));
        assertThat(doc.select("script, link, img, iframe, object, embed, [src]")).isEmpty();
        assertThat(doc.select("svg image, use")).isEmpty();
        assertThat(doc.select("a[href]").eachAttr("href"))
                .allSatisfy(href -> assertThat(href).matches("#[a-z-]+|report-files/[a-z0-9-]+\\.csv"));
        assertThat(doc.select("style")).hasSize(1);
        assertThat(Files.readString(html.document(), StandardCharsets.UTF_8)).doesNotContain("<?xml", "<!DOCTYPE svg", "w3.org/TR");
    }

    @Test
    void everySvgInTheHtmlIsWellFormedXmlAndThePublishedPointsCarryTheirCitations() throws Exception {
        String text = Files.readString(html.document(), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<svg[\\s\\S]*?</svg\\s*>").matcher(text);
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var titles = new ArrayList<String>();
        int count = 0;
        while (m.find()) {
            org.w3c.dom.Document svg = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(m.group().getBytes(StandardCharsets.UTF_8)));
            assertThat(svg.getDocumentElement().getNamespaceURI()).isEqualTo(Svg.NAMESPACE);
            var nodes = svg.getElementsByTagNameNS(Svg.NAMESPACE, "title");
            for (int i = 0; i < nodes.getLength(); i++) {
                titles.add(nodes.item(i).getTextContent());
            }
            count++;
        }
        assertThat(count).isEqualTo(2 + 6);
        assertThat(titles).anySatisfy(t -> assertThat(t).startsWith("MeliusNet22 (4,5,4,4)")
                .contains("Bethge et al.", "published_results.csv:"));
        assertThat(titles).anySatisfy(t -> assertThat(t).contains("seed-tables.csv:"));
    }

    @Test
    void aDesignNamedScriptShowsAsTextAndRunsNothing() throws IOException {
        Path hostile = ReportFixtures.hostileRun(dir.resolve("runs/hostile"));
        Report report = new ReportBuilder(ReportInputs.read(List.of(hostile)))
                .design(ReportDesign.of("<script>alert(3)</script>", ReportFixtures.spec(true)))
                .title("<i>title</i>").published(PublishedPoint.all()).build();
        ReportFiles.Written written = ReportFiles.write(report, dir.resolve("hostile/report.html"),
                ReportProgress.NONE);
        String text = Files.readString(written.document(), StandardCharsets.UTF_8);
        Document doc = Jsoup.parse(text);

        assertThat(doc.select("script, img, b, i")).isEmpty();
        assertThat(text).doesNotContain("<script", "<img", "<b>", "<i>");
        assertThat(doc.title()).isEqualTo("<i>title</i>");
        assertThat(doc.select("h3").eachText()).contains("<script>alert(3)</script>",
                "<script>alert(1)</script> note=<b>bold</b>");
        assertThat(doc.body().text()).contains("<img src=x onerror=alert(2)>");
        assertThat(doc.select("figure[id=chart-published-size] svg").outerHtml()).contains("&lt;script&gt;alert(3)");
    }

    @Test
    void aDesignThatARunTrainedIsShownOnceUnderTheRunsName() {
        Report report = new ReportBuilder(ReportInputs.read(List.of(twin)))
                .design(ReportDesign.of("open in the designer", ReportFixtures.spec(true)))
                .design(ReportDesign.of("another design", ReportFixtures.spec(false))).build();
        List<String> designs = report.sections().stream().filter(s -> s.id().equals("designs"))
                .flatMap(s -> s.parts().stream()).filter(p -> p instanceof ReportPart.Heading)
                .map(p -> ((ReportPart.Heading) p).text()).toList();
        assertThat(designs).containsExactly("another design", "bnn-small (full-precision twin)");
    }

    @Test
    void thePdfOpensWithItsPagesAndRepeatsTheHeaderOfTablesThatRunOn() throws IOException {
        var reader = new PdfReader(Files.readAllBytes(pdf.document()));
        try {
            assertThat(reader.getNumberOfPages()).isEqualTo(pdf.pages()).isGreaterThanOrEqualTo(7);
            var extractor = new PdfTextExtractor(reader);
            String first = extractor.getTextFromPage(1);
            assertThat(first).contains("BNN Workbench comparison report", "Overview");
            // the published table runs over several pages, each starting with its header row
            int pagesWithThePublishedHeader = 0;
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                String t = extractor.getTextFromPage(page);
                if (t.contains("bits W/A") && t.contains("citation")) {
                    pagesWithThePublishedHeader++;
                }
            }
            assertThat(pagesWithThePublishedHeader).isGreaterThanOrEqualTo(3);
        } finally {
            reader.close();
        }
    }

    @Test
    void aReportOfOneRunHasSixPagesAsLaidOut() throws IOException {
        // overview 1, design 2 (diagram, then the layer table runs on), runs 1, own charts 2 (one chart a page)
        Report report = report(List.of(twin), false);
        assertThat(report.sections()).extracting(ReportSection::id)
                .containsExactly("overview", "designs", "runs", "your-runs");
        ReportFiles.Written written = ReportFiles.write(report, dir.resolve("one/report.pdf"), ReportProgress.NONE);
        var reader = new PdfReader(Files.readAllBytes(written.document()));
        try {
            assertThat(reader.getNumberOfPages()).isEqualTo(written.pages()).isEqualTo(6);
        } finally {
            reader.close();
        }
    }

    @Test
    void pdftoppmRendersEveryPageOfThePdf() throws Exception {
        Assumptions.assumeTrue(onPath("pdftoppm"), "pdftoppm (poppler-utils) is not installed");
        Path pngs = Files.createDirectories(dir.resolve("png"));
        Process p = new ProcessBuilder("pdftoppm", "-png", "-r", "40", pdf.document().toString(),
                pngs.resolve("page").toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        try (var files = Files.list(pngs)) {
            List<Path> pages = files.sorted().toList();
            assertThat(pages).hasSize(pdf.pages());
            for (Path page : pages) {
                var image = javax.imageio.ImageIO.read(page.toFile());
                assertThat(image.getWidth()).isGreaterThan(300);
                assertThat(notWhite(image)).as(page + " has something drawn on it").isGreaterThan(1000);
            }
        }
    }

    @Test
    void anUnknownExtensionIsRefusedBeforeAnythingIsWritten() {
        Report report = report(List.of(twin), false);
        Path out = dir.resolve("odd/report.docx");
        assertThatThrownBy(() -> ReportFiles.write(report, out, ReportProgress.NONE))
                .isInstanceOf(ReportException.class).hasMessageContaining("unknown report format")
                .hasMessageContaining(".html or .pdf");
        assertThat(out.getParent()).doesNotExist();
    }

    private static long notWhite(java.awt.image.BufferedImage image) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    n++;
                }
            }
        }
        return n;
    }

    private static boolean onPath(String program) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(folder, program))) {
                return true;
            }
        }
        return false;
    }

    private static List<CsvReader.Record> csv(Path file) throws IOException {
        return CsvReader.parse(Files.readString(file, StandardCharsets.UTF_8));
    }
}
