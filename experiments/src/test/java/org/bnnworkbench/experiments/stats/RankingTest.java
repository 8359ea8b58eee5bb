package org.bnnworkbench.experiments.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bnnworkbench.experiments.stats.StatisticsTest.configuration;

import java.util.List;
import org.junit.jupiter.api.Test;

/** "Best" only when it is. */
class RankingTest {

    @Test
    void aConfigurationClearlyAboveEveryOtherOnTheSameSeedsIsBest() {
        var high = configuration("clip=1.3", new double[] {0.85, 0.86, 0.84, 0.87, 0.85}, 42);
        var mid = configuration("clip=1.0", new double[] {0.83, 0.84, 0.82, 0.85, 0.83}, 42);
        var low = configuration("clip=0.5", new double[] {0.80, 0.80, 0.79, 0.81, 0.80}, 42);

        Ranking r = Ranking.of(List.of(low, high, mid));

        assertThat(r.top()).isSameAs(high);
        assertThat(r.runnerUp()).isSameAs(mid);
        assertThat(r.best()).isSameAs(high);
        // the same 2 points on every seed; the interval is the test-set error all seeds share:
        // 2.776 x sqrt(0.02 x 0.98 / 2000) = 0.87 points
        assertThat(r.verdict()).startsWith("best: clip=1.3, 2.00 points above clip=1.0 (95% CI +1.13 to +2.87, "
                + "paired over 5 seeds)");
        assertThat(List.of(r.rank(low), r.rank(high), r.rank(mid))).containsExactly(3, 1, 2);
    }

    @Test
    void aConfigurationWithoutResultsHasNoRank() {
        var done = configuration("clip=1.3", new double[] {0.85, 0.86}, 42);
        var none = ConfigurationStats.of("clip=9", java.util.Map.of(), List.of(), 2);

        Ranking r = Ranking.of(List.of(none, done));

        assertThat(r.rank(done)).isEqualTo(1);
        assertThat(r.rank(none)).isZero();
    }

    @Test
    void twoConfigurationsThatDifferByANegligibleAmountAreNotDeclaredABest() {
        // clip 1.3 and 1.3001 train the same network: their accuracies differ by noise only
        var a = configuration("clip=1.3", new double[] {0.8915, 0.8870, 0.8935, 0.8890, 0.8960}, 42);
        var b = configuration("clip=1.3001", new double[] {0.8905, 0.8880, 0.8930, 0.8895, 0.8950}, 42);

        Ranking r = Ranking.of(List.of(a, b));

        assertThat(r.hasClearBest()).isFalse();
        assertThat(r.verdict()).startsWith("no clear best at n = 5: clip=1.3 and clip=1.3001 are 0.02 points apart "
                + "(95% CI");
    }

    @Test
    void oneSeedPerConfigurationNeverMakesABestAndSaysWhetherTheGapIsWithinTheTestSetNoise() {
        // 57.8% against 57.6% on 2,000 images: the sweep the issue quotes
        var a = configuration("clip=1.3", new double[] {0.578}, 42);
        var b = configuration("clip=1.0", new double[] {0.576}, 42);
        var c = configuration("clip=0.5", new double[] {0.564}, 42);

        Ranking r = Ranking.of(List.of(c, b, a));

        assertThat(r.hasClearBest()).isFalse();
        assertThat(r.top()).isSameAs(a);
        assertThat(r.verdict()).contains("one seed per configuration").contains("within the test-set noise");
    }

    @Test
    void oneSeedFarApartIsBeyondTheTestSetNoiseButStillNoBest() {
        var a = configuration("clip=1.3", new double[] {0.80}, 42);
        var b = configuration("clip=5", new double[] {0.60}, 42);

        Ranking r = Ranking.of(List.of(a, b));

        assertThat(r.hasClearBest()).isFalse();
        assertThat(r.topTwo().method()).isEqualTo(Comparison.Method.TEST_SET);
        assertThat(r.topTwo().distinguishable()).isTrue();
        assertThat(r.verdict()).contains("beyond the test-set noise");
    }

    @Test
    void aTopAboveTheRunnerUpButNotAboveANoisyThirdIsNotBest() {
        var top = configuration("a", new double[] {0.86, 0.86, 0.86, 0.86}, 1);
        var runnerUp = configuration("b", new double[] {0.85, 0.85, 0.85, 0.851}, 1);
        var noisy = configuration("c", new double[] {0.90, 0.70, 0.90, 0.70}, 1);

        Ranking r = Ranking.of(List.of(top, runnerUp, noisy));

        assertThat(r.topTwo().distinguishable()).isTrue();
        assertThat(r.hasClearBest()).isFalse();
        assertThat(r.verdict()).contains("not above every other configuration");
    }

    @Test
    void nothingCompletedHasNoTop() {
        Ranking r = Ranking.of(List.of());
        assertThat(r.top()).isNull();
        assertThat(r.verdict()).isEqualTo("no completed runs yet");
    }
}
