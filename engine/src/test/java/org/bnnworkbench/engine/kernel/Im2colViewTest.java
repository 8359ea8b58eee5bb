package org.bnnworkbench.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The GEMM packs convolution patches straight from the image ({@link Im2colView}); these check that
 * this gives the very bits of building the matrix with {@link Im2col} first, and that the
 * range-based col2im adds exactly what the per-element bounds check did.
 */
class Im2colViewTest {

    /** A geometry, an image size, the chunk [first, first + count) of n images, and the pad value. */
    record Case(ConvGeometry g, int n, int h, int w, int first, int count, float pad) {
        @Override
        public String toString() {
            return String.format("%dx%d k%d s%d p%d d%d g%d on %dx%d, images %d..%d of %d, pad %s",
                    g.inChannels(), g.outChannels(), g.kernel(), g.stride(), g.padding(), g.dilation(), g.groups(),
                    h, w, first, first + count - 1, n, pad);
        }
    }

    static Stream<Case> cases() {
        Random rng = new Random(42);
        List<Case> cases = new ArrayList<>();
        // the shapes of the small networks, then random ones with stride, dilation, groups and both pads
        cases.add(new Case(new ConvGeometry(64, 32, 3, 1, 1, 1, 1), 3, 14, 14, 0, 3, -1f));
        cases.add(new Case(new ConvGeometry(16, 32, 3, 1, 1, 1, 1), 12, 7, 7, 1, 11, -1f));
        cases.add(new Case(new ConvGeometry(1, 24, 3, 1, 1, 1, 1), 2, 28, 28, 1, 1, 0f));
        cases.add(new Case(new ConvGeometry(24, 40, 1, 1, 0, 1, 1), 2, 7, 7, 0, 2, 0f));
        while (cases.size() < 40) {
            int groups = 1 + rng.nextInt(3);
            int k = 1 + rng.nextInt(4);
            int stride = 1 + rng.nextInt(3);
            int dilation = 1 + rng.nextInt(2);
            int padding = rng.nextInt(3);
            int h = 3 + rng.nextInt(14);
            int w = 3 + rng.nextInt(14);
            ConvGeometry g = new ConvGeometry(groups * (1 + rng.nextInt(5)), groups * (1 + rng.nextInt(30)), k,
                    stride, padding, dilation, groups);
            if (g.outSize(h) <= 0 || g.outSize(w) <= 0) {
                continue;
            }
            int n = 1 + rng.nextInt(4);
            int first = rng.nextInt(n);
            int count = 1 + rng.nextInt(n - first);
            cases.add(new Case(g, n, h, w, first, count, rng.nextBoolean() ? 0f : -1f));
        }
        return cases.stream();
    }

    private static float[] gaussian(Random rng, int size) {
        float[] d = new float[size];
        for (int i = 0; i < size; i++) {
            d[i] = (float) rng.nextGaussian();
        }
        return d;
    }

    private static int columns(Case c) {
        return c.count() * c.g().outSize(c.h()) * c.g().outSize(c.w());
    }

    /** The rows of group gi of the explicit im2col matrix. */
    private static float[] explicitGroup(Case c, float[] x, int gi) {
        ConvGeometry g = c.g();
        int columns = columns(c);
        float[] all = new float[g.inChannels() * g.kernel() * g.kernel() * columns];
        Im2col.im2col(x, g.inChannels(), c.h(), c.w(), c.first(), c.count(), g, c.pad(), all);
        float[] part = new float[g.patchSize() * columns];
        System.arraycopy(all, gi * part.length, part, 0, part.length);
        return part;
    }

