package org.bnnworkbench.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both SGEMM paths against {@link ReferenceGemm}. The tolerance is the classical bound for a float
 * dot product of length k (Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed., eq. 3.5),
 * |fl(c) - c| <= gamma * (|alpha| |A| |B| + |beta| |C|) with gamma = (k + 4) u, u = 2^-24, the extra
 * roundings being alpha * a, beta * c, the final sum and the reference's own rounding.
 */
class GemmTest {

    private static final float SENTINEL = 12345.5f;

    /** One SGEMM implementation. */
    @FunctionalInterface
    interface Sgemm {
        void run(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
                 float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc);
    }

    /** A problem: sizes, transposes, scalars, offset and extra leading-dimension padding. */
    record Problem(String path, int m, int n, int k, boolean transA, boolean transB, float alpha, float beta,
                   int offset, int ldExtra) {
        Sgemm sgemm() {
            return path.equals("vector") ? Gemm::sgemm : Gemm::sgemmScalar;
        }

        int lda() {
            return (transA ? m : k) + ldExtra;
        }

        int ldb() {
            return (transB ? k : n) + ldExtra;
        }

        int ldc() {
            return n + ldExtra;
        }

        @Override
        public String toString() {
            return String.format("%s %s%s m=%d n=%d k=%d alpha=%s beta=%s off=%d ld+%d", path, transA ? "T" : "N",
                    transB ? "T" : "N", m, n, k, alpha, beta, offset, ldExtra);
        }
    }

    private static final int[][] SIZES = {
        {1, 1, 1}, {3, 17, 31}, {17, 3, 1}, {31, 65, 3}, {65, 31, 257}, {257, 1, 17}, {1, 257, 65},
        {4, 24, 256}, {5, 25, 300},
        // past the blocking: k > KC = 256 (twice), n > NC = 384 (vector) and 512 (scalar), m > MC = 128
        {131, 389, 263}, {129, 13, 520}, {70, 517, 40}, {517, 24, 300}};
    private static final float[][] SCALARS = {{1f, 0f}, {0.75f, 1f}, {-1.5f, 0.5f}, {1f, 1f}, {0f, -2f}};

    static Stream<Problem> problems() {
        List<Problem> list = new ArrayList<>();
        int variant = 0;
        for (String path : new String[] {"vector", "scalar"}) {
            for (int[] s : SIZES) {
                for (int t = 0; t < 4; t++) {
                    float[] ab = SCALARS[variant % SCALARS.length];
                    list.add(new Problem(path, s[0], s[1], s[2], (t & 1) != 0, (t & 2) != 0, ab[0], ab[1],
                            variant % 3 * 5, variant % 4 == 0 ? 0 : variant % 7 + 1));
                    variant++;
                }
            }
        }
        return list.stream();
    }

    private static float[] random(Random rng, int size) {
        float[] d = new float[size];
        for (int i = 0; i < size; i++) {
            d[i] = rng.nextFloat() * 2 - 1;
        }
        return d;
    }

