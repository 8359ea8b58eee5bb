package org.bnnworkbench.experiments.report;

import java.util.List;

/** One piece of a report section, in reading order; the HTML and PDF writers each render every kind. */
public sealed interface ReportPart {

    /** A sub-heading inside a section. */
    record Heading(String text) implements ReportPart {
    }

    /** A paragraph of plain text. */
    record Text(String text) implements ReportPart {
    }

    /**
     * A paragraph set apart in a box: a verdict, or with {@code warning} something the reader must not miss, such as
     * a replication study that ran only its quick smoke version.
     */
    record Note(String text, boolean warning) implements ReportPart {
    }

    /** Text shown as code, kept as it is (a command line, a sweep file). */
    record Code(String text) implements ReportPart {
    }

    /** A bulleted list. */
    record Items(List<String> items) implements ReportPart {

        public Items {
            items = List.copyOf(items);
        }
    }

    record TablePart(Table table) implements ReportPart {
    }

    record ChartPart(ReportChart chart) implements ReportPart {
    }

    /** A block diagram of a design. */
    record DiagramPart(ReportDesign design) implements ReportPart {
    }
}
