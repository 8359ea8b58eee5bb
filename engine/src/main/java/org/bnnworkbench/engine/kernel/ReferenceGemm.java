package org.bnnworkbench.engine.kernel;

/** The plain triple loop that {@link Gemm} must agree with; accumulates in double. */
public final class ReferenceGemm {

    private ReferenceGemm() {
    }

    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                             float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                             float beta, float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    double av = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                    double bv = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                    sum += av * bv;
                }
                int idx = cOff + i * ldc + j;
                c[idx] = (float) (alpha * sum + (beta == 0f ? 0 : beta * c[idx]));
            }
        }
    }
}
