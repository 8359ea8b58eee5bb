package org.bnnworkbench.engine.nn;

import org.bnnworkbench.engine.kernel.Parallel;
import org.bnnworkbench.engine.tensor.Tensor;

/**
 * Average pooling over square windows. Padded positions count in the divisor (MXNet's default
 * {@code count_include_pad=True}); the pooling layers of the published networks have no padding.
 */
public final class AvgPool2d implements Layer {

    private final int kernel;
    private final int stride;
    private final int padding;
    private int[] inputShape;

    public AvgPool2d(int kernel, int stride, int padding) {
        PoolWindow.check(kernel, stride, padding);
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        int n = x.n();
        int c = x.c();
        int h = x.h();
        int w = x.w();
        int oh = MaxPool2d.outSize(h, kernel, stride, padding);
        int ow = MaxPool2d.outSize(w, kernel, stride, padding);
        if (oh <= 0 || ow <= 0) {
            throw new IllegalArgumentException("avg-pool " + kernel + "x" + kernel + " does not fit input " + x.shapeString());
        }
        Tensor y = Tensor.zeros(n, c, oh, ow);
        float[] in = x.data();
        float[] out = y.data();
        float inv = 1f / (kernel * kernel);
        if (kernel == 2 && stride == 2 && padding == 0) {
            // the shortcut's 2x2 window: same sums in the same order, without bounds checks
            Parallel.forRange(n * c, 4, (p0, p1) -> {
                for (int plane = p0; plane < p1; plane++) {
                    int src = plane * h * w;
                    int dst = plane * oh * ow;
                    for (int oy = 0; oy < oh; oy++) {
                        int r0 = src + 2 * oy * w;
                        for (int ox = 0; ox < ow; ox++) {
                            int i0 = r0 + 2 * ox;
                            float sum = 0f;
                            sum += in[i0];
                            sum += in[i0 + 1];
                            sum += in[i0 + w];
                            sum += in[i0 + w + 1];
                            out[dst + oy * ow + ox] = sum * inv;
                        }
                    }
                }
            });
            inputShape = x.shape();
            return y;
        }
        Parallel.forRange(n * c, 4, (p0, p1) -> {
            for (int plane = p0; plane < p1; plane++) {
                int src = plane * h * w;
                int dst = plane * oh * ow;
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++) {
                        float sum = 0f;
                        for (int ky = 0; ky < kernel; ky++) {
                            int iy = oy * stride - padding + ky;
                            if (iy < 0 || iy >= h) {
                                continue;
                            }
                            for (int kx = 0; kx < kernel; kx++) {
                                int ix = ox * stride - padding + kx;
                                if (ix >= 0 && ix < w) {
                                    sum += in[src + iy * w + ix];
                                }
                            }
                        }
                        out[dst + oy * ow + ox] = sum * inv;
                    }
                }
            }
        });
        inputShape = x.shape();
        return y;
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        Tensor dx = Tensor.zeros(inputShape);
        float[] d = dx.data();
        float[] g = gradOutput.data();
        int h = inputShape[2];
        int w = inputShape[3];
        int oh = gradOutput.h();
        int ow = gradOutput.w();
        float inv = 1f / (kernel * kernel);
        if (kernel == 2 && stride == 2 && padding == 0) {
            // windows do not overlap: each input gets one share, added to zero as before
            Parallel.forRange(gradOutput.n() * gradOutput.c(), 4, (p0, p1) -> {
                for (int plane = p0; plane < p1; plane++) {
                    int dst = plane * h * w;
                    int src = plane * oh * ow;
                    for (int oy = 0; oy < oh; oy++) {
                        int r0 = dst + 2 * oy * w;
                        for (int ox = 0; ox < ow; ox++) {
                            float v = g[src + oy * ow + ox] * inv;
                            int i0 = r0 + 2 * ox;
                            d[i0] += v;
                            d[i0 + 1] += v;
                            d[i0 + w] += v;
                            d[i0 + w + 1] += v;
                        }
                    }
                }
            });
            return dx;
        }
        Parallel.forRange(gradOutput.n() * gradOutput.c(), 4, (p0, p1) -> {
            for (int plane = p0; plane < p1; plane++) {
                int dst = plane * h * w;
                int src = plane * oh * ow;
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++) {
                        float v = g[src + oy * ow + ox] * inv;
                        for (int ky = 0; ky < kernel; ky++) {
                            int iy = oy * stride - padding + ky;
                            if (iy < 0 || iy >= h) {
                                continue;
                            }
                            for (int kx = 0; kx < kernel; kx++) {
                                int ix = ox * stride - padding + kx;
                                if (ix >= 0 && ix < w) {
                                    d[dst + iy * w + ix] += v;
                                }
                            }
                        }
                    }
                }
            }
        });
        return dx;
    }
}
