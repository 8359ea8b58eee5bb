package org.bnnworkbench.experiments.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The difference in test top-1 between two configurations, {@code a - b}, with a 95 % interval, by the best method
 * their runs allow:
 * <ul>
 *   <li>{@link Method#PAIRED}: both trained on at least two common seeds. The differences seed by seed are summarised
 *   with a Student t interval (n - 1 degrees of freedom). Pairing removes what the seed does to both alike (the same
 *   initial weights and batch order), so it is the sharpest comparison a sweep with repeats gives. Its standard error
 *   also holds the test-set error that all seeds share ({@link #testSetFloor}); without test-set sizes it is the
 *   textbook paired t interval.</li>
 *   <li>{@link Method#WELCH}: at least two runs each but fewer than two common seeds: Welch's unequal-variance t
 *   interval with the Welch-Satterthwaite degrees of freedom, its standard error with the same test-set term.</li>
 *   <li>{@link Method#TEST_SET}: one run each: only the two runs' binomial test-set errors (see {@link TestSetError}),
 *   which leaves seed-to-seed variation unmeasured.</li>
 *   <li>{@link Method#NONE}: nothing to compare with (no results, or one run with an unknown test-set size).</li>
 * </ul>
 *
 * @param n            pairs for PAIRED, else the runs of the smaller side
 * @param seeds        the common seeds of a paired comparison
 * @param difference   mean(a) - mean(b) for WELCH and TEST_SET, the mean of the paired differences for PAIRED
 * @param interval     95 % interval of the difference; null for NONE
 */
public record Comparison(ConfigurationStats a, ConfigurationStats b, Method method, int n, List<Long> seeds,
                         double difference, Interval interval) {

    /** How the interval was made. */
    public enum Method {
        PAIRED("paired t over common seeds"),
        WELCH("Welch t, unpaired"),
        TEST_SET("test-set binomial error only, one run each"),
        NONE("not comparable");

        private final String description;

        Method(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public Comparison {
        seeds = List.copyOf(seeds);
    }

    public static Comparison of(ConfigurationStats a, ConfigurationStats b) {
        if (!a.hasResults() || !b.hasResults()) {
            return none(a, b);
        }
        Map<Long, Double> bySeedB = b.bySeed();
        var common = new ArrayList<Long>();
        var differences = new ArrayList<Double>();
        a.bySeed().forEach((seed, accuracy) -> {
            if (bySeedB.containsKey(seed)) {
                common.add(seed);
                differences.add(accuracy - bySeedB.get(seed));
            }
        });
        if (common.size() >= 2) {
            SampleSummary paired = SampleSummary.of(differences.stream().mapToDouble(Double::doubleValue).toArray());
            double floor = testSetFloor(a, b, paired.mean());
            double se = Math.sqrt(paired.standardError() * paired.standardError() + floor * floor);
            double t = StudentT.critical(SampleSummary.LEVEL, common.size() - 1);
            return new Comparison(a, b, Method.PAIRED, common.size(), common, paired.mean(),
                    Interval.around(paired.mean(), t * se, SampleSummary.LEVEL));
        }
        SampleSummary sa = a.summary();
        SampleSummary sb = b.summary();
        double difference = sa.mean() - sb.mean();
        if (sa.n() >= 2 && sb.n() >= 2) {
            double va = sa.sd() * sa.sd() / sa.n();
            double vb = sb.sd() * sb.sd() / sb.n();
            double floor = testSetFloor(a, b, difference);
            double se = Math.sqrt(va + vb + floor * floor);
            if (se == 0) {
                return new Comparison(a, b, Method.WELCH, Math.min(sa.n(), sb.n()), List.of(), difference,
                        new Interval(difference, difference, SampleSummary.LEVEL));
            }
            double df = va + vb == 0 ? Math.min(sa.n(), sb.n()) - 1
                    : (va + vb) * (va + vb) / (va * va / (sa.n() - 1) + vb * vb / (sb.n() - 1));
            double t = StudentT.critical(SampleSummary.LEVEL, df);
            return new Comparison(a, b, Method.WELCH, Math.min(sa.n(), sb.n()), List.of(), difference,
                    Interval.around(difference, t * se, SampleSummary.LEVEL));
        }
        if (sa.n() == 1 && sb.n() == 1) {
            TestSetError ea = a.runs().get(0).testSetError();
            TestSetError eb = b.runs().get(0).testSetError();
            if (ea != null && eb != null) {
                return new Comparison(a, b, Method.TEST_SET, 1, List.of(), difference, ea.minus(eb).interval());
            }
        }
        return new Comparison(a, b, Method.NONE, Math.min(sa.n(), sb.n()), List.of(), difference, null);
    }

    /**
     * The least test-set standard error of a difference {@code d} of two accuracies measured on the same N test images:
     * they differ on at least a fraction |d| of the images, and the sampling variance of the difference is
     * {@code (p10 + p01 - d^2) / N >= |d| (1 - |d|) / N} (p10, p01: the images only one of the two gets right). Every
     * seed is evaluated on the same test images, so this error does not average out over seeds; it is added to the
     * seeds' spread, which keeps a difference of one or two images that happens to repeat on every seed from looking
     * certain. 0 when a test-set size is unknown.
     */
    static double testSetFloor(ConfigurationStats a, ConfigurationStats b, double difference) {
        Integer na = a.testImages();
        Integer nb = b.testImages();
        if (na == null || nb == null || na < 1 || nb < 1) {
            return 0;
        }
        double d = Math.min(1, Math.abs(difference));
        return Math.sqrt(d * (1 - d) / Math.min(na, nb));
    }

    private static Comparison none(ConfigurationStats a, ConfigurationStats b) {
        return new Comparison(a, b, Method.NONE, 0, List.of(), Double.NaN, null);
    }

    /** Whether the interval excludes zero: the two configurations are told apart at 95 %. */
    public boolean distinguishable() {
        return interval != null && interval.excludesZero();
    }

    /** E.g. {@code +1.20 points (95% CI -0.35 to +2.75, paired over 5 seeds)}. */
    public String describe() {
        if (interval == null) {
            return method == Method.NONE && Double.isNaN(difference) ? "no results to compare"
                    : String.format(Locale.ROOT, "%+.2f points (no interval: %s)", 100 * difference,
                    a.n() == 1 && b.n() == 1 ? "the test-set sizes are unknown" : "too few runs");
        }
        return String.format(Locale.ROOT, "%+.2f points (%s)", 100 * difference, intervalText());
    }

    /** E.g. {@code 95% CI -0.35 to +2.75, paired over 5 seeds}; the basis alone when there is no interval. */
    public String intervalText() {
        return interval == null ? basis() : String.format(Locale.ROOT, "95%% CI %+.2f to %+.2f, %s",
                100 * interval.low(), 100 * interval.high(), basis());
    }

    /** What the interval rests on, e.g. {@code paired over 5 seeds}. */
    public String basis() {
        return switch (method) {
            case PAIRED -> "paired over " + n + " seeds";
            case WELCH -> "Welch, " + a.n() + " and " + b.n() + " runs";
            case TEST_SET -> "test-set error only, one seed each";
            case NONE -> "not comparable";
        };
    }
}
