package org.bnnworkbench.experiments.report;

import java.util.List;

/** A top-level section of a report; the PDF starts each on a new page. */
public record ReportSection(String id, String title, List<ReportPart> parts) {

    public ReportSection {
        parts = List.copyOf(parts);
    }
}
