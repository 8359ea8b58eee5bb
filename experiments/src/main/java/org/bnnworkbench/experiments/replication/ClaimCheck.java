package org.bnnworkbench.experiments.replication;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bnnworkbench.experiments.stats.Comparison;
import org.bnnworkbench.experiments.stats.ConfigurationStats;
import org.bnnworkbench.experiments.sweep.SweepSummary;

/**
 * A claim checked against a study's runs: each of its comparisons as a paired difference with its 95 % interval, a
 * verdict per comparison and one for the claim.
 *
 * <p>For a claim that {@code a} is <em>better</em> than {@code b}: reproduced when the interval of a - b lies above
 * zero, contradicted when below, otherwise not distinguishable. For a claim that {@code a} gives <em>no gain</em> over
 * {@code b}: contradicted when the interval lies above zero (a helps); reproduced when it lies below the margin (any
 * gain is smaller than the margin; this includes a being clearly worse); otherwise not distinguishable (the runs
 * cannot exclude a gain as large as the margin).
 *
 * <p>The claim's verdict: reproduced if every comparison is; contradicted if every comparison told apart contradicts
 * it; mixed if some reproduce and some contradict; partly reproduced if some reproduce and the rest are not
 * distinguishable; not distinguishable if none is told apart.
 *
 * @param comparisons one per pair of the claim, in its order
 */
public record ClaimCheck(Claim claim, List<Checked> comparisons, Verdict verdict) {

    public ClaimCheck {
        comparisons = List.copyOf(comparisons);
    }

    /** One comparison of the claim: null configurations or comparison when the sweep has no such runs. */
    public record Checked(Claim.Pair pair, ConfigurationStats a, ConfigurationStats b, Comparison comparison,
                          Verdict verdict) {

        /** E.g. {@code clip=1.3 - clip=1 = +0.85 points (95% CI -0.40 to +2.10, paired over 5 seeds): not ...}. */
        public String describe() {
            String left = a == null ? StudyManifest.label(pair.a()) : a.label();
            String right = b == null ? StudyManifest.label(pair.b()) : b.label();
            if (comparison == null) {
                return left + " against " + right + ": no runs";
            }
            return left + " against " + right + ": " + comparison.describe() + ": " + verdict.text();
        }
    }

    public static ClaimCheck of(Claim claim, SweepSummary summary) {
        var checked = new ArrayList<Checked>();
        for (Claim.Pair pair : claim.comparisons()) {
            ConfigurationStats a = summary.find(pair.a());
            ConfigurationStats b = summary.find(pair.b());
            if (a == null || b == null || !a.hasResults() || !b.hasResults()) {
                checked.add(new Checked(pair, a, b, null, Verdict.NO_DATA));
                continue;
            }
            Comparison comparison = summary.compare(a, b);
            checked.add(new Checked(pair, a, b, comparison, verdict(claim, comparison)));
        }
        return new ClaimCheck(claim, checked, overall(checked));
    }

    static Verdict verdict(Claim claim, Comparison c) {
        if (c.interval() == null) {
            return Verdict.NO_DATA;
        }
        double low = c.interval().low();
        double high = c.interval().high();
        return switch (claim.kind()) {
            case BETTER -> low > 0 ? Verdict.REPRODUCED : high < 0 ? Verdict.CONTRADICTED
                    : Verdict.NOT_DISTINGUISHABLE;
            case NO_GAIN -> low > 0 ? Verdict.CONTRADICTED : high < claim.margin() ? Verdict.REPRODUCED
                    : Verdict.NOT_DISTINGUISHABLE;
        };
    }

    private static Verdict overall(List<Checked> checked) {
        if (checked.isEmpty() || checked.stream().anyMatch(c -> c.verdict() == Verdict.NO_DATA)) {
            return Verdict.NO_DATA;
        }
        long reproduced = checked.stream().filter(c -> c.verdict() == Verdict.REPRODUCED).count();
        long contradicted = checked.stream().filter(c -> c.verdict() == Verdict.CONTRADICTED).count();
        if (reproduced == checked.size()) {
            return Verdict.REPRODUCED;
        }
        if (contradicted > 0) {
            return reproduced > 0 ? Verdict.MIXED : Verdict.CONTRADICTED;
        }
        return reproduced > 0 ? Verdict.PARTLY_REPRODUCED : Verdict.NOT_DISTINGUISHABLE;
    }

    /** The fewest seeds any comparison of the claim rests on. */
    public int seeds() {
        return comparisons.stream().filter(c -> c.comparison() != null).mapToInt(c -> c.comparison().n()).min()
                .orElse(0);
    }

    /** E.g. {@code not distinguishable at n = 5}. */
    public String verdictText() {
        return verdict == Verdict.NOT_DISTINGUISHABLE
                ? String.format(Locale.ROOT, "not distinguishable at n = %d", seeds()) : verdict.text();
    }
}
