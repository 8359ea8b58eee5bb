package org.bnnworkbench.experiments.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Which configuration of a sweep is best, said only when it is. The configuration with the highest mean test top-1
 * is the <em>top</em> one; it is the <em>best</em> only when its difference to every other configuration is told apart
 * from zero at 95 % by runs of several seeds (a {@link Comparison.Method#PAIRED paired} or
 * {@link Comparison.Method#WELCH Welch} interval above zero). Otherwise the sweep has no clear best, and the text says
 * how far apart the top two are. One run per configuration never makes a best, because the seed alone moves accuracy
 * (a PyTorch replica of bnn-small moved 1.35 points from rounding alone); it says whether the ranking is within the
 * test-set noise.
 *
 * <p>Picking the top configuration after seeing the data and then testing it favours it slightly; with many
 * configurations, requiring an interval above zero against every other keeps a false "best" rare, but not
 * impossible. No correction for multiple comparisons is applied.
 *
 * @param top         highest mean; null when nothing completed
 * @param runnerUp    second highest mean; null with fewer than two configurations with results
 * @param versusOthers the top one against every other configuration with results, runner-up first
 * @param best        the top one if it is clearly best, else null
 */
public record Ranking(ConfigurationStats top, ConfigurationStats runnerUp, List<Comparison> versusOthers,
                      ConfigurationStats best) {

    public Ranking {
        versusOthers = List.copyOf(versusOthers);
    }

    public static Ranking of(List<ConfigurationStats> configurations) {
        var ranked = new ArrayList<>(configurations.stream().filter(ConfigurationStats::hasResults).toList());
        // stable: equal means keep the sweep's order
        ranked.sort(Comparator.comparingDouble((ConfigurationStats c) -> c.summary().mean()).reversed());
        if (ranked.isEmpty()) {
            return new Ranking(null, null, List.of(), null);
        }
        ConfigurationStats top = ranked.get(0);
        var versus = new ArrayList<Comparison>();
        for (int i = 1; i < ranked.size(); i++) {
            versus.add(Comparison.of(top, ranked.get(i)));
        }
        boolean clear = !versus.isEmpty() && versus.stream().allMatch(c -> c.distinguishable() && c.difference() > 0
                && (c.method() == Comparison.Method.PAIRED || c.method() == Comparison.Method.WELCH));
        return new Ranking(top, ranked.size() > 1 ? ranked.get(1) : null, versus, clear ? top : null);
    }

    public boolean hasClearBest() {
        return best != null;
    }

    /**
     * The place of a configuration by mean test top-1, 1 for the top one (equal means keep the sweep's order); 0 for
     * one without results or not ranked here.
     */
    public int rank(ConfigurationStats c) {
        if (top == null) {
            return 0;
        }
        if (top == c) {
            return 1;
        }
        for (int i = 0; i < versusOthers.size(); i++) {
            if (versusOthers.get(i).b() == c) {
                return i + 2;
            }
        }
        return 0;
    }

    /** The top one against the runner-up; null with fewer than two configurations with results. */
    public Comparison topTwo() {
        return versusOthers.isEmpty() ? null : versusOthers.get(0);
    }

    /** The number of seeds the verdict rests on: the fewest completed runs of the top two. */
    public int seedsPerConfiguration() {
        if (top == null) {
            return 0;
        }
        return runnerUp == null ? top.n() : Math.min(top.n(), runnerUp.n());
    }

    /**
     * One line for tables, charts and reports, e.g. {@code best: clip=1.3, +2.10 points over clip=1.0 (95% CI +0.80
     * to +3.40, paired over 5 seeds)} or {@code no clear best at n = 5: clip=1.3 and clip=1.0 are +0.40 points apart
     * (...)}.
     */
    public String verdict() {
        if (top == null) {
            return "no completed runs yet";
        }
        Comparison two = topTwo();
        if (two == null) {
            return "one configuration with results (" + top.label() + "): nothing to rank";
        }
        if (best != null) {
            return String.format(Locale.ROOT, "best: %s, %s above %s (%s)", best.label(), points(two.difference()),
                    runnerUp.label(), two.intervalText())
                    + (versusOthers.size() > 1 ? "; above every other configuration too" : "");
        }
        int n = seedsPerConfiguration();
        if (n <= 1 && two.method() != Comparison.Method.PAIRED && two.method() != Comparison.Method.WELCH) {
            String noise = two.interval() == null ? "the test-set error is unknown"
                    : two.distinguishable() ? "beyond the test-set noise, but one seed cannot show that the seed "
                    + "did not make it" : "within the test-set noise";
            return String.format(Locale.ROOT, "no clear best with one seed per configuration: %s is %s above %s, %s; "
                    + "add repeats to compare", top.label(), points(two.difference()), runnerUp.label(), noise)
                    + (two.interval() == null ? "" : String.format(Locale.ROOT, " (95%% CI %+.2f to %+.2f)",
                    100 * two.interval().low(), 100 * two.interval().high()));
        }
        String why = two.distinguishable() ? "; it is above the runner-up, but not above every other configuration"
                : "";
        return String.format(Locale.ROOT, "no clear best at n = %d: %s and %s are %s apart (%s)", n, top.label(),
                runnerUp.label(), points(two.difference()), two.intervalText()) + why;
    }

    private static String points(double difference) {
        return String.format(Locale.ROOT, "%.2f points", 100 * difference);
    }
}
