package org.bnnworkbench.experiments.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bnnworkbench.experiments.sweep.JournalEntry;

/**
 * A sweep as a report shows it: its swept parameters, its journal in point order, and the record of each ended
 * point's run where the record is still there.
 *
 * @param parameters the swept parameters in the sweep file's order
 * @param entries    the journal's entries in point order
 * @param runs       by point id, the runs whose records could be read
 * @param source     the sweep file's text as last run ({@code sweep.json}), or null when missing
 */
public record ReportSweep(String name, Path folder, List<String> parameters, List<JournalEntry> entries,
                          Map<String, ReportRun> runs, String source) {

    public ReportSweep {
        parameters = List.copyOf(parameters);
        entries = List.copyOf(entries);
        runs = Map.copyOf(runs);
    }
}
