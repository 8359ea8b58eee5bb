package org.bnnworkbench.engine.kernel;

import org.bnnworkbench.engine.tensor.Tensor;

/**
 * Stride-1 convolution on {@link PaddedStack}s: the unfolded matrix is never built, because each of
 * its rows is the padded input shifted by a constant. Forward and weight gradient read the padded
 * input; the input gradient is the same kind of convolution of the zero-padded output gradient
 * with the flipped, transposed weights (padding d*(k-1) - p), written straight into dx, so no
 * col2im scatter is needed. Task split and the fixed weight-gradient parts as in {@link ConvKernel}.
 */
final class StackedConv {

    /** Below this many unfolded rows the weight gradient is computed transposed. */
    private static final int SMALL_PATCH = 24;

    private final ConvGeometry g;
    private final float padValue;
    /** The geometry of the input-gradient convolution: out channels become in channels. */
    private final ConvGeometry transposed;

    StackedConv(ConvGeometry g, float padValue) {
        this.g = g;
        this.padValue = padValue;
        int reach = g.dilation() * (g.kernel() - 1);
        this.transposed = new ConvGeometry(g.outChannels(), g.inChannels(), g.kernel(), 1, reach - g.padding(),
                g.dilation(), g.groups());
    }

    private static int imagesPerTask(int n, int h, int w, ConvGeometry geometry) {
        int perImage = h * (w + geometry.padding());
        return ConvKernel.imagesPerTask(n, perImage);
    }

    private static Gemm.PackedMatrix[] pack(ConvGeometry geometry, float[] w) {
        int m = geometry.outPerGroup();
        int k = geometry.patchSize();
        Gemm.PackedMatrix[] packed = new Gemm.PackedMatrix[geometry.groups()];
        for (int gi = 0; gi < geometry.groups(); gi++) {
            packed[gi] = Gemm.pack(false, m, k, w, gi * m * k, k);
        }
        return packed;
    }

    /** W'[c][co][ky][kx] = W[co][c][k-1-ky][k-1-kx] within each group: the input-gradient kernel. */
    private float[] flipped(float[] w) {
        int k = g.kernel();
        int kk = k * k;
        int coutG = g.outPerGroup();
        int cinG = g.inPerGroup();
        float[] f = new float[w.length];
        for (int gi = 0; gi < g.groups(); gi++) {
            for (int co = 0; co < coutG; co++) {
                for (int c = 0; c < cinG; c++) {
                    int src = ((gi * coutG + co) * cinG + c) * kk;
                    int dst = ((gi * cinG + c) * coutG + co) * kk;
                    for (int t = 0; t < kk; t++) {
                        f[dst + t] = w[src + kk - 1 - t];
                    }
                }
            }
        }
        return f;
    }

    /**
     * out = conv(x) on geometry {@code geometry} (stride 1), every output value written once; x has
     * geometry.inChannels() channels of h x w, out geometry.outChannels() channels.
     */
    private static void convolve(ConvGeometry geometry, Gemm.PackedMatrix[] packed, float[] x, int n, int h, int w,
                                 float padValue, float[] out, float[] bias) {
        int cin = geometry.inChannels();
        int cout = geometry.outChannels();
        int cinG = geometry.inPerGroup();
        int coutG = geometry.outPerGroup();
        int per = imagesPerTask(n, h, w, geometry);
        int tasks = (n + per - 1) / per;
        Parallel.forEachIndex(tasks, t -> {
            ConvScratch s = ConvScratch.get();
            int first = t * per;
            int count = Math.min(per, n - first);
            PaddedStack stack = new PaddedStack(count, h, w, geometry);
            float[] xs = s.input = ConvScratch.ensure(s.input, (long) cin * stack.channelStride);
            stack.fill(x, cin, first, 0, cin, padValue, xs);
            int columns = stack.columns;
            // every grid value is written by one group's product, so the grid is not zeroed
            float[] grid = s.output = ConvScratch.ensure(s.output, (long) cout * columns);
            int[] offsets = stack.offsets(cinG, geometry);
            for (int gi = 0; gi < geometry.groups(); gi++) {
                // with a single task (one image) the columns are split among the threads instead
                Gemm.multiplyPackedIntoByColumns(packed[gi],
                        new ShiftView(xs, gi * cinG * stack.channelStride, offsets, columns),
                        grid, gi * coutG * columns, columns);
            }
            int oh = stack.outHeight;
            int ow = stack.outWidth;
            for (int i = 0; i < count; i++) {
                for (int co = 0; co < cout; co++) {
                    int dst = ((first + i) * cout + co) * oh * ow;
                    int src = co * columns + stack.position(i, 0, 0);
                    // output rows are pitch apart on the grid
                    for (int oy = 0; oy < oh; oy++) {
                        System.arraycopy(grid, src + oy * stack.pitch, out, dst + oy * ow, ow);
                    }
                    if (bias != null) {
                        float b = bias[co];
                        for (int p = dst; p < dst + oh * ow; p++) {
                            out[p] += b;
                        }
                    }
                }
            }
        });
    }

