package org.bnnworkbench.engine.kernel;

/**
 * The elementwise loops of the activation and normalisation layers, over index ranges [from, to).
 * Their selects (x >= 0 ? 1 : -1, x > 0 ? g : 0) on data with random signs defeat the branch
 * predictor in plain Java, and HotSpot 17 does not turn float selects into blends; the Vector API
 * versions ({@link VectorElementwise}) compute lane by lane with compare masks and give the same
 * bits. The plain loops here are the reference and the path without the Vector API.
 */
public final class Elementwise {

    private Elementwise() {
    }

    /** out = sign(x) with sign(0) = +1; returns how many |x| > t. */
    public static long sign(float[] in, float[] out, int from, int to, float t) {
        if (VectorSupport.AVAILABLE) {
            return VectorElementwise.sign(in, out, from, to, t);
        }
        return signPlain(in, out, from, to, t);
    }

    static long signPlain(float[] in, float[] out, int from, int to, float t) {
        long count = 0;
        for (int i = from; i < to; i++) {
            float v = in[i];
            out[i] = v >= 0f ? 1f : -1f;
            count += Math.abs(v) > t ? 1 : 0;
        }
        return count;
    }

    /** out = |x| <= t ? g : 0, the straight-through gradient of sign clipped at t. */
    public static void passWithin(float[] in, float[] g, float[] out, int from, int to, float t) {
        if (VectorSupport.AVAILABLE) {
            VectorElementwise.passWithin(in, g, out, from, to, t);
        } else {
            passWithinPlain(in, g, out, from, to, t);
        }
    }

    static void passWithinPlain(float[] in, float[] g, float[] out, int from, int to, float t) {
        for (int i = from; i < to; i++) {
            out[i] = Math.abs(in[i]) <= t ? g[i] : 0f;
        }
    }

    /** out = max(x, 0). */
    public static void relu(float[] in, float[] out, int from, int to) {
        if (VectorSupport.AVAILABLE) {
            VectorElementwise.relu(in, out, from, to);
        } else {
            reluPlain(in, out, from, to);
        }
    }

    static void reluPlain(float[] in, float[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = Math.max(in[i], 0f);
        }
    }

    /** out = x > 0 ? g : 0, the gradient of ReLU. */
    public static void passPositive(float[] in, float[] g, float[] out, int from, int to) {
        if (VectorSupport.AVAILABLE) {
            VectorElementwise.passPositive(in, g, out, from, to);
        } else {
            passPositivePlain(in, g, out, from, to);
        }
    }

    static void passPositivePlain(float[] in, float[] g, float[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = in[i] > 0f ? g[i] : 0f;
        }
    }

    /** Batch normalisation of one plane: out = (x - mean) * invStd * gamma + beta. */
    public static void normalize(float[] in, float[] out, int from, int to, float mean, float invStd, float gamma,
                                 float beta) {
        if (VectorSupport.AVAILABLE) {
            VectorElementwise.normalize(in, out, from, to, mean, invStd, gamma, beta);
        } else {
            normalizePlain(in, out, from, to, mean, invStd, gamma, beta);
        }
    }

    static void normalizePlain(float[] in, float[] out, int from, int to, float mean, float invStd, float gamma,
                               float beta) {
        for (int p = from; p < to; p++) {
            out[p] = (in[p] - mean) * invStd * gamma + beta;
        }
    }

    /**
     * The batch-norm input gradient of one plane, out = k * (dy - meanDy - xhat * meanDyXhat), with
     * xhat = (x - mean) * invStd recomputed exactly as {@link #normalize} computed it.
     */
    public static void normalizeGradient(float[] dy, float[] x, float[] out, int from, int to, float mean,
                                         float invStd, float k, float meanDy, float meanDyXhat) {
        if (VectorSupport.AVAILABLE) {
            VectorElementwise.normalizeGradient(dy, x, out, from, to, mean, invStd, k, meanDy, meanDyXhat);
        } else {
            normalizeGradientPlain(dy, x, out, from, to, mean, invStd, k, meanDy, meanDyXhat);
        }
    }

    static void normalizeGradientPlain(float[] dy, float[] x, float[] out, int from, int to, float mean,
                                       float invStd, float k, float meanDy, float meanDyXhat) {
        for (int p = from; p < to; p++) {
            float xhat = (x[p] - mean) * invStd;
            out[p] = k * (dy[p] - meanDy - xhat * meanDyXhat);
        }
    }

    /**
     * Max pooling 2x2 / stride 2 of one output row: out[o + ox] = the max of the window at input
     * rows r0, r0 + w, columns 2ox, 2ox + 1, and arg[o + ox] its index (the first one on ties, a
     * later one only when strictly greater).
     */
    public static void maxPool2x2Row(float[] in, int r0, int w, float[] out, int[] arg, int o, int ow) {
        int done = VectorSupport.AVAILABLE ? VectorElementwise.maxPool2x2Row(in, r0, w, out, arg, o, ow) : 0;
        maxPool2x2RowPlain(in, r0, w, out, arg, o, done, ow);
    }

    static void maxPool2x2RowPlain(float[] in, int r0, int w, float[] out, int[] arg, int o, int from, int ow) {
        int r1 = r0 + w;
        for (int ox = from; ox < ow; ox++) {
            int i0 = r0 + 2 * ox;
            int i1 = r1 + 2 * ox;
            int best = i0;
            if (in[i0 + 1] > in[best]) {
                best = i0 + 1;
            }
            if (in[i1] > in[best]) {
                best = i1;
            }
            if (in[i1 + 1] > in[best]) {
                best = i1 + 1;
            }
            out[o + ox] = in[best];
            arg[o + ox] = best;
        }
    }
}
