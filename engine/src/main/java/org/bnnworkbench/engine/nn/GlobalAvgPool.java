package org.bnnworkbench.engine.nn;

import org.bnnworkbench.engine.tensor.Tensor;

/** Averages each channel over H x W: N x C x H x W becomes N x C. */
public final class GlobalAvgPool implements Layer {

    private int[] inputShape;

    @Override
    public Tensor forward(Tensor x, boolean training) {
        int n = x.n();
        int c = x.c();
        int plane = x.h() * x.w();
        Tensor y = Tensor.zeros(n, c);
        float[] in = x.data();
        float[] out = y.data();
        for (int i = 0; i < n * c; i++) {
            double sum = 0;
            int base = i * plane;
            for (int p = 0; p < plane; p++) {
                sum += in[base + p];
            }
            out[i] = (float) (sum / plane);
        }
        inputShape = x.shape();
        return y;
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        Tensor dx = Tensor.zeros(inputShape);
        float[] d = dx.data();
        float[] g = gradOutput.data();
        int plane = inputShape[2] * inputShape[3];
        float inv = 1f / plane;
        for (int i = 0; i < g.length; i++) {
            java.util.Arrays.fill(d, i * plane, (i + 1) * plane, g[i] * inv);
        }
        return dx;
    }
}
