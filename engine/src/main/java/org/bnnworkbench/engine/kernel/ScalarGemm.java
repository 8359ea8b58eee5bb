package org.bnnworkbench.engine.kernel;

/**
 * The blocked, multi-threaded matrix multiply in plain Java, used when the JVM was started without
 * the Vector API module ({@code --add-modules jdk.incubator.vector}). About 15x slower than
 * {@link VectorGemm} on AVX2 machines because HotSpot does not vectorise its inner loop.
 */
final class ScalarGemm {

    static final int KC = 256;
    static final int NC = 512;
    static final int MC = 64;
    private static final long PARALLEL_FLOPS = 1L << 18;

    private ScalarGemm() {
    }

    static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                             float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                             float beta, float[] c, int cOff, int ldc) {
        if (m <= 0 || n <= 0) {
            return;
        }
        scale(m, n, beta, c, cOff, ldc);
        if (k <= 0 || alpha == 0f) {
            return;
        }
        long flops = 2L * m * n * k;
        int threads = flops < PARALLEL_FLOPS ? 1 : Parallel.threads();
        if (threads == 1) {
            block(transA, transB, 0, m, 0, n, k, alpha, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        } else if (n >= 64 * threads || n >= m) {
            // split columns in multiples of 16 so vector loops stay aligned to whole registers
            int chunks = (n + 15) / 16;
            Parallel.forParts(chunks, threads, (part, from, to) -> block(transA, transB, 0, m,
                    from * 16, Math.min(n, to * 16), k, alpha, a, aOff, lda, b, bOff, ldb, c, cOff, ldc));
        } else {
            Parallel.forParts(m, threads, (part, from, to) -> block(transA, transB, from, to, 0, n, k,
                    alpha, a, aOff, lda, b, bOff, ldb, c, cOff, ldc));
        }
    }

    static void scale(int m, int n, float beta, float[] c, int cOff, int ldc) {
        if (beta == 1f) {
            return;
        }
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            if (beta == 0f) {
                java.util.Arrays.fill(c, row, row + n, 0f);
            } else {
                for (int j = 0; j < n; j++) {
                    c[row + j] *= beta;
                }
            }
        }
    }

    /** Computes the block rows [i0, i1) and columns [j0, j1) of C. */
    private static void block(boolean transA, boolean transB, int i0, int i1, int j0, int j1, int k,
                              float alpha, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                              float[] c, int cOff, int ldc) {
        float[] packA = new float[MC * KC];
        float[] packB = new float[KC * Math.min(NC, j1 - j0)];
        for (int jc = j0; jc < j1; jc += NC) {
            int nc = Math.min(NC, j1 - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                packB(transB, b, bOff, ldb, pc, kc, jc, nc, packB);
                for (int ic = i0; ic < i1; ic += MC) {
                    int mc = Math.min(MC, i1 - ic);
                    packA(transA, a, aOff, lda, ic, mc, pc, kc, alpha, packA);
                    kernel(packA, mc, kc, packB, nc, c, cOff + ic * ldc + jc, ldc);
                }
            }
        }
    }

    /** Packs alpha * op(A)[ic..ic+mc, pc..pc+kc] as mc rows of kc values. */
    private static void packA(boolean transA, float[] a, int aOff, int lda, int ic, int mc, int pc, int kc,
                              float alpha, float[] dst) {
        for (int i = 0; i < mc; i++) {
            int d = i * kc;
            if (!transA) {
                int src = aOff + (ic + i) * lda + pc;
                for (int p = 0; p < kc; p++) {
                    dst[d + p] = alpha * a[src + p];
                }
            } else {
                int src = aOff + pc * lda + ic + i;
                for (int p = 0; p < kc; p++) {
                    dst[d + p] = alpha * a[src + p * lda];
                }
            }
        }
    }

    /** Packs op(B)[pc..pc+kc, jc..jc+nc] as kc rows of nc values. */
    private static void packB(boolean transB, float[] b, int bOff, int ldb, int pc, int kc, int jc, int nc,
                              float[] dst) {
        if (!transB) {
            for (int p = 0; p < kc; p++) {
                System.arraycopy(b, bOff + (pc + p) * ldb + jc, dst, p * nc, nc);
            }
        } else {
            for (int j = 0; j < nc; j++) {
                int src = bOff + (jc + j) * ldb + pc;
                for (int p = 0; p < kc; p++) {
                    dst[p * nc + j] = b[src + p];
                }
            }
        }
    }

    /** C[mc x nc] += packA[mc x kc] * packB[kc x nc], four rows of C at a time. */
    private static void kernel(float[] pa, int mc, int kc, float[] pb, int nc, float[] c, int cOff, int ldc) {
        int i = 0;
        for (; i + 4 <= mc; i += 4) {
            int c0 = cOff + i * ldc;
            int c1 = c0 + ldc;
            int c2 = c1 + ldc;
            int c3 = c2 + ldc;
            int a0 = i * kc;
            int a1 = a0 + kc;
            int a2 = a1 + kc;
            int a3 = a2 + kc;
            for (int p = 0; p < kc; p++) {
                float v0 = pa[a0 + p];
                float v1 = pa[a1 + p];
                float v2 = pa[a2 + p];
                float v3 = pa[a3 + p];
                int bRow = p * nc;
                for (int j = 0; j < nc; j++) {
                    float bv = pb[bRow + j];
                    c[c0 + j] += v0 * bv;
                    c[c1 + j] += v1 * bv;
                    c[c2 + j] += v2 * bv;
                    c[c3 + j] += v3 * bv;
                }
            }
        }
        for (; i < mc; i++) {
            int c0 = cOff + i * ldc;
            int a0 = i * kc;
            for (int p = 0; p < kc; p++) {
                float v0 = pa[a0 + p];
                int bRow = p * nc;
                for (int j = 0; j < nc; j++) {
                    c[c0 + j] += v0 * pb[bRow + j];
                }
            }
        }
    }
}
