package org.bnnworkbench.experiments.report;

import java.util.ArrayList;
import java.util.List;

/** A binary run and its full-precision twin: same design, data set and shared hyperparameters. */
public record TwinPair(ReportRun binary, ReportRun twin) {

    /** Test top-1 of the twin minus the binary run's, in percentage points. */
    public double gapPoints() {
        return 100 * (twin.record().testTop1() - binary.record().testTop1());
    }

    /** Every completed binary run paired with the first completed twin run that matches it ({@link ReportRun#twinKey()}). */
    public static List<TwinPair> find(List<ReportRun> runs) {
        var pairs = new ArrayList<TwinPair>();
        for (ReportRun b : runs) {
            if (!b.completed() || b.record().fullPrecision()) {
                continue;
            }
            runs.stream().filter(t -> t.completed() && t.record().fullPrecision() && t.twinKey().equals(b.twinKey()))
                    .findFirst().ifPresent(t -> pairs.add(new TwinPair(b, t)));
        }
        return pairs;
    }
}
