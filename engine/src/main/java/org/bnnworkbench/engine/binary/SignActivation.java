package org.bnnworkbench.engine.binary;

import org.bnnworkbench.engine.nn.Layer;
import org.bnnworkbench.engine.tensor.Tensor;

/**
 * Binarises activations: sign(x) in {-1, +1} (sign(0) = +1), gradient by the chosen
 * {@link SignEstimator}. In training it counts how many inputs lie beyond the clip threshold
 * (saturation: their gradient is cancelled), a BNN health signal reported per epoch.
 */
public final class SignActivation implements Layer {

    private final SignEstimator estimator;
    private boolean surrogate;
    private Tensor input;
    private long saturated;
    private long seen;

    public SignActivation(SignEstimator estimator) {
        this.estimator = estimator;
    }

    public SignEstimator estimator() {
        return estimator;
    }

    /**
     * Replaces sign by the estimator's surrogate function in the forward pass, making the layer
     * differentiable so its backward pass can be checked by finite differences. Tests only.
     */
    public void useSurrogate(boolean on) {
        this.surrogate = on;
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        input = x;
        float[] in = x.data();
        Tensor y = Tensor.zerosLike(x);
        float[] out = y.data();
        float t = estimator.clip();
        long beyond = 0;
        if (surrogate) {
            for (int i = 0; i < in.length; i++) {
                out[i] = (float) estimator.surrogate(in[i]);
            }
        } else {
            for (int i = 0; i < in.length; i++) {
                float v = in[i];
                out[i] = v >= 0f ? 1f : -1f;
                if (v > t || v < -t) {
                    beyond++;
                }
            }
        }
        if (training) {
            saturated += beyond;
            seen += in.length;
        }
        return y;
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        float[] in = input.data();
        float[] g = gradOutput.data();
        Tensor dx = Tensor.zerosLike(gradOutput);
        float[] out = dx.data();
        for (int i = 0; i < in.length; i++) {
            out[i] = g[i] * estimator.gradient(in[i]);
        }
        return dx;
    }

    /** Pre-sign values seen in training since the last reset, and how many had |x| > t. */
    public long[] saturationCounts() {
        return new long[] {saturated, seen};
    }

    public void resetSaturation() {
        saturated = 0;
        seen = 0;
    }

    @Override
    public void release() {
        input = null;
    }
}
