package org.bnnworkbench.experiments.report;

import java.nio.file.Path;
import java.util.Locale;

/** The document a report is written as, by the output file's extension. */
public enum ReportFormat {
    HTML, PDF;

    /** @throws ReportException for an extension other than .html, .htm or .pdf */
    public static ReportFormat of(Path file) {
        Path name = file.getFileName();
        String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".html") || n.endsWith(".htm")) {
            return HTML;
        }
        if (n.endsWith(".pdf")) {
            return PDF;
        }
        throw new ReportException(file + ": unknown report format; give a file ending in .html or .pdf");
    }
}
