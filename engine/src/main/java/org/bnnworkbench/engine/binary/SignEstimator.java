package org.bnnworkbench.engine.binary;

import java.util.Locale;

/**
 * How the gradient passes through sign(x), whose true derivative is zero almost everywhere. The
 * forward pass is always sign(x) with sign(0) = +1 (larq, BMXNet 2). Every estimator cancels the
 * gradient where |x| > t, the clip threshold (BMXNet 2 {@code gradcancel}; Bethge et al. report
 * t = 1.2-1.3 beats the usual 1.0).
 *
 * <p>Each estimator also names a {@link #surrogate} function whose derivative is exactly its
 * pseudo-gradient. Replacing sign by the surrogate turns the network into an ordinary
 * differentiable function, which is how the tests check every backward pass by finite differences.
 */
public sealed interface SignEstimator permits SignEstimator.Ste, SignEstimator.ApproxSign, SignEstimator.SwishSign {

    float DEFAULT_CLIP = 1.3f;
    float DEFAULT_SWISH_BETA = 5f;

    /** The clip threshold t: the gradient is zero where |x| > t. */
    float clip();

    /** dq/dx as used in the backward pass. */
    float gradient(float x);

    /** A function whose derivative equals {@link #gradient} (up to float rounding). */
    double surrogate(double x);

    /** The name used on the command line and in run records: ste, approx or swish. */
    String id();

    SignEstimator withClip(float clip);

    static SignEstimator parse(String id, float clip) {
        return switch (id.toLowerCase(Locale.ROOT)) {
            case "ste" -> new Ste(clip);
            case "approx", "approxsign" -> new ApproxSign(clip);
            case "swish", "swishsign" -> new SwishSign(DEFAULT_SWISH_BETA, clip);
            default -> throw new IllegalArgumentException("unknown sign estimator '" + id + "' (use ste, approx or swish)");
        };
    }

    private static void checkClip(float clip) {
        if (!(clip > 0f) || Float.isInfinite(clip)) {
            throw new IllegalArgumentException("clip threshold must be a positive number, got " + clip);
        }
    }

    /** Straight-through estimator with gradient cancelling: dq/dx = 1[|x| <= t] (Hubara et al. 2016). */
    record Ste(float clip) implements SignEstimator {
        public Ste {
            checkClip(clip);
        }

        @Override
        public float gradient(float x) {
            return Math.abs(x) <= clip ? 1f : 0f;
        }

        @Override
        public double surrogate(double x) {
            return Math.max(-clip, Math.min(clip, x));
        }

        @Override
        public String id() {
            return "ste";
        }

        @Override
        public SignEstimator withClip(float t) {
            return new Ste(t);
        }
    }

    /**
     * Bi-Real Net's ApproxSign (Liu et al. 2018): dq/dx = 2 - 2|x| for |x| <= 1, else 0, the
     * derivative of a piecewise quadratic that approximates sign. Also cancelled beyond t when
     * t < 1. Unlike BMXNet 2's {@code approx_sign} with t > 1, it never turns negative.
     */
    record ApproxSign(float clip) implements SignEstimator {
        public ApproxSign {
            checkClip(clip);
        }

        @Override
        public float gradient(float x) {
            float a = Math.abs(x);
            return a <= Math.min(1f, clip) ? 2f - 2f * a : 0f;
        }

        @Override
        public double surrogate(double x) {
            double limit = Math.min(1.0, clip);
            double a = Math.min(Math.abs(x), limit);
            return Math.signum(x) * (2 * a - a * a);
        }

        @Override
        public String id() {
            return "approx";
        }

        @Override
        public SignEstimator withClip(float t) {
            return new ApproxSign(t);
        }
    }

    /**
     * SwishSign of BNN+ (Darabi et al. 2018): dq/dx = beta (2 - beta x tanh(beta x / 2)) / (1 +
     * cosh(beta x)), beta = 5 as in larq, cancelled beyond t.
     */
    record SwishSign(float beta, float clip) implements SignEstimator {
        public SwishSign {
            checkClip(clip);
            if (!(beta > 0f)) {
                throw new IllegalArgumentException("SwishSign beta must be positive, got " + beta);
            }
        }

        @Override
        public float gradient(float x) {
            if (Math.abs(x) > clip) {
                return 0f;
            }
            double bx = beta * (double) x;
            return (float) (beta * (2 - bx * Math.tanh(bx / 2)) / (1 + Math.cosh(bx)));
        }

        @Override
        public double surrogate(double x) {
            double c = Math.max(-clip, Math.min(clip, x));
            double bx = beta * c;
            double s = 1 / (1 + Math.exp(-bx));
            return 2 * s * (1 + bx * (1 - s)) - 1;
        }

        @Override
        public String id() {
            return "swish";
        }

        @Override
        public SignEstimator withClip(float t) {
            return new SwishSign(beta, t);
        }
    }
}
