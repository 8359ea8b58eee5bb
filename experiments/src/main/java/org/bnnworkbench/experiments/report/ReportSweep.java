package org.bnnworkbench.experiments.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bnnworkbench.experiments.sweep.JournalEntry;
import org.bnnworkbench.experiments.sweep.SweepSummary;

/**
 * A sweep as a report shows it: its swept parameters, its journal in point order, the record of each ended point's
 * run where the record is still there, and the runs aggregated by configuration ({@link SweepSummary}: every number
 * about means, intervals, comparisons and the best comes from there).
 *
 * @param parameters the swept parameters in the sweep file's order
 * @param entries    the journal's entries in point order, with their test-image counts filled in from the run
 *                   records where the journal predates them
 * @param runs       by point id, the runs whose records could be read
 * @param source     the sweep file's text as last run ({@code sweep.json}), or null when missing
 * @param summary    the entries by configuration
 */
public record ReportSweep(String name, Path folder, List<String> parameters, List<JournalEntry> entries,
                          Map<String, ReportRun> runs, String source, SweepSummary summary) {

    public ReportSweep {
        parameters = List.copyOf(parameters);
        entries = List.copyOf(entries);
        runs = Map.copyOf(runs);
    }

    /** A sweep whose summary is made from its entries. */
    public ReportSweep(String name, Path folder, List<String> parameters, List<JournalEntry> entries,
                       Map<String, ReportRun> runs, String source) {
        this(name, folder, parameters, entries, runs, source, SweepSummary.of(parameters, entries));
    }

    /** The data set the sweep trained on, as its runs' records name it. */
    public String dataset() {
        return dataset(entries, runs);
    }

    static String dataset(List<JournalEntry> entries, Map<String, ReportRun> runs) {
        for (JournalEntry e : entries) {
            ReportRun r = runs.get(e.id());
            if (r != null && r.record().dataset() != null) {
                return r.dataset();
            }
        }
        return "the sweep's data set";
    }
}
