package org.bnnworkbench.engine.kernel.binary;

import org.bnnworkbench.engine.kernel.Gemm;
import org.bnnworkbench.engine.kernel.Parallel;

/**
 * The binary matrix product of bit-packed rows: {@code count[o][p] = sum_j popcount(W[o][j] XOR A[p][j])},
 * from which a ±1 dot product is {@code K - 2 * count} ({@link BitPack} encoding). W is row-major
 * {@code [rows][kw]} words; A is read from a <em>panel</em>: groups of {@value #PIXELS} pixels interleaved
 * word by word, {@code panel[(p / 8) * kw * 8 + j * 8 + p % 8]}, so that one 512-bit load brings word j of a
 * group, and one 256-bit load word j of half a group ({@link #panelIndex}).
 *
 * <p>Three kernels compute the same counts ({@link #kernel()} names the one in use):
 * <ul>
 *   <li>{@link Kernel#LANE_POPCOUNT} ({@link XnorLaneKernel}): a lane-wise popcount on 512-bit vectors, four rows
 *   times sixteen pixels per step. It needs a JVM whose Vector API has {@code BIT_COUNT} (JDK 19 and later) and
 *   512-bit vectors (AVX-512; the instruction is VPOPCNTQ).</li>
 *   <li>{@link Kernel#HARLEY_SEAL} ({@link XnorVectorKernel}): on JDK 17, which has no lane-wise popcount, the
 *   popcounts of two output rows times four pixels are accumulated in bit-sliced counters on 256-bit vectors
 *   (Harley and Seal's carry-save adders, Mula, Kurz and Lemire 2018), because HotSpot's scalar
 *   {@code Long.bitCount} loops reach only about a third of what the same loop does in C.</li>
 *   <li>{@link Kernel#PLAIN} ({@link #popcountsPlain}): without the Vector API module.</li>
 * </ul>
 * The system property {@code bnn.binaryKernel} ({@code lane-popcount}, {@code harley-seal} or {@code plain}) picks
 * one by hand, for tests and benchmarks; a choice the JVM cannot run falls back as above. Counts are integers: any
 * kernel and any split of the work among threads give the same result.
 */
public final class XnorGemm {

    /** Pixels interleaved in a panel group. */
    public static final int PIXELS = 8;

    /** The popcount kernels, see the class comment. */
    public enum Kernel {
        LANE_POPCOUNT("lane-popcount"), HARLEY_SEAL("harley-seal"), PLAIN("plain");

        private final String label;

        Kernel(String label) {
            this.label = label;
        }

        /** The name used by {@code bnn.binaryKernel} and printed by {@code bnn bench}. */
        public String label() {
            return label;
        }
    }

    private static final Kernel KERNEL = choose(System.getProperty("bnn.binaryKernel", ""));
    /** Panel bytes a task keeps hot while all weight rows stream past it. */
    static final int PANEL_BYTES = 24 * 1024;

    private XnorGemm() {
    }

    /** The kernel {@link #popcounts} runs in this JVM. */
    public static Kernel kernel() {
        return KERNEL;
    }

    static Kernel choose(String wanted) {
        if (!Gemm.vectorized() || wanted.equals(Kernel.PLAIN.label())) {
            return Kernel.PLAIN;
        }
        if (!wanted.equals(Kernel.HARLEY_SEAL.label()) && XnorLaneKernel.usable()) {
            return Kernel.LANE_POPCOUNT;
        }
        return Kernel.HARLEY_SEAL;
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
     * {@code pixels} (up to the next multiple of {@value #PIXELS}) are read but their counts are not written.
     */
    public static void popcounts(long[] w, int wOff, int rows, int kw, long[] panel, int pixels,
                                 int[] counts, int cOff, int ldc) {
        popcounts(KERNEL, w, wOff, rows, kw, panel, pixels, counts, cOff, ldc);
    }

    /** {@link #popcounts} on the given kernel, which must be usable in this JVM. */
    static void popcounts(Kernel kernel, long[] w, int wOff, int rows, int kw, long[] panel, int pixels,
                          int[] counts, int cOff, int ldc) {
        switch (kernel) {
            case LANE_POPCOUNT -> XnorLaneKernel.popcounts(w, wOff, rows, kw, panel, pixels, counts, cOff, ldc);
            case HARLEY_SEAL -> XnorVectorKernel.popcounts(w, wOff, rows, kw, panel, pixels, counts, cOff, ldc);
            default -> popcountsPlain(w, wOff, rows, kw, panel, pixels, counts, cOff, ldc);
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
     * Pixels per block when {@code images} images of {@code plane} pixels each are cut into blocks of at most
     * {@link #blockPixels} that the threads take: as many blocks as that needs, rounded up so that every thread
     * gets the same number while there are few (three blocks on two threads left one thread idle a third of the
     * time). A multiple of {@value #PIXELS}.
     */
    public static int balancedBlock(int plane, int images, int kw) {
        int max = Math.min(blockPixels(kw), (plane + PIXELS - 1) / PIXELS * PIXELS);
        int blocks = (plane + max - 1) / max;
        int threads = Parallel.threads();
        int tasks = images * blocks;
        if (threads > 1 && tasks % threads != 0 && tasks < 4 * threads) {
            int wanted = (tasks + threads - 1) / threads * threads;
            blocks = (wanted + images - 1) / images;
        }
        int block = (plane + blocks - 1) / blocks;
        return Math.max(PIXELS, (block + PIXELS - 1) / PIXELS * PIXELS);
    }

    /**
     * A thread's panel and count buffers, kept between calls and grown when a call needs more; the GEMM and the
     * binary convolutions share them (neither calls the other).
     */
    static final class Scratch {
        private static final ThreadLocal<Scratch> OF_THREAD = ThreadLocal.withInitial(Scratch::new);

        long[] panel = new long[0];
        int[] counts = new int[0];

        /** The calling thread's buffers, at least {@code panelLongs} and {@code countInts} long. */
        static Scratch get(int panelLongs, int countInts) {
            Scratch s = OF_THREAD.get();
            if (s.panel.length < panelLongs) {
                s.panel = new long[panelLongs];
            }
            if (s.counts.length < countInts) {
                s.counts = new int[countInts];
            }
            return s;
        }

        /** Frees the calling thread's buffers. */
        static void release() {
            OF_THREAD.remove();
        }
    }

    /**
     * The binary GEMM on both cores: {@code c[o][p] = kBits - 2 * count[o][p]} as floats, i.e. the ±1 dot
     * products of W rows [m][kw] and A rows [n][kw] (row-major, kBits logical bits each, tails 0).
     * Pixels are cut into cache blocks handed to threads as they become free; each thread packs its own
     * panel into buffers it keeps between calls.
     */
    public static void multiply(long[] w, int m, int kw, int kBits, long[] a, int n, float[] c) {
        int block = balancedBlock(n, 1, kw);
        int blocks = (n + block - 1) / block;
        Parallel.forEachIndex(blocks, b -> {
            int first = b * block;
            int pixels = Math.min(block, n - first);
            Scratch scratch = Scratch.get(panelSize(block, kw), m * block);
            long[] panel = scratch.panel;
            int[] counts = scratch.counts;
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
