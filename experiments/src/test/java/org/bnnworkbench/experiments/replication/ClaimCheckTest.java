package org.bnnworkbench.experiments.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bnnworkbench.experiments.run.RunStatus;
import org.bnnworkbench.experiments.sweep.JournalEntry;
import org.bnnworkbench.experiments.sweep.SweepSummary;
import org.junit.jupiter.api.Test;

/** Verdicts follow the paired intervals, for claims that something is better and for claims that it is not. */
class ClaimCheckTest {

    /** Entries of clip 1.0 and 1.3 over five seeds, 1.3 higher by the given differences. */
    private static SweepSummary clip(double[] oneZero, double[] differences) {
        var entries = new ArrayList<JournalEntry>();
        for (int s = 0; s < oneZero.length; s++) {
            entries.add(entry("p000-" + s, 1.0, 42 + s, oneZero[s]));
            entries.add(entry("p001-" + s, 1.3, 42 + s, oneZero[s] + differences[s]));
        }
        return SweepSummary.of(List.of("clip"), entries);
    }

    private static JournalEntry entry(String id, double clip, long seed, double top1) {
        return new JournalEntry(id, 0, Map.of("clip", clip), seed, RunStatus.COMPLETED, top1, 1L, 1.0, 1.0,
                "runs/" + id + "/run.json", null, "completed", 2000);
    }

    private static Claim claim(Claim.Kind kind) {
        return new Claim("c", "clip 1.3 vs 1.0", "published", "source", kind, 0.01,
                List.of(new Claim.Pair(Map.of("clip", 1.3), Map.of("clip", 1.0))));
    }

    private static final double[] BASE = {0.88, 0.885, 0.879, 0.882, 0.886};

    @Test
    void aClearlyPositiveDifferenceReproducesABetterClaimAndContradictsANoGainClaim() {
        SweepSummary summary = clip(BASE, new double[] {0.010, 0.012, 0.009, 0.011, 0.010});

        assertThat(ClaimCheck.of(claim(Claim.Kind.BETTER), summary).verdict()).isEqualTo(Verdict.REPRODUCED);
        assertThat(ClaimCheck.of(claim(Claim.Kind.NO_GAIN), summary).verdict()).isEqualTo(Verdict.CONTRADICTED);
    }

    @Test
    void aClearlyNegativeDifferenceContradictsABetterClaimAndReproducesANoGainClaim() {
        SweepSummary summary = clip(BASE, new double[] {-0.010, -0.012, -0.009, -0.011, -0.010});

        assertThat(ClaimCheck.of(claim(Claim.Kind.BETTER), summary).verdict()).isEqualTo(Verdict.CONTRADICTED);
        assertThat(ClaimCheck.of(claim(Claim.Kind.NO_GAIN), summary).verdict()).isEqualTo(Verdict.REPRODUCED);
    }

    @Test
    void noiseAroundZeroIsNotDistinguishableForABetterClaimAndReproducesNoGainWhenTheIntervalIsBelowTheMargin() {
        SweepSummary summary = clip(BASE, new double[] {0.002, -0.003, 0.001, -0.002, 0.002});

        ClaimCheck better = ClaimCheck.of(claim(Claim.Kind.BETTER), summary);
        assertThat(better.verdict()).isEqualTo(Verdict.NOT_DISTINGUISHABLE);
        assertThat(better.verdictText()).isEqualTo("not distinguishable at n = 5");
        assertThat(ClaimCheck.of(claim(Claim.Kind.NO_GAIN), summary).verdict()).isEqualTo(Verdict.REPRODUCED);
    }

    @Test
    void wideNoiseCannotExcludeAGainAsLargeAsTheMargin() {
        SweepSummary summary = clip(BASE, new double[] {0.03, -0.02, 0.025, -0.015, 0.02});

        assertThat(ClaimCheck.of(claim(Claim.Kind.NO_GAIN), summary).verdict()).isEqualTo(Verdict.NOT_DISTINGUISHABLE);
    }

    @Test
    void aComparisonWithoutRunsHasNoData() {
        SweepSummary summary = SweepSummary.of(List.of("clip"), List.of(entry("p000-0", 1.0, 42, 0.8)));

        ClaimCheck check = ClaimCheck.of(claim(Claim.Kind.BETTER), summary);
        assertThat(check.verdict()).isEqualTo(Verdict.NO_DATA);
        assertThat(check.comparisons().get(0).describe()).endsWith("no runs");
    }
}
