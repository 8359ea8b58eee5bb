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
     * Sum over one channel of an NCHW tensor: {@code count} planes of {@code length} values, plane i
     * at base + i * stride; planes summed one by one and their sums added in order.
     */
    public static double channelSum(float[] a, int base, int stride, int count, int length) {
        if (VectorSupport.AVAILABLE) {
            return VectorReductions.channelSum(a, base, stride, count, length);
        }
        return channelSumPlain(a, base, stride, count, length);
    }

    static double channelSumPlain(float[] a, int base, int stride, int count, int length) {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += sum(a, base + i * stride, length);
        }
        return sum;
    }

    /** Sum of (a - mean)^2 over one channel, laid out as in {@link #channelSum}. */
    public static double channelSquaredDeviations(float[] a, int base, int stride, int count, int length, double mean) {
        if (VectorSupport.AVAILABLE) {
            return VectorReductions.channelSquaredDeviations(a, base, stride, count, length, mean);
        }
        return channelSquaredDeviationsPlain(a, base, stride, count, length, mean);
    }

    static double channelSquaredDeviationsPlain(float[] a, int base, int stride, int count, int length, double mean) {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += squaredDeviations(a, base + i * stride, length, mean);
        }
        return sum;
    }

    /**
     * The two sums of the batch-norm gradient over one channel in one pass: sum(dy) into
     * result[0] and sum(dy * xhat) into result[1], xhat = (x - mean) * invStd recomputed in float.
     */
    public static void channelGradientSums(float[] dy, float[] x, int base, int stride, int count, int length,
                                           float mean, float invStd, double[] result) {
        if (VectorSupport.AVAILABLE) {
            VectorReductions.channelGradientSums(dy, x, base, stride, count, length, mean, invStd, result);
        } else {
            channelGradientSumsPlain(dy, x, base, stride, count, length, mean, invStd, result);
        }
    }

    static void channelGradientSumsPlain(float[] dy, float[] x, int base, int stride, int count, int length,
                                         float mean, float invStd, double[] result) {
        double sumDy = 0;
        double sumDyXhat = 0;
        for (int i = 0; i < count; i++) {
            double[] plane = gradientSums(dy, x, base + i * stride, length, mean, invStd);
            sumDy += plane[0];
            sumDyXhat += plane[1];
        }
        result[0] = sumDy;
        result[1] = sumDyXhat;
    }

    /**
     * {@link #sum} of dy and the sum of dy * xhat, xhat = (x - mean) * invStd recomputed in float,
     * over one range in one pass; each sum with the accumulators and order of {@link #dot} (the same
     * bits as the dot with a stored x-hat, the way the old BatchNorm kept it).
     */
    private static double[] gradientSums(float[] dy, float[] x, int from, int length, float mean, float invStd) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double d0 = 0;
        double d1 = 0;
        double d2 = 0;
        double d3 = 0;
        int i = from;
        int end = from + length;
        for (; i + 4 <= end; i += 4) {
            s0 += dy[i];
            s1 += dy[i + 1];
            s2 += dy[i + 2];
            s3 += dy[i + 3];
            d0 += (double) dy[i] * ((x[i] - mean) * invStd);
            d1 += (double) dy[i + 1] * ((x[i + 1] - mean) * invStd);
            d2 += (double) dy[i + 2] * ((x[i + 2] - mean) * invStd);
            d3 += (double) dy[i + 3] * ((x[i + 3] - mean) * invStd);
        }
        for (; i < end; i++) {
            s0 += dy[i];
            d0 += (double) dy[i] * ((x[i] - mean) * invStd);
        }
        return new double[] {(s0 + s1) + (s2 + s3), (d0 + d1) + (d2 + d3)};
    }
}
