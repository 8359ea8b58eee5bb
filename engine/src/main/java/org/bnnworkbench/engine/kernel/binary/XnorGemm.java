package org.bnnworkbench.engine.kernel.binary;

import org.bnnworkbench.engine.kernel.Gemm;
import org.bnnworkbench.engine.kernel.Parallel;

/**
 * The binary matrix product of bit-packed rows: {@code count[o][p] = sum_j popcount(W[o][j] XOR A[p][j])},
 * from which a ±1 dot product is {@code K - 2 * count} ({@link BitPack} encoding). W is row-major
 * {@code [rows][kw]} words; A is read from a <em>panel</em>: {@value #PIXELS} pixels interleaved word by
 * word, {@code panel[(p / 4) * kw * 4 + j * 4 + p % 4]}, so that one vector load brings word j of four
 * pixels ({@link #panelIndex}).
 *
 * <p>On the Vector API ({@link XnorVectorKernel}) the popcounts of two output rows times four pixels are
 * accumulated in bit-sliced counters (Harley and Seal's carry-save adders, Mula, Kurz and Lemire 2018),
 * because JDK 17 has no lane-wise popcount and its scalar {@code Long.bitCount} loops reach only about a
 * third of what the same loop does in C. Without the module the plain loops of {@link #popcountsPlain} run.
 * Counts are integers: any split of the work among threads gives the same result.
 */
public final class XnorGemm {

    /** Pixels interleaved in a panel. */
    public static final int PIXELS = 4;
    /** Panel bytes a task keeps hot while all weight rows stream past it. */
    static final int PANEL_BYTES = 24 * 1024;

    private XnorGemm() {
    }

    /** Index of word j of pixel p in a panel of kw words per pixel. */
    public static int panelIndex(int p, int j, int kw) {
        return (p / PIXELS) * kw * PIXELS + j * PIXELS + p % PIXELS;
    }

    /** Longs a panel of {@code pixels} pixels takes (pixels rounded up to a multiple of {@value #PIXELS}). */
    public static int panelSize(int pixels, int kw) {
        return (pixels + PIXELS - 1) / PIXELS * PIXELS * kw;
    }

    /** Pixels per cache block of a panel with kw words per pixel (a multiple of {@value #PIXELS}). */
    public static int blockPixels(int kw) {
        return Math.max(PIXELS, PANEL_BYTES / (8 * kw) / PIXELS * PIXELS);
    }

    /**
     * counts[cOff + o * ldc + p] = sum over j < kw of popcount(w[wOff + o * kw + j] XOR panel word j of
     * pixel p), for o < rows and p < pixels, on the calling thread. Panel words of pixels past
     * {@code pixels} (up to the next multiple of four) are read but their counts are not written.
     */
    public static void popcounts(long[] w, int wOff, int rows, int kw, long[] panel, int pixels,
                                 int[] counts, int cOff, int ldc) {
        if (Gemm.vectorized()) {
            XnorVectorKernel.popcounts(w, wOff, rows, kw, panel, pixels, counts, cOff, ldc);
        } else {
            popcountsPlain(w, wOff, rows, kw, panel, pixels, counts, cOff, ldc);
        }
    }

    static void popcountsPlain(long[] w, int wOff, int rows, int kw, long[] panel, int pixels,
                               int[] counts, int cOff, int ldc) {
        for (int o = 0; o < rows; o++) {
            int wb = wOff + o * kw;
            for (int p = 0; p < pixels; p++) {
                int ab = (p / PIXELS) * kw * PIXELS + p % PIXELS;
                int s = 0;
                for (int j = 0; j < kw; j++) {
                    s += Long.bitCount(w[wb + j] ^ panel[ab + j * PIXELS]);
                }
                counts[cOff + o * ldc + p] = s;
            }
        }
    }

    /** Copies row-major A [pixels][kw] (rows from {@code first}) into a panel. */
    public static void packPanel(long[] a, int first, int pixels, int kw, long[] panel) {
        int size = panelSize(pixels, kw);
        java.util.Arrays.fill(panel, pixels / PIXELS * PIXELS * kw, size, 0L);
        for (int p = 0; p < pixels; p++) {
            int src = (first + p) * kw;
            int dst = (p / PIXELS) * kw * PIXELS + p % PIXELS;
            for (int j = 0; j < kw; j++) {
                panel[dst + j * PIXELS] = a[src + j];
            }
        }
    }

    /**
     * The binary GEMM on both cores: {@code c[o][p] = kBits - 2 * count[o][p]} as floats, i.e. the ±1 dot
     * products of W rows [m][kw] and A rows [n][kw] (row-major, kBits logical bits each, tails 0).
     * Pixels are cut into cache blocks handed to threads as they become free; each thread packs its own
     * panel.
     */
    public static void multiply(long[] w, int m, int kw, int kBits, long[] a, int n, float[] c) {
        int block = blockPixels(kw);
        int blocks = (n + block - 1) / block;
        ThreadLocal<int[]> countScratch = ThreadLocal.withInitial(() -> new int[m * block]);
        ThreadLocal<long[]> panelScratch = ThreadLocal.withInitial(() -> new long[panelSize(block, kw)]);
        Parallel.forEachIndex(blocks, b -> {
            int first = b * block;
            int pixels = Math.min(block, n - first);
            long[] panel = panelScratch.get();
            int[] counts = countScratch.get();
            packPanel(a, first, pixels, kw, panel);
            popcounts(w, 0, m, kw, panel, pixels, counts, 0, block);
            for (int o = 0; o < m; o++) {
                int src = o * block;
                int dst = o * n + first;
                for (int p = 0; p < pixels; p++) {
                    c[dst + p] = kBits - 2 * counts[src + p];
                }
            }
        });
    }
}
