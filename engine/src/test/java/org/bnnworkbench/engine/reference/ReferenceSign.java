package org.bnnworkbench.engine.reference;

import java.util.function.DoubleUnaryOperator;
import org.bnnworkbench.engine.binary.SignEstimator;

/**
 * The float64 surrogate functions that replace sign(x) in gradient tests; the derivative of each is
 * its estimator's pseudo-gradient. Written from the papers, independently of {@link SignEstimator}.
 */
public final class ReferenceSign {

    private ReferenceSign() {
    }

    /** STE with gradient cancelling (Hubara et al. 2016): clamp(x, -t, t), derivative 1[|x| <= t]. */
    public static double ste(double x, double t) {
        return Math.max(-t, Math.min(t, x));
    }

    /**
     * ApproxSign (Bi-Real Net, Liu et al. 2018): 2x + x^2 on [-1, 0), 2x - x^2 on [0, 1], +-1
     * beyond; with a clip t < 1 it is held constant beyond t.
     */
    public static double approxSign(double x, double t) {
        double c = Math.max(-Math.min(1, t), Math.min(Math.min(1, t), x));
        return c >= 0 ? 2 * c - c * c : 2 * c + c * c;
    }

    /**
     * SwishSign (BNN+, Darabi et al. 2018): 2 sigmoid(b x) (1 + b x (1 - sigmoid(b x))) - 1, with x
     * clamped to [-t, t].
     */
    public static double swishSign(double x, double beta, double t) {
        double bx = beta * Math.max(-t, Math.min(t, x));
        double s = 1 / (1 + Math.exp(-bx));
        return 2 * s * (1 + bx * (1 - s)) - 1;
    }

    /** The reference surrogate for an engine estimator. */
    public static DoubleUnaryOperator surrogateOf(SignEstimator estimator) {
        double t = estimator.clip();
        if (estimator instanceof SignEstimator.Ste) {
            return x -> ste(x, t);
        }
        if (estimator instanceof SignEstimator.ApproxSign) {
            return x -> approxSign(x, t);
        }
        SignEstimator.SwishSign swish = (SignEstimator.SwishSign) estimator;
        return x -> swishSign(x, swish.beta(), t);
    }

    public static Float64Tensor apply(Float64Tensor x, DoubleUnaryOperator surrogate) {
        double[] y = new double[x.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = surrogate.applyAsDouble(x.data()[i]);
        }
        return x.with(y);
    }
}
