package org.bnnworkbench.engine.inference;

/**
 * Turns a folded BatchNorm followed by sign into one comparison per channel, exactly. In evaluation the
 * training engine computes sign(x * scale + shift) in float (two roundings, sign(0) = +1). For scale &gt; 0
 * that float function never decreases as x grows, so the inputs that give +1 are exactly those from some
 * smallest float t on: sign(...) = +1 iff x &gt;= t. For scale &lt; 0 they are those up to a largest t
 * (x &lt;= t). The threshold is found by bisection over the ordered float values, so it agrees with the
 * float arithmetic on every input, including values on the boundary (LCE stores the same comparison as
 * {@code accum > thresholds[c]} on integer accumulators, {@code core/bconv2d/output_transform.h}).
 */
public final class SignThresholds {

    /** The comparison of one channel: +1 when x &gt;= threshold, or x &lt;= threshold when {@code below}. */
    public record Threshold(float threshold, boolean below) {
    }

    private SignThresholds() {
    }

    /** The sign of x * scale + shift as the engine computes it. */
    static boolean positive(float x, float scale, float shift) {
        return x * scale + shift >= 0f;
    }

    public static Threshold of(float scale, float shift) {
        if (scale == 0f || Float.isNaN(scale)) {
            // x * 0 is +-0 for every finite x: the sign is that of shift (sign(-0) = +1)
            return new Threshold(shift >= 0f ? Float.NEGATIVE_INFINITY : Float.NaN, false);
        }
        boolean below = scale < 0f;
        // keys order the non-NaN floats: -inf < ... < -0 < +0 < ... < +inf
        int lo = key(Float.NEGATIVE_INFINITY);
        int hi = key(Float.POSITIVE_INFINITY);
        if (!below) {
            if (!positive(Float.POSITIVE_INFINITY, scale, shift)) {
                return new Threshold(Float.NaN, false);
            }
            // smallest key whose value gives +1
            while (lo < hi) {
                int mid = (int) (((long) lo + hi) >> 1);
                if (positive(value(mid), scale, shift)) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return new Threshold(value(lo), false);
        }
        if (!positive(Float.NEGATIVE_INFINITY, scale, shift)) {
            return new Threshold(Float.NaN, true);
        }
        // largest key whose value gives +1
        while (lo < hi) {
            int mid = (int) (((long) lo + hi + 1) >> 1);
            if (positive(value(mid), scale, shift)) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return new Threshold(value(lo), true);
    }

    private static int key(float v) {
        int bits = Float.floatToRawIntBits(v);
        return bits >= 0 ? bits : bits ^ 0x7fffffff;
    }

    private static float value(int key) {
        return Float.intBitsToFloat(key >= 0 ? key : key ^ 0x7fffffff);
    }
}
