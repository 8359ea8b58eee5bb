package org.bnnworkbench.experiments.report;

/** Told how far writing a report has got, e.g. by the app's progress bar. Called on the writing thread. */
@FunctionalInterface
public interface ReportProgress {

    ReportProgress NONE = (fraction, message) -> { };

    /** @param fraction of the work done, from 0 to 1 */
    void update(double fraction, String message);
}
