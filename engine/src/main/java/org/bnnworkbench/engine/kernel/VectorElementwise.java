package org.bnnworkbench.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Elementwise} on the Vector API: the same operations in the same order per element (no
 * fused multiply-add), so the bits equal the plain loops'. Only loaded with jdk.incubator.vector.
 */
final class VectorElementwise {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    private static final int L = S.length();

    private VectorElementwise() {
    }

    static long sign(float[] in, float[] out, int from, int to, float t) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        FloatVector minusOne = FloatVector.broadcast(S, -1f);
        long count = 0;
        int i = from;
        for (; i + L <= to; i += L) {
            FloatVector v = FloatVector.fromArray(S, in, i);
            // x >= 0 is false for NaN, as in the scalar select
            minusOne.blend(one, v.compare(VectorOperators.GE, 0f)).intoArray(out, i);
            count += v.abs().compare(VectorOperators.GT, t).trueCount();
        }
        return count + Elementwise.signPlain(in, out, i, to, t);
    }

    static void passWithin(float[] in, float[] g, float[] out, int from, int to, float t) {
        FloatVector zero = FloatVector.zero(S);
        int i = from;
        for (; i + L <= to; i += L) {
            VectorMask<Float> within = FloatVector.fromArray(S, in, i).abs().compare(VectorOperators.LE, t);
            zero.blend(FloatVector.fromArray(S, g, i), within).intoArray(out, i);
        }
        Elementwise.passWithinPlain(in, g, out, i, to, t);
    }

    static void relu(float[] in, float[] out, int from, int to) {
        // Math.max(x, 0f): NaN stays NaN and -0 becomes +0; max on the Vector API follows Math.max
        FloatVector zero = FloatVector.zero(S);
        int i = from;
        for (; i + L <= to; i += L) {
            FloatVector.fromArray(S, in, i).max(zero).intoArray(out, i);
        }
        Elementwise.reluPlain(in, out, i, to);
    }

    static void passPositive(float[] in, float[] g, float[] out, int from, int to) {
        FloatVector zero = FloatVector.zero(S);
        int i = from;
        for (; i + L <= to; i += L) {
            VectorMask<Float> positive = FloatVector.fromArray(S, in, i).compare(VectorOperators.GT, 0f);
            zero.blend(FloatVector.fromArray(S, g, i), positive).intoArray(out, i);
        }
        Elementwise.passPositivePlain(in, g, out, i, to);
    }

    static void normalize(float[] in, float[] out, int from, int to, float mean, float invStd, float gamma,
                          float beta) {
        int i = from;
        for (; i + L <= to; i += L) {
            FloatVector.fromArray(S, in, i).sub(mean).mul(invStd).mul(gamma).add(beta).intoArray(out, i);
        }
        Elementwise.normalizePlain(in, out, i, to, mean, invStd, gamma, beta);
    }

    static void affine(float[] in, float[] out, int from, int to, float scale, float shift) {
        int i = from;
        for (; i + L <= to; i += L) {
            FloatVector.fromArray(S, in, i).mul(scale).add(shift).intoArray(out, i);
        }
        Elementwise.affinePlain(in, out, i, to, scale, shift);
    }

    static void normalizeGradient(float[] dy, float[] x, float[] out, int from, int to, float mean, float invStd,
                                  float k, float meanDy, float meanDyXhat) {
        int i = from;
        for (; i + L <= to; i += L) {
            FloatVector xhat = FloatVector.fromArray(S, x, i).sub(mean).mul(invStd);
            FloatVector d = FloatVector.fromArray(S, dy, i).sub(meanDy);
            d.sub(xhat.mul(meanDyXhat)).mul(k).intoArray(out, i);
        }
        Elementwise.normalizeGradientPlain(dy, x, out, i, to, mean, invStd, k, meanDy, meanDyXhat);
    }

    private static final VectorSpecies<Integer> I = IntVector.SPECIES_256;
    /**
     * Max of 2x2 windows over one plane of {@code outputs} output positions, eight at a time:
     * window j starts at input offset src + corner[j] (corner[] covers the whole plane, so a vector
     * may span output rows). The first maximum wins as in the scalar loop: top-left, top-right,
     * bottom-left, bottom-right, a later one only when strictly greater. Returns how many outputs
     * it wrote (a multiple of eight, the caller does the rest).
     */
    static int maxPool2x2Plane(float[] in, int src, int w, int[] corner, float[] out, int[] arg, int dst,
                               int outputs) {
        int j = 0;
        for (; j + L <= outputs; j += L) {
            IntVector index = IntVector.fromArray(I, corner, j).add(src);
            FloatVector best = FloatVector.fromArray(S, in, src, corner, j);
            FloatVector v = FloatVector.fromArray(S, in, src + 1, corner, j);
            VectorMask<Float> m = v.compare(VectorOperators.GT, best);
            best = best.blend(v, m);
            IntVector where = index;
            where = where.blend(index.add(1), m.cast(I));
            v = FloatVector.fromArray(S, in, src + w, corner, j);
            m = v.compare(VectorOperators.GT, best);
            best = best.blend(v, m);
            where = where.blend(index.add(w), m.cast(I));
            v = FloatVector.fromArray(S, in, src + w + 1, corner, j);
            m = v.compare(VectorOperators.GT, best);
            best = best.blend(v, m);
            where = where.blend(index.add(w + 1), m.cast(I));
            best.intoArray(out, dst + j);
            where.intoArray(arg, dst + j);
        }
        return j;
    }

    /**
     * Sum of a[aOff + j] * b[bOff + j], j < n, in four vector accumulators whose lanes are then added
     * in a fixed order (float accumulation, as the GEMM kernels do).
     */
    static float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        FloatVector s0 = FloatVector.zero(S);
        FloatVector s1 = s0;
        FloatVector s2 = s0;
        FloatVector s3 = s0;
        int j = 0;
        for (; j + 4 * L <= n; j += 4 * L) {
            s0 = FloatVector.fromArray(S, a, aOff + j).fma(FloatVector.fromArray(S, b, bOff + j), s0);
            s1 = FloatVector.fromArray(S, a, aOff + j + L).fma(FloatVector.fromArray(S, b, bOff + j + L), s1);
            s2 = FloatVector.fromArray(S, a, aOff + j + 2 * L).fma(FloatVector.fromArray(S, b, bOff + j + 2 * L), s2);
            s3 = FloatVector.fromArray(S, a, aOff + j + 3 * L).fma(FloatVector.fromArray(S, b, bOff + j + 3 * L), s3);
        }
        for (; j + L <= n; j += L) {
            s0 = FloatVector.fromArray(S, a, aOff + j).fma(FloatVector.fromArray(S, b, bOff + j), s0);
        }
        FloatVector v = s0.add(s1).add(s2.add(s3));
        float sum = 0f;
        for (int i = 0; i < L; i++) {
            sum += v.lane(i);
        }
        for (; j < n; j++) {
            sum += a[aOff + j] * b[bOff + j];
        }
        return sum;
    }

    /**
     * dst[d + p * step + j] = data[from + p + offsets[mapFrom + j]] for p < kc, j < 3 * L: one
     * transposed GEMM panel of 24 shifted rows, gathered eight rows at a time so that the stores
     * are contiguous.
     */
    static void gatherPanel(float[] data, int from, int[] offsets, int mapFrom, int kc, float[] dst, int d, int step) {
        for (int p = 0; p < kc; p++) {
            int o = d + p * step;
            FloatVector.fromArray(S, data, from + p, offsets, mapFrom).intoArray(dst, o);
            FloatVector.fromArray(S, data, from + p, offsets, mapFrom + L).intoArray(dst, o + L);
            FloatVector.fromArray(S, data, from + p, offsets, mapFrom + 2 * L).intoArray(dst, o + 2 * L);
        }
    }
}
