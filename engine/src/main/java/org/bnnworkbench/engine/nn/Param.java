package org.bnnworkbench.engine.nn;

import org.bnnworkbench.engine.tensor.Tensor;

/**
 * A trainable tensor with its gradient. The kind decides how optimisers treat it: no weight decay
 * on binary latent weights or BatchNorm parameters (as in BMXNet 2, where binary weights get
 * {@code wd_mult = 0}), and binary latent weights are clipped to [-t, t] after every update (larq
 * {@code WeightClip}), so they cannot drift beyond where the estimator still passes a gradient.
 */
public final class Param {

    public enum Kind {
        /** A 32-bit weight (full-precision conv or dense). */
        WEIGHT,
        /** Latent float weight of a binary conv; the forward pass uses its sign. */
        BINARY_LATENT,
        BIAS,
        /** BatchNorm gamma and beta. */
        NORM
    }

    private final String name;
    private final Kind kind;
    private final Tensor value;
    private final Tensor grad;
    private float clip = Float.NaN;

    public Param(String name, Kind kind, Tensor value) {
        this.name = name;
        this.kind = kind;
        this.value = value;
        this.grad = Tensor.zerosLike(value);
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    public Tensor value() {
        return value;
    }

    public Tensor grad() {
        return grad;
    }

    public boolean isBinary() {
        return kind == Kind.BINARY_LATENT;
    }

    /** Whether weight decay applies: only to 32-bit weights. */
    public boolean decays() {
        return kind == Kind.WEIGHT;
    }

    /** Latent-weight clip range t (values are kept in [-t, t]); NaN when not clipped. */
    public float clip() {
        return clip;
    }

    public void setClip(float clip) {
        this.clip = clip;
    }

    public void zeroGrad() {
        java.util.Arrays.fill(grad.data(), 0f);
    }

    public int size() {
        return value.size();
    }
}
