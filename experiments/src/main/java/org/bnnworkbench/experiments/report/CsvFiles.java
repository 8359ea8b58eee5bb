package org.bnnworkbench.experiments.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bnnworkbench.experiments.run.AtomicFile;

/**
 * Every table of a report as a CSV file ({@code <table id>.csv}, UTF-8, RFC 4180) in the folder beside the report:
 * {@code report.html} keeps its tables in {@code report-files/}. A report written as HTML and as PDF under the same
 * name shares the folder; the tables are the same.
 */
public final class CsvFiles {

    private CsvFiles() {
    }

    /** The folder of a report's CSV files: {@code <name without extension>-files} beside it. */
    public static Path folderFor(Path report) {
        Path abs = report.toAbsolutePath();
        String name = abs.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return abs.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + "-files");
    }

    public static List<Path> write(Report report, Path folder) throws IOException {
        Files.createDirectories(folder);
        var written = new ArrayList<Path>();
        for (Table t : report.tables()) {
            Path file = folder.resolve(t.id() + ".csv");
            AtomicFile.write(file, t.csv().getBytes(StandardCharsets.UTF_8));
            written.add(file);
        }
        return written;
    }
}
