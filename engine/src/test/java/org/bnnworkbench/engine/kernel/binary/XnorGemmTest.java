package org.bnnworkbench.engine.kernel.binary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bnnworkbench.engine.kernel.Gemm;
import org.junit.jupiter.api.Test;

class XnorGemmTest {

    /** The plain definition: sum over j of popcount(w[o][j] ^ a[p][j]), row-major both. */
    static int[] reference(long[] w, long[] a, int m, int n, int kw) {
        int[] c = new int[m * n];
        for (int o = 0; o < m; o++) {
            for (int p = 0; p < n; p++) {
                int s = 0;
                for (int j = 0; j < kw; j++) {
                    s += Long.bitCount(w[o * kw + j] ^ a[p * kw + j]);
                }
                c[o * n + p] = s;
            }
        }
        return c;
    }

    private static long[] random(Random rng, int size) {
        long[] v = new long[size];
        for (int i = 0; i < size; i++) {
            v[i] = rng.nextLong();
        }
        return v;
    }

    /** Every kernel this JVM can run: the lane-wise popcount only on JDK 19+ with 512-bit vectors. */
    static List<XnorGemm.Kernel> usableKernels() {
        List<XnorGemm.Kernel> kernels = new ArrayList<>(List.of(XnorGemm.Kernel.PLAIN));
        if (Gemm.vectorized()) {
            kernels.add(XnorGemm.Kernel.HARLEY_SEAL);
            if (XnorLaneKernel.usable()) {
                kernels.add(XnorGemm.Kernel.LANE_POPCOUNT);
            }
        }
        return kernels;
    }

    @Test
    void popcountsMatchTheDefinitionForOddRowsPixelsAndDepths() {
        // depths around the Harley-Seal block (8 words), the plane limits (15, 31, 63) and the chunk splits;
        // rows around the lane kernel's four, pixels around its groups of eight and sixteen
        int[] depths = {1, 2, 3, 7, 8, 9, 15, 16, 17, 18, 29, 31, 32, 36, 61, 63, 64, 75, 127, 130};
        int[][] shapes = {{1, 1}, {2, 4}, {3, 5}, {4, 8}, {5, 9}, {7, 13}, {8, 16}, {9, 17}, {4, 24}, {16, 33}};
        for (XnorGemm.Kernel kernel : usableKernels()) {
            Random rng = new Random(11);
            for (int kw : depths) {
                for (int[] mn : shapes) {
                    int m = mn[0];
                    int n = mn[1];
                    long[] w = random(rng, m * kw);
                    long[] a = random(rng, n * kw);
                    long[] panel = new long[XnorGemm.panelSize(n, kw)];
                    XnorGemm.packPanel(a, 0, n, kw, panel);
                    int[] expected = reference(w, a, m, n, kw);
                    // counts land in a wider matrix (ldc > n) whose other cells must stay untouched
                    int ldc = n + 3;
                    int[] counts = new int[m * ldc];
                    java.util.Arrays.fill(counts, -7);
                    XnorGemm.popcounts(kernel, w, 0, m, kw, panel, n, counts, 0, ldc);
                    for (int o = 0; o < m; o++) {
                        int[] row = java.util.Arrays.copyOfRange(counts, o * ldc, o * ldc + n);
                        int[] want = java.util.Arrays.copyOfRange(expected, o * n, o * n + n);
                        assertThat(row).as("%s m %d n %d kw %d row %d", kernel, m, n, kw, o).containsExactly(want);
                        assertThat(java.util.Arrays.copyOfRange(counts, o * ldc + n, o * ldc + ldc))
                                .as("%s cells past the row", kernel).containsOnly(-7);
                    }
                }
            }
        }
    }

