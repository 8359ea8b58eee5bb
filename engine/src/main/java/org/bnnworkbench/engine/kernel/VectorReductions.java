package org.bnnworkbench.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The channel sums of {@link Reductions} on the Vector API, in float lanes but without losing
 * what double accumulation keeps: every addition is an error-free transformation (TwoSum, Knuth
 * 1969) whose rounding error goes into a second accumulator per lane, and every product is split
 * exactly into a float and its rounding error by a fused multiply-add (TwoProduct). Widening floats
 * to doubles, the plain loops' way, is not compiled to vector instructions by JDK 17. The lanes are
 * added in double in a fixed order, so results repeat exactly; they agree with the plain double
 * sums to about 1e-12 relative. Only loaded with jdk.incubator.vector.
 *
 * <p>Each plane is summed by a method with one simple loop whose accumulators live in registers;
 * they are carried from plane to plane in a small array (vectors kept across a second, scalar
 * loop are boxed by HotSpot 17, which made a one-method version slower than the plain loops).
 */
final class VectorReductions {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    private static final int L = S.length();

    private VectorReductions() {
    }

    /** Lanes of acc: [0, L) sum, [L, 2L) error, [2L, 3L) second sum, [3L, 4L) its error. */
    private static double total(float[] acc, int at) {
        double s = 0;
        for (int i = 0; i < L; i++) {
            s += (double) acc[at + i] + (double) acc[at + L + i];
        }
        return s;
    }

    // TwoSum of s and x: t = s + x, bp = t - s, error = (s - (t - bp)) + (x - bp), exactly s + x - t.

    /** Adds a[from, from + n) (n a multiple of L) into the compensated lanes acc[0, 2L). */
    private static void sumPlane(float[] a, int from, int n, float[] acc) {
        FloatVector s = FloatVector.fromArray(S, acc, 0);
        FloatVector err = FloatVector.fromArray(S, acc, L);
        for (int p = from; p < from + n; p += L) {
            FloatVector x = FloatVector.fromArray(S, a, p);
            FloatVector t = s.add(x);
            FloatVector bp = t.sub(s);
            err = err.add(s.sub(t.sub(bp)).add(x.sub(bp)));
            s = t;
        }
        s.intoArray(acc, 0);
        err.intoArray(acc, L);
    }

    static double channelSum(float[] a, int base, int stride, int count, int length) {
        float[] acc = new float[2 * L];
        int body = length - length % L;
        double tail = 0;
        for (int i = 0; i < count; i++) {
            int off = base + i * stride;
            sumPlane(a, off, body, acc);
            for (int p = body; p < length; p++) {
                tail += a[off + p];
            }
        }
        return total(acc, 0) + tail;
    }

    /** Adds (a - mean)^2 over a[from, from + n) into acc[0, 2L); mean = hi + lo. */
    private static void squaresPlane(float[] a, int from, int n, float hi, float lo, float[] acc) {
        FloatVector mHi = FloatVector.broadcast(S, hi);
        FloatVector mLo = FloatVector.broadcast(S, lo);
        FloatVector s = FloatVector.fromArray(S, acc, 0);
        FloatVector err = FloatVector.fromArray(S, acc, L);
        for (int p = from; p < from + n; p += L) {
            FloatVector x = FloatVector.fromArray(S, a, p);
            // x - mean = d + delta: d = fl(x - hi), delta = its exact rounding error (TwoSum) - lo
            FloatVector d = x.sub(mHi);
            FloatVector dp = d.sub(x);
            FloatVector delta = x.sub(d.sub(dp)).sub(mHi.add(dp)).sub(mLo);
            FloatVector sq = d.mul(d);
            // (d + delta)^2 = sq + [fma(d, d, -sq) + (2 d + delta) delta]; delta^2 matters when the
            // mean is large against the spread (delta is then mostly -lo, the same for every x)
            FloatVector extra = d.fma(d, sq.neg()).add(d.add(d).add(delta).mul(delta));
            FloatVector t = s.add(sq);
            FloatVector bp = t.sub(s);
            err = err.add(s.sub(t.sub(bp)).add(sq.sub(bp)).add(extra));
            s = t;
        }
        s.intoArray(acc, 0);
        err.intoArray(acc, L);
    }

    static double channelSquaredDeviations(float[] a, int base, int stride, int count, int length, double mean) {
        float hi = (float) mean;
        float lo = (float) (mean - hi);
        float[] acc = new float[2 * L];
        int body = length - length % L;
        double tail = 0;
        for (int i = 0; i < count; i++) {
            int off = base + i * stride;
            squaresPlane(a, off, body, hi, lo, acc);
            for (int p = body; p < length; p++) {
                double dev = a[off + p] - mean;
                tail += dev * dev;
            }
        }
        return total(acc, 0) + tail;
    }

    /** Adds dy into acc[0, 2L) and dy * xhat (xhat = (x - mean) * invStd in float) into acc[2L, 4L). */
    private static void gradientPlane(float[] dy, float[] x, int from, int n, float mean, float invStd, float[] acc) {
        FloatVector s = FloatVector.fromArray(S, acc, 0);
        FloatVector sErr = FloatVector.fromArray(S, acc, L);
        FloatVector d = FloatVector.fromArray(S, acc, 2 * L);
        FloatVector dErr = FloatVector.fromArray(S, acc, 3 * L);
        for (int p = from; p < from + n; p += L) {
            FloatVector g = FloatVector.fromArray(S, dy, p);
            FloatVector xhat = FloatVector.fromArray(S, x, p).sub(mean).mul(invStd);
            FloatVector t = s.add(g);
            FloatVector bp = t.sub(s);
            sErr = sErr.add(s.sub(t.sub(bp)).add(g.sub(bp)));
            s = t;
            // TwoProduct: g * xhat = prod + fma(g, xhat, -prod) exactly
            FloatVector prod = g.mul(xhat);
            FloatVector u = d.add(prod);
            FloatVector bq = u.sub(d);
            dErr = dErr.add(d.sub(u.sub(bq)).add(prod.sub(bq)).add(g.fma(xhat, prod.neg())));
            d = u;
        }
        s.intoArray(acc, 0);
        sErr.intoArray(acc, L);
        d.intoArray(acc, 2 * L);
        dErr.intoArray(acc, 3 * L);
    }

    static void channelGradientSums(float[] dy, float[] x, int base, int stride, int count, int length, float mean,
                                    float invStd, double[] result) {
        float[] acc = new float[4 * L];
        int body = length - length % L;
        double sumTail = 0;
        double dotTail = 0;
        for (int i = 0; i < count; i++) {
            int off = base + i * stride;
            gradientPlane(dy, x, off, body, mean, invStd, acc);
            for (int p = body; p < length; p++) {
                float g = dy[off + p];
                sumTail += g;
                dotTail += (double) g * ((x[off + p] - mean) * invStd);
            }
        }
        result[0] = total(acc, 0) + sumTail;
        result[1] = total(acc, 2 * L) + dotTail;
    }
}
