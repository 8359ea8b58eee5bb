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

    /**
     * op(A) prepared once for many products {@code C += op(A) * B}: the convolution multiplies the
     * same weights with one small matrix per image. On the Vector API path A is packed into the
     * micro-kernel's panel layout; otherwise the matrix is only referenced.
     */
    public static final class PackedMatrix {
        private final boolean transA;
        private final int m;
        private final int k;
        private final float[] a;
        private final int aOff;
        private final int lda;
        private final float[] packed;

        private PackedMatrix(boolean transA, int m, int k, float[] a, int aOff, int lda) {
            this.transA = transA;
            this.m = m;
            this.k = k;
            this.a = a;
            this.aOff = aOff;
            this.lda = lda;
            this.packed = VectorSupport.AVAILABLE ? VectorGemm.packAll(transA, m, k, a, aOff, lda) : null;
        }

        public int rows() {
            return m;
        }

        public int depth() {
            return k;
        }
    }

    /** Packs op(A), m x k, for {@link #multiplyPacked}; the source must not change while it is in use. */
    public static PackedMatrix pack(boolean transA, int m, int k, float[] a, int aOff, int lda) {
        return new PackedMatrix(transA, m, k, a, aOff, lda);
    }

    /**
     * C += A * B on the calling thread (B is k x n, row-major), with the same result bits as
     * {@link #sgemm} with alpha = beta = 1.
     */
    public static void multiplyPacked(PackedMatrix a, int n, float[] b, int bOff, int ldb,
                                      float[] c, int cOff, int ldc) {
        if (a.packed != null) {
            VectorGemm.multiplyPacked(a.packed, a.m, a.k, n, b, bOff, ldb, c, cOff, ldc);
        } else {
            ScalarGemm.sgemm(a.transA, false, a.m, n, a.k, 1f, a.a, a.aOff, a.lda, b, bOff, ldb, 1f, c, cOff, ldc);
        }
    }

    /**
     * {@link #sgemm} without splitting the work among threads, for callers that already run one
     * task per thread (same result bits as {@link #sgemm}).
     */
    public static void sgemmSerial(boolean transA, boolean transB, int m, int n, int k, float alpha,
                                   float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                                   float beta, float[] c, int cOff, int ldc) {
        if (VectorSupport.AVAILABLE) {
            VectorGemm.sgemmSerial(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        } else {
            ScalarGemm.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        }
    }

    /** C += A * B on the calling thread, B an unfolded image that is packed without being built. */
    public static void multiplyPacked(PackedMatrix a, Im2colView b, float[] c, int cOff, int ldc) {
        if (a.packed != null) {
            VectorGemm.multiplyPacked(a.packed, a.m, a.k, b.columns(), b::packPanels, c, cOff, ldc);
        } else {
            multiplyPacked(a, b.columns(), b.materialize(), 0, b.columns(), c, cOff, ldc);
        }
    }

    /**
     * {@link #multiplyPacked(PackedMatrix, Im2colView, float[], int, int)} with B's columns split among the
     * threads when not called from a parallel region: the convolution of a single image. Same bits.
     */
    public static void multiplyPackedByColumns(PackedMatrix a, Im2colView b, float[] c, int cOff, int ldc) {
        if (a.packed != null) {
            VectorGemm.multiplyPackedByColumns(a.packed, a.m, a.k, b.columns(), b::packPanels, c, cOff, ldc, true);
        } else {
            multiplyPacked(a, b, c, cOff, ldc);
        }
    }

    /**
     * C += A * B^T on the calling thread, A m x b.columns() row-major, B an unfolded image: the
     * weight gradient dY * cols^T of a convolution. Same bits as {@link #sgemm} on the built matrix.
     */
    public static void multiplyTransposed(int m, float[] a, int aOff, int lda, Im2colView b,
                                          float[] c, int cOff, int ldc) {
        if (VectorSupport.AVAILABLE) {
            VectorGemm.sgemmSerial(false, m, b.rows(), b.columns(), 1f, a, aOff, lda, b::packTransposedPanels,
                    1f, c, cOff, ldc);
        } else {
            ScalarGemm.sgemm(false, true, m, b.rows(), b.columns(), 1f, a, aOff, lda, b.materialize(), 0,
                    b.columns(), 1f, c, cOff, ldc);
        }
    }

    /**
     * C = A * B on the calling thread, B rows read as shifted copies of one array; C is only
     * written (it need not be zeroed first).
     */
    static void multiplyPackedInto(PackedMatrix a, ShiftView b, float[] c, int cOff, int ldc) {
        if (a.packed != null) {
            VectorGemm.multiplyPacked(a.packed, a.m, a.k, b.columns(), b::packPanels, c, cOff, ldc, false);
        } else {
            ScalarGemm.sgemm(a.transA, false, a.m, b.columns(), a.k, 1f, a.a, a.aOff, a.lda, b.materialize(), 0,
                    b.columns(), 0f, c, cOff, ldc);
        }
    }

    /** {@link #multiplyPackedInto} with B's columns split among the threads outside a parallel region. */
    static void multiplyPackedIntoByColumns(PackedMatrix a, ShiftView b, float[] c, int cOff, int ldc) {
        if (a.packed != null) {
            VectorGemm.multiplyPackedByColumns(a.packed, a.m, a.k, b.columns(), b::packPanels, c, cOff, ldc, false);
        } else {
            multiplyPackedInto(a, b, c, cOff, ldc);
        }
    }

    /** C += A * B^T on the calling thread, A m x b.columns(), B rows read as shifted copies. */
    static void multiplyTransposed(int m, float[] a, int aOff, int lda, ShiftView b, float[] c, int cOff, int ldc) {
        if (VectorSupport.AVAILABLE) {
            VectorGemm.sgemmSerial(false, m, b.rows(), b.columns(), 1f, a, aOff, lda, b::packTransposedPanels,
                    1f, c, cOff, ldc);
        } else {
            ScalarGemm.sgemm(false, true, m, b.rows(), b.columns(), 1f, a, aOff, lda, b.materialize(), 0,
                    b.columns(), 1f, c, cOff, ldc);
        }
    }
}