    private static float[] abs(float[] d) {
        float[] r = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            r[i] = Math.abs(d[i]);
        }
        return r;
    }

    /** C with the sentinel everywhere outside the m x n window, random values inside. */
    private static float[] matrixC(Random rng, Problem p) {
        float[] c = new float[p.offset() + p.m() * p.ldc() + 3];
        java.util.Arrays.fill(c, SENTINEL);
        for (int i = 0; i < p.m(); i++) {
            for (int j = 0; j < p.n(); j++) {
                c[p.offset() + i * p.ldc() + j] = rng.nextFloat() * 2 - 1;
            }
        }
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void sgemmMatchesTheReferenceWithinTheDotProductErrorBound(Problem p) {
        Random rng = new Random(p.m() * 31L + p.n() * 7L + p.k());
        int aRows = p.transA() ? p.k() : p.m();
        int bRows = p.transB() ? p.n() : p.k();
        float[] a = random(rng, p.offset() + aRows * p.lda());
        float[] b = random(rng, p.offset() + bRows * p.ldb());
        float[] c0 = matrixC(rng, p);

        float[] c = c0.clone();
        p.sgemm().run(p.transA(), p.transB(), p.m(), p.n(), p.k(), p.alpha(), a, p.offset(), p.lda(), b, p.offset(),
                p.ldb(), p.beta(), c, p.offset(), p.ldc());
        float[] expected = c0.clone();
        ReferenceGemm.sgemm(p.transA(), p.transB(), p.m(), p.n(), p.k(), p.alpha(), a, p.offset(), p.lda(), b,
                p.offset(), p.ldb(), p.beta(), expected, p.offset(), p.ldc());
        float[] magnitude = abs(c0);
        ReferenceGemm.sgemm(p.transA(), p.transB(), p.m(), p.n(), p.k(), Math.abs(p.alpha()), abs(a), p.offset(),
                p.lda(), abs(b), p.offset(), p.ldb(), Math.abs(p.beta()), magnitude, p.offset(), p.ldc());

        double gamma = (p.k() + 4) * Math.scalb(1.0, -24);
        for (int i = 0; i < c.length; i++) {
            int row = (i - p.offset()) / p.ldc();
            int col = (i - p.offset()) % p.ldc();
            boolean inside = i >= p.offset() && row < p.m() && col < p.n();
            if (inside) {
                assertThat((double) c[i]).as("C[%d][%d]", row, col)
                        .isCloseTo(expected[i], within(gamma * magnitude[i] + 1e-30));
            } else {
                assertThat(c[i]).as("C outside the window at %d", i).isEqualTo(SENTINEL);
            }
        }

        float[] again = c0.clone();
        p.sgemm().run(p.transA(), p.transB(), p.m(), p.n(), p.k(), p.alpha(), a, p.offset(), p.lda(), b, p.offset(),
                p.ldb(), p.beta(), again, p.offset(), p.ldc());
        assertThat(again).as("a repeated call is bitwise identical").isEqualTo(c);
    }

    /** BLAS semantics: with beta = 0, C is written, never read, so NaN or garbage in C does not leak. */
    @Test
    void betaZeroOverwritesCWithoutReadingIt() {
        Random rng = new Random(3);
        for (Sgemm sgemm : List.<Sgemm>of(Gemm::sgemm, Gemm::sgemmScalar)) {
            float[] a = random(rng, 6);
            float[] b = random(rng, 6);
            float[] c = {Float.NaN, Float.NaN, Float.POSITIVE_INFINITY, Float.NaN};
            sgemm.run(false, false, 2, 2, 3, 1f, a, 0, 3, b, 0, 2, 0f, c, 0, 2);
            assertThat(c).doesNotContain(Float.NaN, Float.POSITIVE_INFINITY);
        }
    }

    @Test
    void emptyDimensionsLeaveCScaledByBetaOnly() {
        for (Sgemm sgemm : List.<Sgemm>of(Gemm::sgemm, Gemm::sgemmScalar)) {
            float[] c = {1f, 2f, 3f, 4f};
            sgemm.run(false, false, 2, 2, 0, 1f, new float[0], 0, 1, new float[0], 0, 2, 0.5f, c, 0, 2);
            assertThat(c).containsExactly(0.5f, 1f, 1.5f, 2f);
            sgemm.run(false, false, 0, 2, 3, 1f, new float[0], 0, 3, new float[6], 0, 2, 0f, c, 0, 2);
            assertThat(c).containsExactly(0.5f, 1f, 1.5f, 2f);
        }
    }

    @Test
    void vectorPathIsActiveWhenTestsRunWithTheVectorModule() {
        assertThat(Gemm.vectorized()).as("surefire adds jdk.incubator.vector, so Gemm.sgemm is the vector path").isTrue();
    }
}
