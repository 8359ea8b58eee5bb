package org.bnnworkbench.engine.binary;

import org.bnnworkbench.engine.kernel.Elementwise;
import org.bnnworkbench.engine.kernel.Parallel;
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
        int parts = Math.max(1, Math.min(Parallel.threads(), in.length >> 15));
        long[] beyond = new long[parts];
        Parallel.forParts(in.length, parts, (part, from, to) -> {
            if (surrogate) {
                for (int i = from; i < to; i++) {
                    out[i] = (float) estimator.surrogate(in[i]);
                }
                return;
            }
            beyond[part] = Elementwise.sign(in, out, from, to, t);
        });
        if (training) {
            for (long b : beyond) {
                saturated += b;
            }
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
        if (estimator instanceof SignEstimator.Ste ste) {
            // the common case, on the vector kernels
            float t = ste.clip();
            Parallel.forRange(in.length, 1 << 15, (from, to) -> Elementwise.passWithin(in, g, out, from, to, t));
        } else {
            Parallel.forRange(in.length, 1 << 15, (from, to) -> {
                for (int i = from; i < to; i++) {
                    out[i] = g[i] * estimator.gradient(in[i]);
                }
            });
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
