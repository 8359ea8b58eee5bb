package org.bnnworkbench.experiments.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bnnworkbench.experiments.run.AtomicFile;

/**
 * Writes a report: the document (HTML or PDF, by the file's extension) and beside it the folder of CSV files
 * ({@link CsvFiles#folderFor}). The document is written atomically, so a reader never sees half of it.
 */
public final class ReportFiles {

    /** What was written: the document, its format, the CSV files, and for a PDF its page count (0 for HTML). */
    public record Written(Path document, ReportFormat format, List<Path> csvFiles, int pages) {
    }

    private ReportFiles() {
    }

    /**
     * Writes every chart of the report as {@code <chart id>.png} (1200x780) into {@code folder}, e.g. for a paper or a
     * Markdown page; returns the files in the report's order.
     */
    public static List<Path> writeChartImages(Report report, Path folder) {
        var files = new java.util.ArrayList<Path>();
        try {
            Files.createDirectories(folder);
            for (ReportChart chart : report.charts()) {
                Path file = folder.resolve(chart.id() + ".png");
                chart.write(file);
                files.add(file);
            }
        } catch (IOException e) {
            throw new ReportException(folder + ": the chart images cannot be written (" + e.getMessage() + ")", e);
        }
        return files;
    }

    /** @throws ReportException for an unknown extension or a file that cannot be written */
    public static Written write(Report report, Path out, ReportProgress progress) {
        ReportFormat format = ReportFormat.of(out);
        Path csvFolder = CsvFiles.folderFor(out);
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            progress.update(0, "writing the CSV files");
            List<Path> csv = CsvFiles.write(report, csvFolder);
            byte[] bytes;
            int pages = 0;
            if (format == ReportFormat.HTML) {
                bytes = HtmlReport.html(report, csvFolder.getFileName().toString(), progress)
                        .getBytes(StandardCharsets.UTF_8);
            } else {
                PdfReport.Written pdf = PdfReport.pdf(report, progress);
                bytes = pdf.bytes();
                pages = pdf.pages();
            }
            AtomicFile.write(out, bytes);
            progress.update(1, "written " + out);
            return new Written(out, format, csv, pages);
        } catch (IOException e) {
            throw new ReportException(out + ": cannot be written (" + e.getMessage() + ")", e);
        }
    }
}
