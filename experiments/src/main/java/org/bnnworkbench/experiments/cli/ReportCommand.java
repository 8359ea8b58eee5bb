package org.bnnworkbench.experiments.cli;

import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bnnworkbench.experiments.report.PublishedPoint;
import org.bnnworkbench.experiments.report.Report;
import org.bnnworkbench.experiments.report.ReportBuilder;
import org.bnnworkbench.experiments.report.ReportException;
import org.bnnworkbench.experiments.report.ReportChart;
import org.bnnworkbench.experiments.report.ReportFiles;
import org.bnnworkbench.experiments.report.ReportFormat;
import org.bnnworkbench.experiments.report.ReportInputs;

/**
 * {@code bnn report DIR... [--published] --out report.html|report.pdf}: a comparison report of runs, sweeps and
 * replication studies, as a self-contained HTML file or a PDF, with the CSV file of every table in
 * {@code <report>-files/}.
 */
final class ReportCommand implements Subcommand {

    static final String COMMAND = "bnn report";

    @Override
    public String name() {
        return "report";
    }

    @Override
    public String summary() {
        return "write a comparison report (HTML or PDF, with CSV tables) of runs, sweeps and replication studies"
                + " ('bnn help report')";
    }

    @Override
    public String usage() {
        return String.join(System.lineSeparator(),
                "usage: bnn report DIR... [--published] [--title TEXT] [--chart-images] --out report.html|report.pdf",
                "  DIR               a run folder (holds run.json), a sweep folder (holds journal.jsonl), a replication",
                "                    study's folder (holds study.json) or a folder of study folders (bnn replicate",
                "                    --out DIR); several",
                "  --published       add the comparison with the published ImageNet tables (charts, table, citations)",
                "  --title           the report's title (default: BNN Workbench comparison report)",
                "  --out             the report: .html (self-contained, charts as SVG) or .pdf; the CSV file of every",
                "                    table goes to <report name>-files/ beside it",
                "  --chart-images    also write every chart as <chart id>.png (1200x780) into that folder");
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        // charts are drawn with AWT: never reach for a display, even when DISPLAY is set
        System.setProperty("java.awt.headless", "true");
        Options options = new Options(COMMAND).value("out").value("title").flag("published").flag("chart-images")
                .parse(args);
        if (options.positional().isEmpty()) {
            throw options.problem("expects one or more run or sweep folders, e.g. bnn report sweeps/clip --out"
                    + " report.html (or replication studies: bnn report replications --out report.html)");
        }
        String outText = options.string("out").orElseThrow(() -> options.problem("--out is required: the report"
                + " file, ending in .html or .pdf"));
        Path outFile = path(options, outText, "--out");
        try {
            ReportFormat.of(outFile);
        } catch (ReportException e) {
            throw options.problem("--out " + e.getMessage());
        }
        var folders = new ArrayList<Path>();
        for (String folder : options.positional()) {
            folders.add(path(options, folder, "folder"));
        }
        ReportInputs.Contents contents;
        try {
            contents = ReportInputs.read(folders);
        } catch (ReportException e) {
            throw options.problem(e.getMessage());
        }
        var builder = new ReportBuilder(contents).inputs(folders);
        options.string("title").ifPresent(builder::title);
        if (options.isSet("published")) {
            builder.published(PublishedPoint.all());
        }
        Report report = builder.build();
        ReportFiles.Written written;
        try {
            written = ReportFiles.write(report, outFile, (fraction, message) -> { });
        } catch (ReportException e) {
            throw new CommandFailedException(COMMAND + ": " + e.getMessage());
        }
        Path files = org.bnnworkbench.experiments.report.CsvFiles.folderFor(outFile);
        out.println("wrote " + written.document() + (written.pages() > 0 ? " (" + written.pages() + " pages)" : "")
                + " and " + written.csvFiles().size() + " CSV files in " + files);
        if (options.isSet("chart-images")) {
            try {
                List<Path> images = ReportFiles.writeChartImages(report, files);
                out.println("wrote " + images.size() + " chart images (PNG, " + ReportChart.EXPORT_WIDTH + "x"
                        + ReportChart.EXPORT_HEIGHT + ") in " + files);
            } catch (ReportException e) {
                throw new CommandFailedException(COMMAND + ": " + e.getMessage());
            }
        }
        return ExitCode.OK;
    }

    private static Path path(Options options, String text, String what) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw options.problem(what + " '" + text + "' is not a valid path");
        }
    }
}
