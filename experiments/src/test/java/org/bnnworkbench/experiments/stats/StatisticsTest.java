package org.bnnworkbench.experiments.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The statistics every view shows, against values computed by hand and by SciPy 1.10.1
 * ({@code src/test/resources/stats/make_fixtures.py} wrote {@code fixtures.json}).
 */
class StatisticsTest {

    private static JsonNode fixtures;

    @BeforeAll
    static void readFixtures() throws IOException {
        try (InputStream in = StatisticsTest.class.getResourceAsStream("/stats/fixtures.json")) {
            fixtures = new ObjectMapper().readTree(in);
        }
    }

    private static double[] doubles(JsonNode list) {
        double[] values = new double[list.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = list.get(i).asDouble();
        }
        return values;
    }

    @Test
    void meanSdAndIntervalOfOneToFiveByHand() {
        // mean 3; sd = sqrt(10 / 4) = 1.5811; se = sd / sqrt 5 = 0.70711; t(0.975, 4) = 2.7764 (printed tables)
        SampleSummary s = SampleSummary.of(1, 2, 3, 4, 5);
        assertThat(s.n()).isEqualTo(5);
        assertThat(s.mean()).isEqualTo(3.0);
        assertThat(s.sd()).isCloseTo(Math.sqrt(2.5), within(1e-15));
        assertThat(s.standardError()).isCloseTo(Math.sqrt(0.5), within(1e-15));
        assertThat(s.interval().low()).isCloseTo(3 - 2.7764 * Math.sqrt(0.5), within(1e-4));
        assertThat(s.interval().high()).isCloseTo(3 + 2.7764 * Math.sqrt(0.5), within(1e-4));
    }

    @Test
    void oneRunHasAMeanButNoSpreadAndNoInterval() {
        SampleSummary s = SampleSummary.of(0.8);
        assertThat(s.mean()).isEqualTo(0.8);
        assertThat(s.sd()).isNaN();
        assertThat(s.hasInterval()).isFalse();
    }

    @Test
    void tQuantilesMatchScipy() {
        // SciPy 1.10's t.ppf itself is good to a few parts in 1e9 (t(0.9, 3) is off by 3.5e-9, see below)
        for (JsonNode row : fixtures.get("tQuantile")) {
            double expected = row.get("t").asDouble();
            assertThat(StudentT.quantile(row.get("p").asDouble(), row.get("df").asDouble()))
                    .as("t(%s, %s)", row.get("p"), row.get("df"))
                    .isCloseTo(expected, within(1e-8 * Math.max(1, Math.abs(expected))));
        }
    }

    @Test
    void tQuantilesEqualTheClosedFormsForOneTwoAndThreeDegreesOfFreedom() {
        for (double p : new double[] {0.6, 0.9, 0.975, 0.995}) {
            // 1 df is the Cauchy distribution; 2 df: t = (2p - 1) / sqrt(2 p (1 - p))
            assertThat(StudentT.quantile(p, 1)).isCloseTo(Math.tan(Math.PI * (p - 0.5)), within(1e-9));
            assertThat(StudentT.quantile(p, 2)).isCloseTo((2 * p - 1) / Math.sqrt(2 * p * (1 - p)), within(1e-11));
            // 3 df: F(t) = 1/2 + (theta + sin theta cos theta) / pi with theta = atan(t / sqrt 3)
            double t = StudentT.quantile(p, 3);
            double theta = Math.atan(t / Math.sqrt(3));
            assertThat(0.5 + (theta + Math.sin(theta) * Math.cos(theta)) / Math.PI).isCloseTo(p, within(1e-14));
        }
    }

    @Test
    void tDistributionFunctionMatchesScipy() {
        for (JsonNode row : fixtures.get("tCdf")) {
            assertThat(StudentT.cdf(row.get("t").asDouble(), row.get("df").asDouble()))
                    .as("P(T <= %s), %s df", row.get("t"), row.get("df"))
                    .isCloseTo(row.get("p").asDouble(), within(1e-12));
        }
    }

