package org.bnnworkbench.engine.kernel;

import org.bnnworkbench.engine.tensor.Tensor;

/**
 * Convolution as im2col + GEMM, forward and backward, for one layer's geometry. Images are
 * processed in chunks whose unfolded matrix fits in {@value #CHUNK_FLOATS} floats, so the GEMMs
 * are wide (good for the kernels) while memory stays bounded; gradients are summed chunk by chunk
 * in a fixed order. Scratch buffers are kept between calls.
 */
public final class ConvKernel {

    static final int CHUNK_FLOATS = 1 << 22;

    private final ConvGeometry g;
    private final float padValue;
    private float[] cols = new float[0];
    private float[] matrix = new float[0];

    public ConvKernel(ConvGeometry geometry, float padValue) {
        this.g = geometry;
        this.padValue = padValue;
    }

    public ConvGeometry geometry() {
        return g;
    }

    private int chunkImages(int n, int plane) {
        long perImage = (long) g.inChannels() * g.kernel() * g.kernel() * plane;
        return (int) Math.max(1, Math.min(n, CHUNK_FLOATS / Math.max(1, perImage)));
    }

    private float[] ensure(float[] buffer, long size) {
        if (buffer.length < size) {
            return new float[(int) size];
        }
        return buffer;
    }

    /** y = conv(x, w) + bias; w is [out, in/groups, k, k], bias may be null. */
    public Tensor forward(Tensor x, float[] w, float[] bias) {
        checkInput(x);
        int n = x.n();
        int oh = g.outSize(x.h());
        int ow = g.outSize(x.w());
        int plane = oh * ow;
        int cout = g.outChannels();
        int coutG = g.outPerGroup();
        int patch = g.patchSize();
        Tensor y = Tensor.zeros(n, cout, oh, ow);
        float[] out = y.data();
        int chunk = chunkImages(n, plane);
        for (int first = 0; first < n; first += chunk) {
            int count = Math.min(chunk, n - first);
            int columns = count * plane;
            cols = ensure(cols, (long) g.inChannels() * g.kernel() * g.kernel() * columns);
            matrix = ensure(matrix, (long) cout * columns);
            Im2col.im2col(x.data(), x.c(), x.h(), x.w(), first, count, g, padValue, cols);
            for (int gi = 0; gi < g.groups(); gi++) {
                Gemm.sgemm(false, false, coutG, columns, patch, 1f, w, gi * coutG * patch, patch,
                        cols, gi * patch * columns, columns, 0f, matrix, gi * coutG * columns, columns);
            }
            final int f = first;
            final float[] m = matrix;
            Parallel.forRange(cout, 4, (c0, c1) -> {
                for (int co = c0; co < c1; co++) {
                    float b = bias == null ? 0f : bias[co];
                    for (int i = 0; i < count; i++) {
                        int src = co * columns + i * plane;
                        int dst = ((f + i) * cout + co) * plane;
                        if (b == 0f) {
                            System.arraycopy(m, src, out, dst, plane);
                        } else {
                            for (int p = 0; p < plane; p++) {
                                out[dst + p] = m[src + p] + b;
                            }
                        }
                    }
                }
            });
        }
        return y;
    }

    /**
     * Adds dL/dw into dw (and dL/dbias into dbias when not null) and returns dL/dx, or null when
     * {@code inputGradient} is false (the first layer needs no gradient for the image).
     */
    public Tensor backward(Tensor x, float[] w, Tensor dy, float[] dw, float[] dbias, boolean inputGradient) {
        int n = x.n();
        int oh = g.outSize(x.h());
        int ow = g.outSize(x.w());
        int plane = oh * ow;
        int cout = g.outChannels();
        int coutG = g.outPerGroup();
        int patch = g.patchSize();
        Tensor dx = inputGradient ? Tensor.zerosLike(x) : null;
        float[] grad = dy.data();
        if (dbias != null) {
            for (int co = 0; co < cout; co++) {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    int base = (i * cout + co) * plane;
                    for (int p = 0; p < plane; p++) {
                        sum += grad[base + p];
                    }
                }
                dbias[co] += (float) sum;
            }
        }
        int chunk = chunkImages(n, plane);
        float[] dcols = new float[0];
        for (int first = 0; first < n; first += chunk) {
            int count = Math.min(chunk, n - first);
            int columns = count * plane;
            long colSize = (long) g.inChannels() * g.kernel() * g.kernel() * columns;
            cols = ensure(cols, colSize);
            matrix = ensure(matrix, (long) cout * columns);
            Im2col.im2col(x.data(), x.c(), x.h(), x.w(), first, count, g, padValue, cols);
            final int f = first;
            final float[] m = matrix;
            Parallel.forRange(cout, 4, (c0, c1) -> {
                for (int co = c0; co < c1; co++) {
                    for (int i = 0; i < count; i++) {
                        System.arraycopy(grad, ((f + i) * cout + co) * plane, m, co * columns + i * plane, plane);
                    }
                }
            });
            for (int gi = 0; gi < g.groups(); gi++) {
                Gemm.sgemm(false, true, coutG, patch, columns, 1f, matrix, gi * coutG * columns, columns,
                        cols, gi * patch * columns, columns, 1f, dw, gi * coutG * patch, patch);
            }
            if (inputGradient) {
                dcols = ensure(dcols, colSize);
                for (int gi = 0; gi < g.groups(); gi++) {
                    Gemm.sgemm(true, false, patch, columns, coutG, 1f, w, gi * coutG * patch, patch,
                            matrix, gi * coutG * columns, columns, 0f, dcols, gi * patch * columns, columns);
                }
                Im2col.col2im(dcols, x.c(), x.h(), x.w(), first, count, g, dx.data());
            }
        }
        return dx;
    }

    private void checkInput(Tensor x) {
        if (x.rank() != 4 || x.c() != g.inChannels()) {
            throw new IllegalArgumentException("convolution expects N x " + g.inChannels()
                    + " x H x W input, got " + x.shapeString());
        }
        if (g.outSize(x.h()) <= 0 || g.outSize(x.w()) <= 0) {
            throw new IllegalArgumentException("input " + x.shapeString() + " is smaller than the "
                    + g.kernel() + "x" + g.kernel() + " kernel (dilation " + g.dilation() + ")");
        }
    }

    /** Frees the scratch buffers (they are re-allocated on the next call). */
    public void release() {
        cols = new float[0];
        matrix = new float[0];
    }
}
