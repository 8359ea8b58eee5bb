package org.bnnworkbench.experiments.report;

import java.util.Map;
import org.bnnworkbench.experiments.replication.StudyFolder;

/**
 * A replication study as a report shows it: its folder read back with the claims checked ({@link StudyFolder}: the
 * configurations, comparisons and verdicts all come from there) and the record of each of its runs.
 *
 * @param runs by point id, the runs of the study's entries whose records could be read
 */
public record ReportStudy(StudyFolder study, Map<String, ReportRun> runs) {

    public ReportStudy {
        runs = Map.copyOf(runs);
    }

    /** The study's folder name, e.g. {@code clip}. */
    public String name() {
        return study.study().name();
    }

    /** The data set its runs trained on, as their records name it. */
    public String dataset() {
        return ReportSweep.dataset(study.entries(), runs);
    }
}