    @Test
    void theKernelInUseIsTheFastestThisJvmCanRun() throws java.io.IOException {
        List<XnorGemm.Kernel> usable = usableKernels();
        // the engine pom's second test run, on a newer JDK, sets this: there the lane kernel must be the one tested
        // (on a CPU with AVX-512 VPOPCNTDQ; elsewhere the JVM emulates the instruction and is not asked to use it)
        java.nio.file.Path cpuinfo = java.nio.file.Path.of("/proc/cpuinfo");
        if (Boolean.getBoolean("bnn.expectLanePopcount") && java.nio.file.Files.isReadable(cpuinfo)
                && java.nio.file.Files.readString(cpuinfo).contains("avx512_vpopcntdq")) {
            assertThat(XnorGemm.kernel()).isEqualTo(XnorGemm.Kernel.LANE_POPCOUNT);
        }
        assertThat(XnorGemm.kernel()).isEqualTo(usable.get(usable.size() - 1));
        assertThat(XnorGemm.choose("plain")).isEqualTo(XnorGemm.Kernel.PLAIN);
        if (Gemm.vectorized()) {
            assertThat(XnorGemm.choose("harley-seal")).isEqualTo(XnorGemm.Kernel.HARLEY_SEAL);
        }
    }

    @Test
    void allOnesAgainstAllZerosCountsEveryBit() {
        int kw = 40;
        long[] w = new long[2 * kw];
        java.util.Arrays.fill(w, -1L);
        long[] a = new long[4 * kw];
        long[] panel = new long[XnorGemm.panelSize(4, kw)];
        XnorGemm.packPanel(a, 0, 4, kw, panel);
        int[] c = new int[8];
        for (XnorGemm.Kernel kernel : usableKernels()) {
            java.util.Arrays.fill(c, 0);
            XnorGemm.popcounts(kernel, w, 0, 2, kw, panel, 4, c, 0, 4);
            assertThat(c).as("%s", kernel).containsOnly(64 * kw);
        }
    }

    @Test
    void multiplyGivesPlusMinusOneDotProducts() {
        Random rng = new Random(2);
        int m = 6;
        int n = 37;
        int kBits = 100;
        int kw = BitPack.words(kBits);
        long tail = (1L << (kBits - 64)) - 1;
        long[] w = random(rng, m * kw);
        long[] a = random(rng, n * kw);
        for (int r = 0; r < m; r++) {
            w[r * kw + 1] &= tail;
        }
        for (int p = 0; p < n; p++) {
            a[p * kw + 1] &= tail;
        }
        float[] c = new float[m * n];
        XnorGemm.multiply(w, m, kw, kBits, a, n, c);
        for (int o = 0; o < m; o++) {
            for (int p = 0; p < n; p++) {
                int dot = 0;
                for (int b = 0; b < kBits; b++) {
                    int wv = ((w[o * kw + b / 64] >>> (b % 64)) & 1) == 0 ? 1 : -1;
                    int av = ((a[p * kw + b / 64] >>> (b % 64)) & 1) == 0 ? 1 : -1;
                    dot += wv * av;
                }
                assertThat(c[o * n + p]).isEqualTo((float) dot);
            }
        }
    }

    @Test
    void blocksAreSharedEvenlyAmongTheThreadsWhileTheyAreFew() {
        int threads = org.bnnworkbench.engine.kernel.Parallel.threads();
        // the bench's shapes (kw 9, 18, 36 at 3136, 784, 196 pixels) and batches of 1, 3 and 16
        for (int[] shape : new int[][] {{3136, 9}, {784, 18}, {196, 36}, {37, 2}, {5, 1}}) {
            for (int images : new int[] {1, 3, 16}) {
                int plane = shape[0];
                int kw = shape[1];
                int block = XnorGemm.balancedBlock(plane, images, kw);
                int tasks = images * ((plane + block - 1) / block);
                assertThat(block % XnorGemm.PIXELS).isZero();
                assertThat(block).isLessThanOrEqualTo(Math.max(XnorGemm.blockPixels(kw), XnorGemm.PIXELS));
                if (plane >= threads * XnorGemm.PIXELS) {
                    assertThat(tasks % threads == 0 || tasks >= 4 * threads)
                            .as("plane %d images %d block %d: %d tasks on %d threads", plane, images, block, tasks,
                                    threads)
                            .isTrue();
                }
            }
        }
    }
}