    @Test
    void theFamiliarCriticalValuesOfPrintedTables() {
        assertThat(StudentT.critical(0.95, 1)).isCloseTo(12.706, within(5e-4));
        assertThat(StudentT.critical(0.95, 4)).isCloseTo(2.776, within(5e-4));
        assertThat(StudentT.critical(0.95, 29)).isCloseTo(2.045, within(5e-4));
        assertThat(Normal.quantile(0.975)).isCloseTo(1.959964, within(1e-6));
    }

    @Test
    void normalQuantilesMatchScipy() {
        for (JsonNode row : fixtures.get("normalQuantile")) {
            assertThat(Normal.quantile(row.get("p").asDouble())).isCloseTo(row.get("z").asDouble(), within(1e-12));
        }
    }

    @Test
    void meanSdAndTIntervalMatchScipy() {
        for (JsonNode row : fixtures.get("samples")) {
            SampleSummary s = SampleSummary.of(doubles(row.get("values")));
            assertThat(s.mean()).isCloseTo(row.get("mean").asDouble(), within(1e-14));
            assertThat(s.sd()).isCloseTo(row.get("sd").asDouble(), within(1e-13));
            assertThat(s.interval().low()).isCloseTo(row.get("ci95Low").asDouble(), within(1e-10));
            assertThat(s.interval().high()).isCloseTo(row.get("ci95High").asDouble(), within(1e-10));
        }
    }

    @Test
    void pairedDifferenceMatchesScipy() {
        for (JsonNode row : fixtures.get("paired")) {
            // test-set sizes unknown: the textbook paired t interval
            ConfigurationStats a = configuration("a", doubles(row.get("a")), 0, null);
            ConfigurationStats b = configuration("b", doubles(row.get("b")), 0, null);
            Comparison c = Comparison.of(a, b);
            assertThat(c.method()).isEqualTo(Comparison.Method.PAIRED);
            assertThat(c.n()).isEqualTo(row.get("a").size());
            assertThat(c.difference()).isCloseTo(row.get("difference").asDouble(), within(1e-14));
            assertThat(c.interval().low()).isCloseTo(row.get("ci95Low").asDouble(), within(1e-10));
            assertThat(c.interval().high()).isCloseTo(row.get("ci95High").asDouble(), within(1e-10));
            // the interval excludes zero exactly when scipy's paired t-test has p < 0.05
            assertThat(c.distinguishable()).isEqualTo(row.get("p").asDouble() < 0.05);
        }
    }

    @Test
    void unpairedRunsGetWelchsIntervalAsScipyComputesIt() {
        for (JsonNode row : fixtures.get("welch")) {
            // different seeds, so nothing can be paired
            ConfigurationStats a = configuration("a", doubles(row.get("a")), 0, null);
            ConfigurationStats b = configuration("b", doubles(row.get("b")), 1000, null);
            Comparison c = Comparison.of(a, b);
            assertThat(c.method()).isEqualTo(Comparison.Method.WELCH);
            assertThat(c.difference()).isCloseTo(row.get("difference").asDouble(), within(1e-14));
            assertThat(c.interval().low()).isCloseTo(row.get("ci95Low").asDouble(), within(1e-10));
            assertThat(c.interval().high()).isCloseTo(row.get("ci95High").asDouble(), within(1e-10));
            assertThat(c.distinguishable()).isEqualTo(row.get("p").asDouble() < 0.05);
        }
    }

    @Test
    void testSetErrorIsBinomialWithWilsonsInterval() {
        for (JsonNode row : fixtures.get("wilson")) {
            var e = new TestSetError(row.get("accuracy").asDouble(), row.get("testImages").asInt());
            assertThat(e.standardError()).isCloseTo(row.get("se").asDouble(), within(1e-15));
            assertThat(e.interval().low()).isCloseTo(row.get("low").asDouble(), within(1e-12));
            assertThat(e.interval().high()).isCloseTo(row.get("high").asDouble(), within(1e-12));
        }
        // by hand: sqrt(0.8 * 0.2 / 2000) = 0.008944, the 0.9 points the issue quotes for 2,000 test images
        assertThat(new TestSetError(0.8, 2000).standardError()).isCloseTo(0.0089443, within(1e-7));
    }

