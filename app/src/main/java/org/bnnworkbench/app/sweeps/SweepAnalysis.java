package org.bnnworkbench.app.sweeps;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bnnworkbench.experiments.report.IntervalCharts;
import org.bnnworkbench.experiments.report.ReportChart;
import org.bnnworkbench.experiments.sweep.JournalEntry;
import org.bnnworkbench.experiments.sweep.SweepSummary;
import org.jfree.chart.title.TextTitle;

/**
 * What the Sweeps tab shows of a sweep's ended runs beyond the runs themselves: the runs aggregated by configuration
 * (mean, interval, ranking and verdict, as {@code bnn sweep} and the reports give them) and test top-1 against each
 * swept parameter as {@link IntervalCharts} draws it. Made off the FX thread ({@link #of}); the charts are new
 * objects that nothing draws until the FX thread puts one on its viewer.
 *
 * @param charts one chart per swept parameter, in the sweep's order
 */
record SweepAnalysis(SweepSummary summary, Map<String, ReportChart> charts) {

    SweepAnalysis {
        charts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(charts));
    }

    /** Nothing ended yet. */
    static SweepAnalysis empty(List<String> parameters) {
        return new SweepAnalysis(SweepSummary.of(parameters, List.of()), Map.of());
    }

    /**
     * @param name    the sweep's name, for the charts' titles
     * @param dataset the data set its runs are tested on, for the value axis
     */
    static SweepAnalysis of(List<String> parameters, List<JournalEntry> entries, String name, String dataset) {
        SweepSummary summary = SweepSummary.of(parameters, entries);
        var charts = new LinkedHashMap<String, ReportChart>();
        if (summary.configurations().stream().anyMatch(c -> c.hasResults())) {
            String verdict = summary.ranking().verdict();
            for (String parameter : summary.parameters()) {
                ReportChart chart = IntervalCharts.accuracyVs(summary, parameter, name, dataset);
                // the tab gives the verdict a line of its own above the charts, where it has the width it needs
                chart.chart().getSubtitles().stream().filter(t -> t instanceof TextTitle text
                        && text.getText().equals(verdict)).findFirst().ifPresent(chart.chart()::removeSubtitle);
                // the title names the data set; a shorter axis label fits the tab's smaller chart
                chart.chart().getXYPlot().getRangeAxis().setLabel("test top-1 (%)");
                charts.put(parameter, chart);
            }
        }
        return new SweepAnalysis(summary, charts);
    }
}
