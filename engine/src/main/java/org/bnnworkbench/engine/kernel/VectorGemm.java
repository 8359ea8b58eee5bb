package org.bnnworkbench.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Goto-style blocked SGEMM on the Vector API: op(B) is packed into panels of {@value #NR} columns,
 * op(A) into panels of {@value #MR} rows (both k-major, zero-padded), and a 4 x 24 micro-kernel keeps
 * twelve 8-float accumulators in AVX2 registers across the whole k loop, one FMA per loaded value.
 * Besides the BLAS-style entry, convolutions use: A packed once for many products
 * ({@link #packAll}, {@link #multiplyPacked}), B packed by any {@link PanelSource} (patches read
 * straight from an image), and a single-threaded entry for callers that split work themselves.
 * Only loaded when the {@code jdk.incubator.vector} module is present.
 */
final class VectorGemm {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    static final int MR = 4;
    static final int NR = 24;
    private static final int KC = 256;
    private static final int MC = 128;
    private static final int NC = 384;
    private static final long PARALLEL_FLOPS = 1L << 19;
    /** What packing one value costs, in flops of the micro-kernel (a load, a store, index arithmetic). */
    private static final double PACK_COST = 64;

    private static final ThreadLocal<float[][]> BUFFERS = ThreadLocal.withInitial(
            () -> new float[][] {new float[MC * KC], new float[NC * KC], new float[MR * NR]});

    private VectorGemm() {
    }

    /**
     * Writes op(B)[pc .. pc+kc, jc .. jc+nc] into panels of {@value #NR} columns, panel q at
     * q * NR * kc holding kc rows of NR values, columns past nc zero. A dense matrix is copied; an
     * {@link Im2colView} unfolds image patches straight into this layout.
     */
    interface PanelSource {
        void pack(int pc, int kc, int jc, int nc, float[] dst);
    }

    private static PanelSource dense(boolean transB, float[] b, int bOff, int ldb) {
        return (pc, kc, jc, nc, dst) -> packB(transB, b, bOff, ldb, pc, kc, jc, nc, dst);
    }

    static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                      float beta, float[] c, int cOff, int ldc) {
        if (m <= 0 || n <= 0) {
            return;
        }
        ScalarGemm.scale(m, n, beta, c, cOff, ldc);
        if (k <= 0 || alpha == 0f) {
            return;
        }
        int threads = 2L * m * n * k < PARALLEL_FLOPS ? 1 : Parallel.threads();
        if (threads == 1) {
            block(transA, 0, m, 0, n, k, alpha, a, aOff, lda, dense(transB, b, bOff, ldb), c, cOff, ldc);
            return;
        }
        PanelSource source = dense(transB, b, bOff, ldb);
        int colPanels = (n + NR - 1) / NR;
        int rowPanels = (m + MR - 1) / MR;
        if (splitByColumns(m, n, k, threads, colPanels, rowPanels)) {
            Parallel.forParts(colPanels, threads, (part, from, to) -> block(transA, 0, m,
                    from * NR, Math.min(n, to * NR), k, alpha, a, aOff, lda, source, c, cOff, ldc));
        } else {
            Parallel.forParts(rowPanels, threads, (part, from, to) -> block(transA,
                    from * MR, Math.min(m, to * MR), 0, n, k, alpha, a, aOff, lda, source, c, cOff, ldc));
        }
    }

    /**
     * Whether to split the output by column panels rather than by row panels. A split by rows makes
     * every thread pack all of op(B) (k x n), a split by columns all of op(A) (m x k); the choice
     * weighs that copy (about {@link #PACK_COST} flops per packed value) against the idle time of an
     * uneven split. With M = 64 and N = 3136 a split by rows packed B twice and left the second
     * thread nearly without gain.
     */
    static boolean splitByColumns(int m, int n, int k, int threads, int colPanels, int rowPanels) {
        double flopsPerThread = 2.0 * m * n * k / threads;
        double byColumns = flopsPerThread / balance(colPanels, threads)
                + PACK_COST * ((double) m * k + (double) k * n / threads);
        double byRows = flopsPerThread / balance(rowPanels, threads)
                + PACK_COST * ((double) k * n + (double) m * k / threads);
        return byColumns <= byRows;
    }

    /** Fraction of thread time used when {@code panels} are split evenly over {@code threads}. */
    private static double balance(int panels, int threads) {
        int perThread = (panels + threads - 1) / threads;
        return (double) panels / ((double) perThread * threads);
    }

    private static void block(boolean transA, int i0, int i1, int j0, int j1, int k,
                              float alpha, float[] a, int aOff, int lda, PanelSource b,
                              float[] c, int cOff, int ldc) {
        float[][] buffers = BUFFERS.get();
        float[] packA = buffers[0];
        float[] packB = buffers[1];
        float[] tile = buffers[2];
        for (int jc = j0; jc < j1; jc += NC) {
            int nc = Math.min(NC, j1 - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                b.pack(pc, kc, jc, nc, packB);
                for (int ic = i0; ic < i1; ic += MC) {
                    int mc = Math.min(MC, i1 - ic);
                    packA(transA, a, aOff, lda, ic, mc, pc, kc, alpha, packA, 0);
                    macroKernel(kc, mc, nc, packA, 0, packB, tile, c, cOff + ic * ldc + jc, ldc, true);
                }
            }
        }
    }

    /** C[mc x nc] += packed A block (mc x kc, panels of MR rows) * packed B block (kc x nc). */
    private static void macroKernel(int kc, int mc, int nc, float[] packA, int aBase, float[] packB,
                                    float[] tile, float[] c, int cBase, int ldc, boolean accumulate) {
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            int bPanel = (jr / NR) * NR * kc;
            for (int ir = 0; ir < mc; ir += MR) {
                int mr = Math.min(MR, mc - ir);
                int aPanel = aBase + (ir / MR) * MR * kc;
                int cIdx = cBase + ir * ldc + jr;
                if (mr == MR && nr == NR) {
                    if (accumulate) {
                        kernel(kc, packA, aPanel, packB, bPanel, c, cIdx, ldc);
                    } else {
                        kernelPut(kc, packA, aPanel, packB, bPanel, c, cIdx, ldc);
                    }
                } else {
                    kernelPut(kc, packA, aPanel, packB, bPanel, tile, 0, NR);
                    for (int i = 0; i < mr; i++) {
                        for (int j = 0; j < nr; j++) {
                            if (accumulate) {
                                c[cIdx + i * ldc + j] += tile[i * NR + j];
                            } else {
                                c[cIdx + i * ldc + j] = tile[i * NR + j];
                            }
                        }
                    }
                }
            }
        }
    }

    /** Rows of a packed A rounded up to whole micro-panels. */
    static int paddedRows(int m) {
        return (m + MR - 1) / MR * MR;
    }

    /**
     * Packs all of op(A) (m x k) once, for {@link #multiplyPacked}: k is cut into blocks of KC, and
     * block pc holds paddedRows(m) x kc values at offset pc * paddedRows(m), in panels of MR rows.
     * Packing the weights of a convolution once per pass instead of once per GEMM block matters
     * when the same weights multiply many small per-image matrices.
     */
    static float[] packAll(boolean transA, int m, int k, float[] a, int aOff, int lda) {
        int mPad = paddedRows(m);
        float[] dst = new float[mPad * k];
        for (int pc = 0; pc < k; pc += KC) {
            int kc = Math.min(KC, k - pc);
            packA(transA, a, aOff, lda, 0, m, pc, kc, 1f, dst, pc * mPad);
        }
        return dst;
    }

    /**
     * C += A * B on the calling thread, A packed by {@link #packAll}, B (k x n) dense row-major.
     * Sums each element of C in the same order as {@link #sgemm} with alpha = beta = 1.
     */
    static void multiplyPacked(float[] packedA, int m, int k, int n, PanelSource b,
                               float[] c, int cOff, int ldc) {
        multiplyPacked(packedA, m, k, n, b, c, cOff, ldc, true);
    }

    /**
     * C = A * B (accumulate false: C is only written, need not be zeroed; a zero sum may come out
     * as -0 where C += would give +0) or C += A * B.
     */
    static void multiplyPacked(float[] packedA, int m, int k, int n, PanelSource b,
                               float[] c, int cOff, int ldc, boolean accumulate) {
        if (m <= 0 || n <= 0 || k <= 0) {
            return;
        }
        float[][] buffers = BUFFERS.get();
        float[] packB = buffers[1];
        float[] tile = buffers[2];
        int mPad = paddedRows(m);
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                b.pack(pc, kc, jc, nc, packB);
                for (int ic = 0; ic < m; ic += MC) {
                    macroKernel(kc, Math.min(MC, m - ic), nc, packedA, pc * mPad + ic * kc, packB, tile, c,
                            cOff + ic * ldc + jc, ldc, accumulate || pc > 0);
                }
            }
        }
    }

    /**
     * {@link #multiplyPacked} with the columns of B split among the threads in whole panels, when called outside
     * a parallel region and the product is large enough (else on the calling thread). For a convolution of a
     * single image, where there are no images to split. Each column is summed exactly as on one thread.
     */
    static void multiplyPackedByColumns(float[] packedA, int m, int k, int n, PanelSource b,
                                        float[] c, int cOff, int ldc, boolean accumulate) {
        int colPanels = (n + NR - 1) / NR;
        int threads = 2L * m * n * k < PARALLEL_FLOPS ? 1 : Math.min(Parallel.threads(), colPanels);
        if (threads <= 1) {
            multiplyPacked(packedA, m, k, n, b, c, cOff, ldc, accumulate);
            return;
        }
        Parallel.forParts(colPanels, threads, (part, from, to) -> {
            int j0 = from * NR;
            int j1 = Math.min(n, to * NR);
            multiplyPacked(packedA, m, k, j1 - j0, (pc, kc, jc, nc, dst) -> b.pack(pc, kc, j0 + jc, nc, dst),
                    c, cOff + j0, ldc, accumulate);
        });
    }

    /** {@link #sgemm} on the calling thread only, for callers that already split work by images. */
    static void multiplyPacked(float[] packedA, int m, int k, int n, float[] b, int bOff, int ldb,
                               float[] c, int cOff, int ldc) {
        multiplyPacked(packedA, m, k, n, dense(false, b, bOff, ldb), c, cOff, ldc);
    }

    static void sgemmSerial(boolean transA, boolean transB, int m, int n, int k, float alpha,
                            float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                            float beta, float[] c, int cOff, int ldc) {
        sgemmSerial(transA, m, n, k, alpha, a, aOff, lda, dense(transB, b, bOff, ldb), beta, c, cOff, ldc);
    }

    /** {@link #sgemm} on the calling thread with op(B) from a panel source. */
    static void sgemmSerial(boolean transA, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
                            PanelSource b, float beta, float[] c, int cOff, int ldc) {
        if (m <= 0 || n <= 0) {
            return;
        }
        ScalarGemm.scale(m, n, beta, c, cOff, ldc);
        if (k <= 0 || alpha == 0f) {
            return;
        }
        block(transA, 0, m, 0, n, k, alpha, a, aOff, lda, b, c, cOff, ldc);
    }

    /** Packs alpha * op(A)[ic.., pc..] into panels of MR rows: panel r holds kc groups of MR values. */
    private static void packA(boolean transA, float[] a, int aOff, int lda, int ic, int mc, int pc, int kc,
                              float alpha, float[] dst, int dstOff) {
        for (int ir = 0; ir < mc; ir += MR) {
            int panel = dstOff + (ir / MR) * MR * kc;
            int rows = Math.min(MR, mc - ir);
            for (int i = 0; i < MR; i++) {
                if (i >= rows) {
                    for (int p = 0; p < kc; p++) {
                        dst[panel + p * MR + i] = 0f;
                    }
                } else if (!transA) {
                    int src = aOff + (ic + ir + i) * lda + pc;
                    for (int p = 0; p < kc; p++) {
                        dst[panel + p * MR + i] = alpha * a[src + p];
                    }
                } else {
                    int src = aOff + pc * lda + ic + ir + i;
                    for (int p = 0; p < kc; p++) {
                        dst[panel + p * MR + i] = alpha * a[src + p * lda];
                    }
                }
            }
        }
    }

    /** Packs op(B)[pc.., jc..] into panels of NR columns: panel q holds kc rows of NR values. */
    private static void packB(boolean transB, float[] b, int bOff, int ldb, int pc, int kc, int jc, int nc,
                              float[] dst) {
        for (int jr = 0; jr < nc; jr += NR) {
            int panel = (jr / NR) * NR * kc;
            int cols = Math.min(NR, nc - jr);
            if (!transB) {
                for (int p = 0; p < kc; p++) {
                    int d = panel + p * NR;
                    System.arraycopy(b, bOff + (pc + p) * ldb + jc + jr, dst, d, cols);
                    for (int j = cols; j < NR; j++) {
                        dst[d + j] = 0f;
                    }
                }
            } else {
                for (int j = 0; j < NR; j++) {
                    if (j >= cols) {
                        for (int p = 0; p < kc; p++) {
                            dst[panel + p * NR + j] = 0f;
                        }
                    } else {
                        int src = bOff + (jc + jr + j) * ldb + pc;
                        for (int p = 0; p < kc; p++) {
                            dst[panel + p * NR + j] = b[src + p];
                        }
                    }
                }
            }
        }
    }

    /** C[4 x 24] += packedA panel (kc x 4) * packedB panel (kc x 24). */
    private static void kernel(int kc, float[] pa, int aPanel, float[] pb, int bPanel,
                               float[] c, int cIdx, int ldc) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = c00;
        FloatVector c02 = c00;
        FloatVector c10 = c00;
        FloatVector c11 = c00;
        FloatVector c12 = c00;
        FloatVector c20 = c00;
        FloatVector c21 = c00;
        FloatVector c22 = c00;
        FloatVector c30 = c00;
        FloatVector c31 = c00;
        FloatVector c32 = c00;
        int ai = aPanel;
        int bi = bPanel;
        for (int p = 0; p < kc; p++, ai += MR, bi += NR) {
            FloatVector b0 = FloatVector.fromArray(S, pb, bi);
            FloatVector b1 = FloatVector.fromArray(S, pb, bi + 8);
            FloatVector b2 = FloatVector.fromArray(S, pb, bi + 16);
            FloatVector a0 = FloatVector.broadcast(S, pa[ai]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            c02 = a0.fma(b2, c02);
            FloatVector a1 = FloatVector.broadcast(S, pa[ai + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            c12 = a1.fma(b2, c12);
            FloatVector a2 = FloatVector.broadcast(S, pa[ai + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            c22 = a2.fma(b2, c22);
            FloatVector a3 = FloatVector.broadcast(S, pa[ai + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            c32 = a3.fma(b2, c32);
        }
        store(c, cIdx, c00, c01, c02);
        store(c, cIdx + ldc, c10, c11, c12);
        store(c, cIdx + 2 * ldc, c20, c21, c22);
        store(c, cIdx + 3 * ldc, c30, c31, c32);
    }

    /**
     * C[4 x 24] = packedA panel (kc x 4) * packedB panel (kc x 24): {@link #kernel} storing instead
     * of adding (a flag in one method made HotSpot box the accumulators: a separate copy is kept).
     */
    private static void kernelPut(int kc, float[] pa, int aPanel, float[] pb, int bPanel,
                               float[] c, int cIdx, int ldc) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = c00;
        FloatVector c02 = c00;
        FloatVector c10 = c00;
        FloatVector c11 = c00;
        FloatVector c12 = c00;
        FloatVector c20 = c00;
        FloatVector c21 = c00;
        FloatVector c22 = c00;
        FloatVector c30 = c00;
        FloatVector c31 = c00;
        FloatVector c32 = c00;
        int ai = aPanel;
        int bi = bPanel;
        for (int p = 0; p < kc; p++, ai += MR, bi += NR) {
            FloatVector b0 = FloatVector.fromArray(S, pb, bi);
            FloatVector b1 = FloatVector.fromArray(S, pb, bi + 8);
            FloatVector b2 = FloatVector.fromArray(S, pb, bi + 16);
            FloatVector a0 = FloatVector.broadcast(S, pa[ai]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            c02 = a0.fma(b2, c02);
            FloatVector a1 = FloatVector.broadcast(S, pa[ai + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            c12 = a1.fma(b2, c12);
            FloatVector a2 = FloatVector.broadcast(S, pa[ai + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            c22 = a2.fma(b2, c22);
            FloatVector a3 = FloatVector.broadcast(S, pa[ai + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            c32 = a3.fma(b2, c32);
        }
        put(c, cIdx, c00, c01, c02);
        put(c, cIdx + ldc, c10, c11, c12);
        put(c, cIdx + 2 * ldc, c20, c21, c22);
        put(c, cIdx + 3 * ldc, c30, c31, c32);
    }

    private static void store(float[] c, int idx, FloatVector v0, FloatVector v1, FloatVector v2) {
        v0.add(FloatVector.fromArray(S, c, idx)).intoArray(c, idx);
        v1.add(FloatVector.fromArray(S, c, idx + 8)).intoArray(c, idx + 8);
        v2.add(FloatVector.fromArray(S, c, idx + 16)).intoArray(c, idx + 16);
    }

    private static void put(float[] c, int idx, FloatVector v0, FloatVector v1, FloatVector v2) {
        v0.intoArray(c, idx);
        v1.intoArray(c, idx + 8);
        v2.intoArray(c, idx + 16);
    }
}
