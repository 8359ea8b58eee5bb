package org.bnnworkbench.engine.kernel;

/**
 * Sums over float ranges in double precision with four independent accumulators: a single
 * accumulator would wait on each add's latency, four keep the adder busy. Fixed order, so results
 * repeat exactly.
 */
public final class Reductions {

    private Reductions() {
    }

    public static double sum(float[] a, int from, int length) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = from;
        int end = from + length;
        for (; i + 4 <= end; i += 4) {
            s0 += a[i];
            s1 += a[i + 1];
            s2 += a[i + 2];
            s3 += a[i + 3];
        }
        for (; i < end; i++) {
            s0 += a[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Sum of (a[i] - mean)^2. */
    public static double squaredDeviations(float[] a, int from, int length, double mean) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = from;
        int end = from + length;
        for (; i + 4 <= end; i += 4) {
            double d0 = a[i] - mean;
            double d1 = a[i + 1] - mean;
            double d2 = a[i + 2] - mean;
            double d3 = a[i + 3] - mean;
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
        }
        for (; i < end; i++) {
            double d = a[i] - mean;
            s0 += d * d;
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Sum of a[aFrom + i] * b[bFrom + i]. */
    public static double dot(float[] a, int aFrom, float[] b, int bFrom, int length) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 4 <= length; i += 4) {
            s0 += (double) a[aFrom + i] * b[bFrom + i];
            s1 += (double) a[aFrom + i + 1] * b[bFrom + i + 1];
            s2 += (double) a[aFrom + i + 2] * b[bFrom + i + 2];
            s3 += (double) a[aFrom + i + 3] * b[bFrom + i + 3];
        }
        for (; i < length; i++) {
            s0 += (double) a[aFrom + i] * b[bFrom + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * Sum of dy[i] * xhat[i] with xhat[i] = (x[i] - mean) * invStd recomputed in float: the same
     * bits as {@link #dot} over a stored xhat, without keeping xhat between the passes.
     */
    public static double dotNormalized(float[] dy, float[] x, int from, int length, float mean, float invStd) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = from;
        int end = from + length;
        for (; i + 4 <= end; i += 4) {
            s0 += (double) dy[i] * ((x[i] - mean) * invStd);
            s1 += (double) dy[i + 1] * ((x[i + 1] - mean) * invStd);
            s2 += (double) dy[i + 2] * ((x[i + 2] - mean) * invStd);
            s3 += (double) dy[i + 3] * ((x[i + 3] - mean) * invStd);
        }
        for (; i < end; i++) {
            s0 += (double) dy[i] * ((x[i] - mean) * invStd);
        }
        return (s0 + s1) + (s2 + s3);
    }
}
