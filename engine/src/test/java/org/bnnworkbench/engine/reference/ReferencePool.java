package org.bnnworkbench.engine.reference;

/** Naive float64 pooling over square windows. */
public final class ReferencePool {

    private ReferencePool() {
    }

    /** Maximum over the window's positions inside the image (padding never wins). */
    public static Float64Tensor maxPool(Float64Tensor x, int kernel, int stride, int padding) {
        return pool(x, kernel, stride, padding, true);
    }

    /** Sum over the window's positions inside the image, divided by kernel^2 (padding counts as 0). */
    public static Float64Tensor avgPool(Float64Tensor x, int kernel, int stride, int padding) {
        return pool(x, kernel, stride, padding, false);
    }

    private static Float64Tensor pool(Float64Tensor x, int kernel, int stride, int padding, boolean max) {
        int oh = ReferenceConv.outSize(x.h(), kernel, stride, padding, 1);
        int ow = ReferenceConv.outSize(x.w(), kernel, stride, padding, 1);
        Float64Tensor y = Float64Tensor.zeros(x.n(), x.c(), oh, ow);
        for (int n = 0; n < x.n(); n++) {
            for (int c = 0; c < x.c(); c++) {
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++) {
                        double acc = max ? Double.NEGATIVE_INFINITY : 0;
                        for (int ky = 0; ky < kernel; ky++) {
                            for (int kx = 0; kx < kernel; kx++) {
                                int yy = i * stride - padding + ky;
                                int xx = j * stride - padding + kx;
                                if (yy < 0 || yy >= x.h() || xx < 0 || xx >= x.w()) {
                                    continue;
                                }
                                double v = x.at(n, c, yy, xx);
                                acc = max ? Math.max(acc, v) : acc + v;
                            }
                        }
                        y.data()[y.index(n, c, i, j)] = max ? acc : acc / (kernel * kernel);
                    }
                }
            }
        }
        return y;
    }

    /** N x C x H x W to N x C: the mean of each channel's plane. */
    public static Float64Tensor globalAvgPool(Float64Tensor x) {
        int plane = x.h() * x.w();
        Float64Tensor y = Float64Tensor.zeros(x.n(), x.c());
        for (int i = 0; i < x.n() * x.c(); i++) {
            double sum = 0;
            for (int p = 0; p < plane; p++) {
                sum += x.data()[i * plane + p];
            }
            y.data()[i] = sum / plane;
        }
        return y;
    }
}
