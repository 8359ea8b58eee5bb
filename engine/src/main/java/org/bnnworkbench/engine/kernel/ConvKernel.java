package org.bnnworkbench.engine.kernel;

import org.bnnworkbench.engine.tensor.Tensor;

/**
 * Convolution as GEMM over unfolded patches, forward and backward, for one layer's geometry, with
 * the unfolded matrix never built. Stride-1 convolutions (all of the small networks' 3x3 and 1x1
 * layers) run on {@link StackedConv}: rows of the unfolded matrix are shifted copies of a padded
 * image, and the input gradient is a convolution of dY with the flipped weights. Other geometries
 * (strides, padding wider than the kernel reach) let the GEMM pack its panels straight from the
 * image through an {@link Im2colView}, and fold the column gradient back with {@link Im2col#col2im}.
 *
 * <p>The batch is cut into tasks of whole images (one image, or a few when the feature map is so
 * small that one image would make a narrow GEMM), and each thread runs its own tasks with a
 * single-threaded GEMM on buffers that stay in the core's caches; the weights are packed once per
 * pass.
 *
 * <p>Bits do not depend on the thread count: every output and input-gradient value belongs to one
 * task, and the weight gradient is summed over a fixed number of image ranges ({@value #WEIGHT_PARTS}
 * at most, each in image order) whose partial sums are then added in range order.
 */
public final class ConvKernel {

    /** Columns a task should reach before a second image is added to it. */
    static final int MIN_TASK_COLUMNS = 512;
    /** Weight-gradient partial sums: fixed, so that the bits do not depend on the thread count. */
    static final int WEIGHT_PARTS = 4;

    private final ConvGeometry g;
    private final float padValue;
    /** The stride-1 path without im2col, or null when the geometry needs the general one. */
    private final StackedConv stacked;

    public ConvKernel(ConvGeometry geometry, float padValue) {
        this(geometry, padValue, true);
    }

    /** With {@code stackedPath} false every geometry takes the im2col path (tests compare the two). */
    ConvKernel(ConvGeometry geometry, float padValue, boolean stackedPath) {
        this.g = geometry;
        this.padValue = padValue;
        this.stacked = stackedPath && PaddedStack.fits(geometry) ? new StackedConv(geometry, padValue) : null;
    }

    public ConvGeometry geometry() {
        return g;
    }

    /** Images per task for feature maps of {@code plane} output positions. */
    static int imagesPerTask(int n, int plane) {
        return Math.max(1, Math.min(n, (MIN_TASK_COLUMNS + plane - 1) / plane));
    }

    private Gemm.PackedMatrix[] packWeights(float[] w, boolean transposed) {
        int coutG = g.outPerGroup();
        int patch = g.patchSize();
        Gemm.PackedMatrix[] packed = new Gemm.PackedMatrix[g.groups()];
        for (int gi = 0; gi < g.groups(); gi++) {
            packed[gi] = transposed
                    ? Gemm.pack(true, patch, coutG, w, gi * coutG * patch, patch)
                    : Gemm.pack(false, coutG, patch, w, gi * coutG * patch, patch);
        }
        return packed;
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
        if (stacked != null) {
            stacked.forward(x, w, bias, out);
            return y;
        }
        Gemm.PackedMatrix[] packed = packWeights(w, false);
        int per = imagesPerTask(n, plane);
        int tasks = (n + per - 1) / per;
        Parallel.forEachIndex(tasks, t -> {
            ConvScratch s = ConvScratch.get();
            int first = t * per;
            int count = Math.min(per, n - first);
            int columns = count * plane;
            if (count == 1) {
                // one task (a single image): its columns are split among the threads instead
                for (int gi = 0; gi < g.groups(); gi++) {
                    Gemm.multiplyPackedByColumns(packed[gi], view(x, first, count, gi),
                            out, (first * cout + gi * coutG) * plane, plane);
                }
            } else {
                float[] m = s.output = ConvScratch.ensure(s.output, (long) cout * columns);
                java.util.Arrays.fill(m, 0, cout * columns, 0f);
                for (int gi = 0; gi < g.groups(); gi++) {
                    Gemm.multiplyPacked(packed[gi], view(x, first, count, gi), m, gi * coutG * columns, columns);
                }
                for (int i = 0; i < count; i++) {
                    for (int co = 0; co < cout; co++) {
                        System.arraycopy(m, co * columns + i * plane, out, ((first + i) * cout + co) * plane, plane);
                    }
                }
            }
            if (bias != null) {
                for (int i = first; i < first + count; i++) {
                    for (int co = 0; co < cout; co++) {
                        float b = bias[co];
                        int base = (i * cout + co) * plane;
                        for (int p = base; p < base + plane; p++) {
                            out[p] += b;
                        }
                    }
                }
            }
        });
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
        int rows = g.groups() * patch;
        Tensor dx = inputGradient ? Tensor.zerosLike(x) : null;
        float[] grad = dy.data();
        if (dbias != null) {
            for (int co = 0; co < cout; co++) {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += Reductions.sum(grad, (i * cout + co) * plane, plane);
                }
                dbias[co] += (float) sum;
            }
        }
        if (stacked != null) {
            stacked.backward(x, w, dy, dw, inputGradient ? dx.data() : null);
            return dx;
        }
        Gemm.PackedMatrix[] packedT = inputGradient ? packWeights(w, true) : null;
        int per = imagesPerTask(n, plane);
        int tasks = (n + per - 1) / per;
        int parts = Math.min(WEIGHT_PARTS, tasks);
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
                int columns = count * plane;
                // dY of the task as a cout x columns matrix: in place for one image, else gathered
                float[] a;
                int aOff;
                if (count == 1) {
                    a = grad;
                    aOff = first * cout * plane;
                } else {
                    a = s.output = ConvScratch.ensure(s.output, (long) cout * columns);
                    aOff = 0;
                    for (int i = 0; i < count; i++) {
                        for (int co = 0; co < cout; co++) {
                            System.arraycopy(grad, ((first + i) * cout + co) * plane, a, co * columns + i * plane, plane);
                        }
                    }
                }
                int lda = count == 1 ? plane : columns;
                for (int gi = 0; gi < g.groups(); gi++) {
                    Gemm.multiplyTransposed(coutG, a, aOff + gi * coutG * lda, lda, view(x, first, count, gi),
                            partial[part], gi * coutG * patch, patch);
                }
                if (inputGradient) {
                    float[] dcols = s.gradient = ConvScratch.ensure(s.gradient, (long) rows * columns);
                    java.util.Arrays.fill(dcols, 0, rows * columns, 0f);
                    for (int gi = 0; gi < g.groups(); gi++) {
                        Gemm.multiplyPacked(packedT[gi], columns, a, aOff + gi * coutG * lda, lda,
                                dcols, gi * patch * columns, columns);
                    }
                    Im2col.col2im(dcols, x.c(), x.h(), x.w(), first, count, g, dx.data());
                }
            }
        });
        Parallel.forRange(weights, 1 << 12, (from, to) -> {
            for (int i = from; i < to; i++) {
                float sum = partial[0][i];
                for (int part = 1; part < parts; part++) {
                    sum += partial[part][i];
                }
                dw[i] += sum;
            }
        });
        return dx;
    }

    private Im2colView view(Tensor x, int first, int count, int group) {
        return new Im2colView(x.data(), x.c(), x.h(), x.w(), first, count, g, padValue, group);
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

    /** Frees the calling thread's scratch buffers (they are re-allocated on the next call). */
    public void release() {
        ConvScratch.release();
    }
}