    @Test
    void aPairedDifferenceAddsTheTestSetErrorThatEverySeedShares() {
        // +0.5 points on every one of 3 seeds: no spread over seeds, but 200 test images; by hand:
        // floor = sqrt(0.005 * 0.995 / 200) = 0.0049875, t(0.975, 2) = 4.302653, half-width 0.021460
        ConfigurationStats a = configuration("a", new double[] {0.805, 0.815, 0.795}, 0, 200);
        ConfigurationStats b = configuration("b", new double[] {0.800, 0.810, 0.790}, 0, 200);
        Comparison c = Comparison.of(a, b);
        assertThat(c.method()).isEqualTo(Comparison.Method.PAIRED);
        assertThat(c.difference()).isCloseTo(0.005, within(1e-12));
        assertThat(c.interval().halfWidth()).isCloseTo(4.302653 * Math.sqrt(0.005 * 0.995 / 200), within(1e-6));
        assertThat(c.distinguishable()).as("one image on 200, repeated on every seed, is not a finding").isFalse();

        // with a spread over seeds too, the two add as variances
        ConfigurationStats c1 = configuration("a", new double[] {0.85, 0.86, 0.84, 0.87, 0.85}, 0, 2000);
        ConfigurationStats c2 = configuration("b", new double[] {0.83, 0.845, 0.82, 0.85, 0.83}, 0, 2000);
        double[] d = {0.02, 0.015, 0.02, 0.02, 0.02};
        SampleSummary seeds = SampleSummary.of(d);
        double floor = Math.sqrt(seeds.mean() * (1 - seeds.mean()) / 2000);
        double half = StudentT.critical(0.95, 4) * Math.sqrt(seeds.standardError() * seeds.standardError()
                + floor * floor);
        assertThat(Comparison.of(c1, c2).interval().halfWidth()).isCloseTo(half, within(1e-12));
    }

    @Test
    void anAccuracyIsWrittenWithItsTestSetStandardErrorInPoints() {
        // sqrt(0.805 * 0.195 / 2000) = 0.008860, 0.886 points
        assertThat(TestSetError.describe(0.805, 2000)).isEqualTo("80.50% \u00b1 0.89");
        // sqrt(0.744 * 0.256 / 128) = 0.038578
        assertThat(TestSetError.describe(0.744, 128)).isEqualTo("74.40% \u00b1 3.86");
        assertThat(TestSetError.describe(1.0, 500)).isEqualTo("100.00% \u00b1 0.00");
        assertThat(TestSetError.describe(0.805, null)).isEqualTo("80.50%");
        assertThat(TestSetError.describe(0.805, 0)).isEqualTo("80.50%");
        assertThat(TestSetError.describe(Double.NaN, 2000)).isEqualTo("NaN%");
    }

    @Test
    void aPairedDifferenceOfIdenticalRunsIsExactlyZeroAndNotDistinguishable() {
        ConfigurationStats a = configuration("a", new double[] {0.81, 0.82, 0.80}, 0);
        ConfigurationStats b = configuration("b", new double[] {0.81, 0.82, 0.80}, 0);
        Comparison c = Comparison.of(a, b);
        assertThat(c.difference()).isZero();
        assertThat(c.distinguishable()).isFalse();
    }

    @Test
    void summariesRefuseWhatIsNotANumber() {
        assertThatThrownBy(() -> SampleSummary.of()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SampleSummary.of(0.5, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StudentT.quantile(0.975, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TestSetError(1.2, 100)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A configuration trained on seeds firstSeed, firstSeed + 1, ... with these accuracies on 2,000 images. */
    static ConfigurationStats configuration(String label, double[] accuracies, long firstSeed) {
        return configuration(label, accuracies, firstSeed, 2000);
    }

    static ConfigurationStats configuration(String label, double[] accuracies, long firstSeed, Integer testImages) {
        var runs = new ArrayList<SeedResult>();
        for (int i = 0; i < accuracies.length; i++) {
            runs.add(new SeedResult(firstSeed + i, accuracies[i], testImages));
        }
        return ConfigurationStats.of(label, Map.of("x", label), List.copyOf(runs), 0);
    }
}
