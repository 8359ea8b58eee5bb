package org.bnnworkbench.experiments.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A comparison report, ready to be written as HTML ({@link HtmlReport}) or PDF ({@link PdfReport}), with the CSV
 * file of each table ({@link CsvFiles}). Made by {@link ReportBuilder}.
 *
 * @param extraTables tables that only the CSV files hold (e.g. every run's settings in one wide table, which the
 *                    documents show run by run)
 */
public record Report(String title, String subtitle, List<ReportSection> sections, List<Table> extraTables) {

    public Report {
        sections = List.copyOf(sections);
        extraTables = List.copyOf(extraTables);
    }

    /** Every table: those in the sections in reading order, then the extra ones. */
    public List<Table> tables() {
        var tables = new ArrayList<Table>();
        for (ReportSection s : sections) {
            for (ReportPart p : s.parts()) {
                if (p instanceof ReportPart.TablePart t) {
                    tables.add(t.table());
                }
            }
        }
        tables.addAll(extraTables);
        return tables;
    }

    public List<ReportChart> charts() {
        var charts = new ArrayList<ReportChart>();
        for (ReportSection s : sections) {
            for (ReportPart p : s.parts()) {
                if (p instanceof ReportPart.ChartPart c) {
                    charts.add(c.chart());
                }
            }
        }
        return charts;
    }
}