    private static Im2colView view(Case c, float[] x, int gi) {
        return new Im2colView(x, c.g().inChannels(), c.h(), c.w(), c.first(), c.count(), c.g(), c.pad(), gi);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void viewHoldsTheValuesIm2colWrites(Case c) {
        float[] x = gaussian(new Random(1), c.n() * c.g().inChannels() * c.h() * c.w());
        for (int gi = 0; gi < c.g().groups(); gi++) {
            assertThat(view(c, x, gi).materialize()).containsExactly(explicitGroup(c, x, gi));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void packingFromTheImageGivesTheBitsOfTheBuiltMatrix(Case c) {
        Random rng = new Random(2);
        ConvGeometry g = c.g();
        float[] x = gaussian(rng, c.n() * g.inChannels() * c.h() * c.w());
        float[] w = gaussian(rng, g.weightCount());
        int columns = columns(c);
        for (int gi = 0; gi < g.groups(); gi++) {
            Gemm.PackedMatrix a = Gemm.pack(false, g.outPerGroup(), g.patchSize(), w, gi * g.outPerGroup() * g.patchSize(),
                    g.patchSize());
            float[] implicit = gaussian(new Random(3), g.outPerGroup() * columns);
            float[] explicit = implicit.clone();
            Gemm.multiplyPacked(a, view(c, x, gi), implicit, 0, columns);
            Gemm.sgemm(false, false, g.outPerGroup(), columns, g.patchSize(), 1f, w, gi * g.outPerGroup() * g.patchSize(),
                    g.patchSize(), explicitGroup(c, x, gi), 0, columns, 1f, explicit, 0, columns);
            assertThat(implicit).containsExactly(explicit);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void transposedPackingGivesTheBitsOfTheBuiltMatrix(Case c) {
        Random rng = new Random(4);
        ConvGeometry g = c.g();
        float[] x = gaussian(rng, c.n() * g.inChannels() * c.h() * c.w());
        int columns = columns(c);
        int m = g.outPerGroup();
        float[] dy = gaussian(rng, m * columns);
        for (int gi = 0; gi < g.groups(); gi++) {
            float[] implicit = gaussian(new Random(5), m * g.patchSize());
            float[] explicit = implicit.clone();
            Gemm.multiplyTransposed(m, dy, 0, columns, view(c, x, gi), implicit, 0, g.patchSize());
            Gemm.sgemm(false, true, m, g.patchSize(), columns, 1f, dy, 0, columns, explicitGroup(c, x, gi), 0, columns,
                    1f, explicit, 0, g.patchSize());
            assertThat(implicit).containsExactly(explicit);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void col2imAddsWhatThePerElementLoopAdded(Case c) {
        Random rng = new Random(6);
        ConvGeometry g = c.g();
        float[] cols = gaussian(rng, g.inChannels() * g.kernel() * g.kernel() * columns(c));
        float[] start = gaussian(rng, c.n() * g.inChannels() * c.h() * c.w());
        float[] fast = start.clone();
        float[] plain = start.clone();
        Im2col.col2im(cols, g.inChannels(), c.h(), c.w(), c.first(), c.count(), g, fast);
        col2imPerElement(cols, g.inChannels(), c.h(), c.w(), c.first(), c.count(), g, plain);
        assertThat(fast).containsExactly(plain);
    }

    @Test
    void multiplyPackedAndSerialGemmGiveTheBitsOfSgemm() {
        Random rng = new Random(7);
        for (int[] s : new int[][] {{32, 588, 576}, {5, 30, 300}, {131, 389, 263}, {1, 1, 1}, {7, 25, 513}}) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            float[] a = gaussian(rng, m * k);
            float[] b = gaussian(rng, k * n);
            float[] c0 = gaussian(rng, m * n);
            float[] reference = c0.clone();
            Gemm.sgemm(true, false, m, n, k, 1f, a, 0, m, b, 0, n, 1f, reference, 0, n);
            float[] packed = c0.clone();
            Gemm.multiplyPacked(Gemm.pack(true, m, k, a, 0, m), n, b, 0, n, packed, 0, n);
            assertThat(packed).containsExactly(reference);
            float[] serial = c0.clone();
            Gemm.sgemmSerial(true, false, m, n, k, 1f, a, 0, m, b, 0, n, 1f, serial, 0, n);
            assertThat(serial).containsExactly(reference);
        }
    }

    /** col2im as it was before the valid column range was computed once per row. */
    private static void col2imPerElement(float[] cols, int channels, int height, int width, int first, int count,
                                         ConvGeometry g, float[] dx) {
        int k = g.kernel();
        int oh = g.outSize(height);
        int ow = g.outSize(width);
        int plane = oh * ow;
        int columns = count * plane;
        for (int c = 0; c < channels; c++) {
            for (int ky = 0; ky < k; ky++) {
                for (int kx = 0; kx < k; kx++) {
                    int r = (c * k + ky) * k + kx;
                    int dy = ky * g.dilation() - g.padding();
                    int dxo = kx * g.dilation() - g.padding();
                    for (int i = 0; i < count; i++) {
                        int dst = ((first + i) * channels + c) * height * width;
                        int src = r * columns + i * plane;
                        for (int oy = 0; oy < oh; oy++) {
                            int iy = oy * g.stride() + dy;
                            if (iy < 0 || iy >= height) {
                                continue;
                            }
                            for (int ox = 0; ox < ow; ox++) {
                                int ix = ox * g.stride() + dxo;
                                if (ix >= 0 && ix < width) {
                                    dx[dst + iy * width + ix] += cols[src + oy * ow + ox];
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
