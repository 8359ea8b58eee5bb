package org.bnnworkbench.engine.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.bnnworkbench.engine.tensor.Tensor;

/**
 * How closely the float32 engine agrees with the float64 reference, as assertions. Run the tests
 * with {@code -Dbnn.errorReport=true} to print the worst error of every check.
 */
public final class Agreement {

    /** Per-element bound for gradients: |a - b| / max(1e-3, |a| + |b|). */
    public static final double GRADIENT_ELEMENT = 1e-2;
    /** Norm-wise bound for gradients: ||a - b|| / ||b||. */
    public static final double GRADIENT_NORM = 1e-4;
    /** Per-element bound for forward values, relative to max(|b|, mean |b|). */
    public static final double FORWARD = 1e-5;

    private static final boolean REPORT = Boolean.getBoolean("bnn.errorReport");

    private Agreement() {
    }

    /** Worst per-element error and the norm-wise error of one comparison. */
    public record Errors(double worstElement, double normwise) {
    }

    public static Errors gradientErrors(float[] actual, double[] expected) {
        assertThat(actual).hasSize(expected.length);
        double worst = 0;
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < actual.length; i++) {
            double d = Math.abs(actual[i] - expected[i]);
            worst = Math.max(worst, d / Math.max(1e-3, Math.abs(actual[i]) + Math.abs(expected[i])));
            diff += d * d;
            norm += expected[i] * expected[i];
        }
        return new Errors(worst, Math.sqrt(diff) / Math.max(1e-12, Math.sqrt(norm)));
    }

    /** Engine gradient (float32 backward) against the float64 numeric gradient. */
    public static void assertGradient(String label, float[] actual, double[] expected) {
        Errors e = gradientErrors(actual, expected);
        report("gradient", label, e);
        assertThat(e.worstElement()).as("%s: worst per-element relative error", label).isLessThan(GRADIENT_ELEMENT);
        assertThat(e.normwise()).as("%s: norm-wise relative error", label).isLessThan(GRADIENT_NORM);
    }

    public static void assertForward(String label, float[] actual, double[] expected) {
        assertThat(actual).as(label).hasSize(expected.length);
        double mean = 0;
        for (double v : expected) {
            mean += Math.abs(v) / expected.length;
        }
        double floor = Math.max(mean, 1e-30);
        double worst = 0;
        for (int i = 0; i < actual.length; i++) {
            worst = Math.max(worst, Math.abs(actual[i] - expected[i]) / Math.max(Math.abs(expected[i]), floor));
        }
        report("forward", label, new Errors(worst, Double.NaN));
        assertThat(worst).as("%s: worst relative error of the forward pass", label).isLessThan(FORWARD);
    }

    public static void assertForward(String label, Tensor actual, Float64Tensor expected) {
        assertThat(actual.shape()).as("%s: shape", label).isEqualTo(expected.shape());
        assertForward(label, actual.data(), expected.data());
    }

    private static void report(String kind, String label, Errors e) {
        if (REPORT) {
            System.out.printf("[agreement] %-8s %-60s worst %.2e  norm %.2e%n", kind, label, e.worstElement(),
                    e.normwise());
        }
    }
}
