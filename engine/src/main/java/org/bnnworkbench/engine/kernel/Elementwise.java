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
     * Batch normalisation folded to one multiply and one add per value, out = x * scale + shift (two
     * roundings, no fused multiply-add), the evaluation form an exported model reproduces from two numbers
     * per channel.
     */
    public static void affine(float[] in, float[] out, int from, int to, float scale, float shift) {
        if (VectorSupport.AVAILABLE) {
            VectorElementwise.affine(in, out, from, to, scale, shift);
        } else {
            affinePlain(in, out, from, to, scale, shift);
        }
    }

    static void affinePlain(float[] in, float[] out, int from, int to, float scale, float shift) {
        for (int p = from; p < to; p++) {
            out[p] = in[p] * scale + shift;
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
     * Offsets of the top-left input of every 2x2 / stride-2 window of a plane with an oh x ow
     * output and input rows of width w, for {@link #maxPool2x2Plane}.
     */
    public static int[] windowCorners(int oh, int ow, int w) {
        int[] corner = new int[oh * ow];
        for (int oy = 0; oy < oh; oy++) {
            for (int ox = 0; ox < ow; ox++) {
                corner[oy * ow + ox] = 2 * oy * w + 2 * ox;
            }
        }
        return corner;
    }

    /**
     * Max pooling 2x2 / stride 2 of one plane: out[dst + j] = the max of the window whose top-left
     * input is src + corner[j], arg[dst + j] its index (the first one on ties: top-left, top-right,
     * bottom-left, bottom-right, a later one only when strictly greater).
     */
    public static void maxPool2x2Plane(float[] in, int src, int w, int[] corner, float[] out, int[] arg, int dst) {
        int outputs = corner.length;
        int done = VectorSupport.AVAILABLE ? VectorElementwise.maxPool2x2Plane(in, src, w, corner, out, arg, dst, outputs)
                : 0;
        maxPool2x2PlanePlain(in, src, w, corner, out, arg, dst, done, outputs);
    }

    static void maxPool2x2PlanePlain(float[] in, int src, int w, int[] corner, float[] out, int[] arg, int dst,
                                     int from, int to) {
        for (int j = from; j < to; j++) {
            int i0 = src + corner[j];
            int i1 = i0 + w;
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
            out[dst + j] = in[best];
            arg[dst + j] = best;
        }
    }

    /** Sum of a[aOff + j] * b[bOff + j], j < n, accumulated in float in a fixed order. */
    public static float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        if (VectorSupport.AVAILABLE) {
            return VectorElementwise.dot(a, aOff, b, bOff, n);
        }
        float sum = 0f;
        for (int j = 0; j < n; j++) {
            sum += a[aOff + j] * b[bOff + j];
        }
        return sum;
    }
}
