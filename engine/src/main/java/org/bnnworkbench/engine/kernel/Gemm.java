package org.bnnworkbench.engine.kernel;

/**
 * Single-precision matrix multiply, {@code C = alpha * op(A) * op(B) + beta * C}, all matrices
 * row-major with leading dimensions (BLAS {@code sgemm} semantics).
 *
 * <p>Runs on {@link VectorGemm} (register-blocked FMA micro-kernel on the Vector API) when the JVM
 * has the {@code jdk.incubator.vector} module, else on {@link ScalarGemm}. Both split the output
 * among threads so that each element of C is summed by one thread in a fixed order: results are
 * identical for any thread count. {@link ReferenceGemm} is the plain loop the tests compare against.
 */
public final class Gemm {

    private Gemm() {
    }

    /** True when the fast Vector API kernels are in use. */
    public static boolean vectorized() {
        return VectorSupport.AVAILABLE;
    }

    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                             float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                             float beta, float[] c, int cOff, int ldc) {
        if (VectorSupport.AVAILABLE) {
            VectorGemm.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        } else {
            ScalarGemm.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        }
    }

    /** Dense, unstrided form: op(A) is m x k, op(B) is k x n, C is m x n. */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k,
                             float[] a, float[] b, float beta, float[] c) {
        sgemm(transA, transB, m, n, k, 1f, a, 0, transA ? m : k, b, 0, transB ? k : n, beta, c, 0, n);
    }

    /** The plain-Java path, for tests and for the benchmark's comparison. */
    public static void sgemmScalar(boolean transA, boolean transB, int m, int n, int k, float alpha,
                                   float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                                   float beta, float[] c, int cOff, int ldc) {
        ScalarGemm.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }
}
