package org.bnnworkbench.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class Im2colTest {

    /** A geometry, an image size and the chunk [first, first + count) of a batch of n images. */
    record Case(ConvGeometry g, int n, int h, int w, int first, int count) {
        @Override
        public String toString() {
            return String.format("k%d s%d p%d d%d on %dx%d, images %d..%d of %d", g.kernel(), g.stride(), g.padding(),
                    g.dilation(), h, w, first, first + count - 1, n);
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case(new ConvGeometry(3, 1, 3, 1, 1, 1, 1), 2, 5, 6, 0, 2),
                new Case(new ConvGeometry(2, 1, 3, 2, 1, 1, 1), 3, 7, 6, 1, 2),
                new Case(new ConvGeometry(2, 1, 3, 1, 2, 2, 1), 2, 5, 5, 1, 1),
                new Case(new ConvGeometry(4, 1, 1, 2, 0, 1, 1), 2, 5, 4, 0, 2),
                new Case(new ConvGeometry(1, 1, 5, 3, 2, 1, 1), 1, 9, 7, 0, 1),
                new Case(new ConvGeometry(2, 1, 2, 3, 2, 2, 1), 4, 6, 7, 2, 2),
                new Case(new ConvGeometry(3, 1, 3, 1, 0, 1, 1), 1, 3, 3, 0, 1));
    }

    private static int rows(Case c) {
        return c.g().inChannels() * c.g().kernel() * c.g().kernel();
    }

    private static int columns(Case c) {
        return c.count() * c.g().outSize(c.h()) * c.g().outSize(c.w());
    }

    /** Small integers: every sum below is exact in float, so the two inner products agree exactly. */
    private static float[] smallIntegers(Random rng, int size) {
        float[] d = new float[size];
        for (int i = 0; i < size; i++) {
            d[i] = rng.nextInt(7) - 3;
        }
        return d;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void col2imIsTheAdjointOfIm2colWithZeroPadding(Case c) {
        Random rng = new Random(5);
        int channels = c.g().inChannels();
        float[] x = smallIntegers(rng, c.n() * channels * c.h() * c.w());
        float[] cols = smallIntegers(rng, rows(c) * columns(c));
        float[] unfolded = new float[cols.length];
        Im2col.im2col(x, channels, c.h(), c.w(), c.first(), c.count(), c.g(), 0f, unfolded);
        float[] folded = new float[x.length];
        Im2col.col2im(cols, channels, c.h(), c.w(), c.first(), c.count(), c.g(), folded);
        assertThat(dot(folded, x)).isEqualTo(dot(cols, unfolded));
        // images outside the chunk are neither read nor written
        int imageSize = channels * c.h() * c.w();
        for (int i = 0; i < x.length; i++) {
            int image = i / imageSize;
            if (image < c.first() || image >= c.first() + c.count()) {
                assertThat(folded[i]).isZero();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void im2colReadsThePadValueOutsideTheImage(Case c) {
        Random rng = new Random(6);
        ConvGeometry g = c.g();
        int channels = g.inChannels();
        int k = g.kernel();
        float[] x = smallIntegers(rng, c.n() * channels * c.h() * c.w());
        float[] cols = new float[rows(c) * columns(c)];
        Im2col.im2col(x, channels, c.h(), c.w(), c.first(), c.count(), g, -1f, cols);
        int oh = g.outSize(c.h());
        int ow = g.outSize(c.w());
        for (int ch = 0; ch < channels; ch++) {
            for (int ky = 0; ky < k; ky++) {
                for (int kx = 0; kx < k; kx++) {
                    int row = (ch * k + ky) * k + kx;
                    for (int i = 0; i < c.count(); i++) {
                        for (int oy = 0; oy < oh; oy++) {
                            for (int ox = 0; ox < ow; ox++) {
                                int y = oy * g.stride() - g.padding() + ky * g.dilation();
                                int xx = ox * g.stride() - g.padding() + kx * g.dilation();
                                boolean outside = y < 0 || y >= c.h() || xx < 0 || xx >= c.w();
                                float expected = outside ? -1f
                                        : x[(((c.first() + i) * channels + ch) * c.h() + y) * c.w() + xx];
                                assertThat(cols[row * columns(c) + (i * oh + oy) * ow + ox]).isEqualTo(expected);
                            }
                        }
                    }
                }
            }
        }
    }
}