    void forward(Tensor x, float[] w, float[] bias, float[] out) {
        convolve(g, pack(g, w), x.data(), x.n(), x.h(), x.w(), padValue, out, bias);
    }

    /** Adds dL/dw into dw (summed over fixed image ranges) and, when dx is not null, writes dL/dx. */
    void backward(Tensor x, float[] w, Tensor dy, float[] dw, float[] dx) {
        int n = x.n();
        int h = x.h();
        int wd = x.w();
        int cin = g.inChannels();
        int cout = g.outChannels();
        int cinG = g.inPerGroup();
        int coutG = g.outPerGroup();
        int patch = g.patchSize();
        float[] grad = dy.data();
        int per = imagesPerTask(n, h, wd, g);
        int tasks = (n + per - 1) / per;
        int parts = Math.min(ConvKernel.WEIGHT_PARTS, tasks);
        int weights = g.weightCount();
        float[][] partial = new float[parts][weights];
        // a part's tasks run in order on one thread; which thread takes a part does not matter
        Parallel.forEachIndex(parts, part -> {
            ConvScratch s = ConvScratch.get();
            int tFrom = (int) ((long) tasks * part / parts);
            int tTo = (int) ((long) tasks * (part + 1) / parts);
            for (int t = tFrom; t < tTo; t++) {
                int first = t * per;
                int count = Math.min(per, n - first);
                PaddedStack stack = new PaddedStack(count, h, wd, g);
                float[] xs = s.input = ConvScratch.ensure(s.input, (long) cin * stack.channelStride);
                stack.fill(x.data(), cin, first, 0, cin, padValue, xs);
                int columns = stack.columns;
                int oh = stack.outHeight;
                int ow = stack.outWidth;
                // dY on the output grid, zero at the junk positions so that they add nothing
                float[] dyGrid = s.gradient = ConvScratch.ensure(s.gradient, (long) cout * columns);
                int junk = stack.slot - ow;
                for (int co = 0; co < cout; co++) {
                    for (int i = 0; i < count; i++) {
                        int src = ((first + i) * cout + co) * oh * ow;
                        int dst = co * columns + stack.position(i, 0, 0);
                        for (int oy = 0; oy < oh; oy++) {
                            int d = dst + oy * stack.pitch;
                            System.arraycopy(grad, src + oy * ow, dyGrid, d, ow);
                            java.util.Arrays.fill(dyGrid, d + ow, d + ow + junk, 0f);
                        }
                    }
                }
                int[] offsets = stack.offsets(cinG, g);
                for (int gi = 0; gi < g.groups(); gi++) {
                    ShiftView view = new ShiftView(xs, gi * cinG * stack.channelStride, offsets, columns);
                    if (patch < SMALL_PATCH) {
                        // a few unfolded rows (the 1-channel stem: 9) would leave GEMM panels
                        // mostly padding, and packing dY would cost more than the arithmetic
                        view.multiplyTransposedByDots(coutG, dyGrid, gi * coutG * columns, columns, partial[part],
                                gi * coutG * patch, patch);
                    } else {
                        Gemm.multiplyTransposed(coutG, dyGrid, gi * coutG * columns, columns, view,
                                partial[part], gi * coutG * patch, patch);
                    }
                }
            }
        });
        if (dx != null) {
            convolve(transposed, pack(transposed, flipped(w)), grad, n, dy.h(), dy.w(), 0f, dx, null);
        }
        Parallel.forRange(weights, 1 << 12, (from, to) -> {
            for (int i = from; i < to; i++) {
                float sum = partial[0][i];
                for (int part = 1; part < parts; part++) {
                    sum += partial[part][i];
                }
                dw[i] += sum;
            }
        });
    }
}
