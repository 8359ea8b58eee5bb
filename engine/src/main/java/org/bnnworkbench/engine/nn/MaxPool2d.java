package org.bnnworkbench.engine.nn;

import org.bnnworkbench.engine.kernel.Elementwise;
import org.bnnworkbench.engine.kernel.Parallel;
import org.bnnworkbench.engine.tensor.Tensor;

/** Max pooling over square windows; padded positions never win. The gradient goes to the argmax. */
public final class MaxPool2d implements Layer {

    private final int kernel;
    private final int stride;
    private final int padding;
    private int[] argmax;
    private int[] inputShape;

    public MaxPool2d(int kernel, int stride, int padding) {
        PoolWindow.check(kernel, stride, padding);
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
    }

    public static int outSize(int in, int kernel, int stride, int padding) {
        // floor, not truncation: a window that does not fit must give <= 0, not 1
        return Math.floorDiv(in + 2 * padding - kernel, stride) + 1;
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        int n = x.n();
        int c = x.c();
        int h = x.h();
        int w = x.w();
        int oh = outSize(h, kernel, stride, padding);
        int ow = outSize(w, kernel, stride, padding);
        if (oh <= 0 || ow <= 0) {
            throw new IllegalArgumentException("max-pool " + kernel + "x" + kernel + " does not fit input " + x.shapeString());
        }
        Tensor y = Tensor.zeros(n, c, oh, ow);
        float[] in = x.data();
        float[] out = y.data();
        int[] arg = new int[out.length];
        if (kernel == 2 && stride == 2 && padding == 0) {
            pool2x2(in, out, arg, n * c, h, w, oh, ow);
            argmax = arg;
            inputShape = x.shape();
            return y;
        }
        Parallel.forRange(n * c, 4, (p0, p1) -> {
            for (int plane = p0; plane < p1; plane++) {
                int src = plane * h * w;
                int dst = plane * oh * ow;
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++) {
                        float best = Float.NEGATIVE_INFINITY;
                        int bestIdx = -1;
                        for (int ky = 0; ky < kernel; ky++) {
                            int iy = oy * stride - padding + ky;
                            if (iy < 0 || iy >= h) {
                                continue;
                            }
                            for (int kx = 0; kx < kernel; kx++) {
                                int ix = ox * stride - padding + kx;
                                if (ix < 0 || ix >= w) {
                                    continue;
                                }
                                int idx = src + iy * w + ix;
                                if (bestIdx < 0 || in[idx] > best) {
                                    best = in[idx];
                                    bestIdx = idx;
                                }
                            }
                        }
                        out[dst + oy * ow + ox] = best;
                        arg[dst + oy * ow + ox] = bestIdx;
                    }
                }
            }
        });
        argmax = arg;
        inputShape = x.shape();
        return y;
    }

    /** The common 2x2/2 window without padding, on the vector kernel. */
    private static void pool2x2(float[] in, float[] out, int[] arg, int planes, int h, int w, int oh, int ow) {
        int[] corner = Elementwise.windowCorners(oh, ow, w);
        Parallel.forRange(planes, 4, (p0, p1) -> {
            for (int plane = p0; plane < p1; plane++) {
                Elementwise.maxPool2x2Plane(in, plane * h * w, w, corner, out, arg, plane * oh * ow);
            }
        });
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        Tensor dx = Tensor.zeros(inputShape);
        float[] d = dx.data();
        float[] g = gradOutput.data();
        int planeOut = gradOutput.h() * gradOutput.w();
        int planes = gradOutput.n() * gradOutput.c();
        // each output plane maps into its own input plane: split by planes, no shared writes
        Parallel.forRange(planes, 4, (p0, p1) -> {
            for (int i = p0 * planeOut; i < p1 * planeOut; i++) {
                d[argmax[i]] += g[i];
            }
        });
        return dx;
    }

    @Override
    public void release() {
        argmax = null;
    }
}
