package org.bnnworkbench.engine.kernel;

/**
 * A matrix whose row r is {@code data[offset[r] .. offset[r] + columns)}: the unfolded matrix of a
 * stride-1 convolution on a {@link PaddedStack}, packed for the GEMM by plain copies.
 */
final class ShiftView {

    private static final int NR = VectorGemm.NR;

    private final float[] data;
    private final int[] offsets;
    private final int base;
    private final int columns;

    ShiftView(float[] data, int base, int[] offsets, int columns) {
        this.data = data;
        this.base = base;
        this.offsets = offsets;
        this.columns = columns;
    }

    int rows() {
        return offsets.length;
    }

    int columns() {
        return columns;
    }

    float[] materialize() {
        float[] dst = new float[offsets.length * columns];
        for (int r = 0; r < offsets.length; r++) {
            System.arraycopy(data, base + offsets[r], dst, r * columns, columns);
        }
        return dst;
    }

    /** Panels of NR columns: rows pc .. pc+kc, columns jc .. jc+nc (the GEMM's B). */
    void packPanels(int pc, int kc, int jc, int nc, float[] dst) {
        for (int jr = 0; jr < nc; jr += NR) {
            int panel = (jr / NR) * NR * kc;
            int cols = Math.min(NR, nc - jr);
            for (int p = 0; p < kc; p++) {
                int d = panel + p * NR;
                System.arraycopy(data, base + offsets[pc + p] + jc + jr, dst, d, cols);
                for (int j = cols; j < NR; j++) {
                    dst[d + j] = 0f;
                }
            }
        }
    }

    /** Panels of NR columns of the transpose: rows pc .. pc+kc are columns here, columns jc .. jc+nc rows. */
    void packTransposedPanels(int pc, int kc, int jc, int nc, float[] dst) {
        for (int jr = 0; jr < nc; jr += NR) {
            int panel = (jr / NR) * NR * kc;
            int cols = Math.min(NR, nc - jr);
            if (cols == NR && VectorSupport.AVAILABLE) {
                VectorElementwise.gatherPanel(data, base + pc, offsets, jc + jr, kc, dst, panel, NR);
                continue;
            }
            for (int j = 0; j < NR; j++) {
                if (j < cols) {
                    int src = base + offsets[jc + jr + j] + pc;
                    for (int p = 0; p < kc; p++) {
                        dst[panel + p * NR + j] = data[src + p];
                    }
                } else {
                    for (int p = 0; p < kc; p++) {
                        dst[panel + p * NR + j] = 0f;
                    }
                }
            }
        }
    }

    /**
     * c[i * ldc + r] += sum_j a[aOff + i * lda + j] * row r of this view at column j, for rows i < m:
     * A * this^T by one dot product per output, for views of a few rows (the 1-channel stem: 9),
     * where GEMM panels would mostly pack and pad.
     */
    void multiplyTransposedByDots(int m, float[] a, int aOff, int lda, float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            for (int r = 0; r < offsets.length; r++) {
                c[cOff + i * ldc + r] += Elementwise.dot(a, aOff + i * lda, data, base + offsets[r], columns);
            }
        }
    }
}
