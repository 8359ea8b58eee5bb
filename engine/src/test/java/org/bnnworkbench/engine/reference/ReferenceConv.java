package org.bnnworkbench.engine.reference;

import org.bnnworkbench.engine.kernel.ConvGeometry;

/**
 * Naive float64 convolutions: the direct six-fold loop, no im2col, no GEMM. The output size is
 * derived here from the definition, not taken from {@link ConvGeometry#outSize}.
 */
public final class ReferenceConv {

    private ReferenceConv() {
    }

    /** floor((in + 2p - d(k-1) - 1) / s) + 1, or 0 when the dilated kernel does not fit. */
    public static int outSize(int in, int kernel, int stride, int padding, int dilation) {
        int span = in + 2 * padding - dilation * (kernel - 1) - 1;
        return span < 0 ? 0 : span / stride + 1;
    }

    /**
     * y[n, o, i, j] = bias[o] + sum over the input channels of o's group and the kernel taps of
     * w[o, c, ky, kx] * x[n, c, i s - p + ky d, j s - p + kx d], reading {@code padValue} outside.
     */
    public static Float64Tensor conv2d(Float64Tensor x, double[] w, double[] bias, ConvGeometry g,
                                       double padValue) {
        int k = g.kernel();
        int oh = outSize(x.h(), k, g.stride(), g.padding(), g.dilation());
        int ow = outSize(x.w(), k, g.stride(), g.padding(), g.dilation());
        int inG = g.inChannels() / g.groups();
        int outG = g.outChannels() / g.groups();
        Float64Tensor y = Float64Tensor.zeros(x.n(), g.outChannels(), oh, ow);
        for (int n = 0; n < x.n(); n++) {
            for (int o = 0; o < g.outChannels(); o++) {
                int group = o / outG;
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++) {
                        double sum = bias == null ? 0 : bias[o];
                        for (int c = 0; c < inG; c++) {
                            for (int ky = 0; ky < k; ky++) {
                                for (int kx = 0; kx < k; kx++) {
                                    int yy = i * g.stride() - g.padding() + ky * g.dilation();
                                    int xx = j * g.stride() - g.padding() + kx * g.dilation();
                                    double wv = w[((o * inG + c) * k + ky) * k + kx];
                                    sum += wv * x.atOrPad(n, group * inG + c, yy, xx, padValue);
                                }
                            }
                        }
                        y.data()[y.index(n, o, i, j)] = sum;
                    }
                }
            }
        }
        return y;
    }

    /**
     * The binary convolution's surrogate: weights q(W) = clamp(W, -t, t), times alpha = mean |W|
     * over each output channel's filter when scaling.
     */
    public static Float64Tensor binaryConvSurrogate(Float64Tensor x, double[] latent, double t, boolean scaling,
                                                    ConvGeometry g, double padValue) {
        double[] q = new double[latent.length];
        for (int i = 0; i < q.length; i++) {
            q[i] = Math.max(-t, Math.min(t, latent[i]));
        }
        return conv2d(x, scaled(q, latent, scaling, g), null, g, padValue);
    }

    /** The binary convolution as trained: weights sign(W) (sign(0) = +1), times alpha when scaling. */
    public static Float64Tensor binaryConvSign(Float64Tensor x, double[] latent, boolean scaling, ConvGeometry g,
                                               double padValue) {
        double[] s = new double[latent.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = latent[i] >= 0 ? 1 : -1;
        }
        return conv2d(x, scaled(s, latent, scaling, g), null, g, padValue);
    }

    /** q times alpha_o = mean |latent| over filter o, or q unchanged without scaling. */
    private static double[] scaled(double[] q, double[] latent, boolean scaling, ConvGeometry g) {
        if (!scaling) {
            return q;
        }
        int perFilter = latent.length / g.outChannels();
        double[] e = new double[q.length];
        for (int o = 0; o < g.outChannels(); o++) {
            double alpha = 0;
            for (int i = 0; i < perFilter; i++) {
                alpha += Math.abs(latent[o * perFilter + i]);
            }
            alpha /= perFilter;
            for (int i = 0; i < perFilter; i++) {
                e[o * perFilter + i] = alpha * q[o * perFilter + i];
            }
        }
        return e;
    }
}
