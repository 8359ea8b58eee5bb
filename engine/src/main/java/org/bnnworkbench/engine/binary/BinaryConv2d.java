package org.bnnworkbench.engine.binary;

import java.util.List;
import java.util.Random;
import org.bnnworkbench.engine.kernel.ConvGeometry;
import org.bnnworkbench.engine.kernel.ConvKernel;
import org.bnnworkbench.engine.kernel.binary.BinaryConvKernel;
import org.bnnworkbench.engine.kernel.binary.BitPack;
import org.bnnworkbench.engine.kernel.binary.PackedWeights;
import org.bnnworkbench.engine.nn.Layer;
import org.bnnworkbench.engine.nn.Param;
import org.bnnworkbench.engine.tensor.Tensor;

/**
 * A convolution with binary weights: latent float weights W are kept for training and binarised in
 * the forward pass, Wb = sign(W) (sign(0) = +1), optionally scaled per output channel by
 * alpha = mean |W| (XNOR-Net, Rastegari et al. 2016) so that the claim "scaling factors are absorbed
 * by BatchNorm" can be tested. No bias. The latent weights are clipped to [-t, t] after each update
 * (see {@link Param#clip()}); their gradient is the straight-through one, 1[|W| <= t].
 *
 * <p>Padding reads -1 by default, as BMXNet 2 pads binary inputs, or 0. The layer expects its
 * input to be binary already (a {@link SignActivation} before it).
 *
 * <p>The forward pass runs on the bit-packed kernel ({@link BinaryConvKernel}): input and weight signs are
 * packed along channels and each output is the integer K - 2 popcount(x XOR w), times alpha in one float
 * multiply with scaling; without scaling this equals the float convolution of the ±1 values bit for bit.
 * The surrogate mode (gradient tests) keeps the float convolution. The backward pass stays on the float
 * GEMM: a ±1 factor inside a fused multiply-add costs nothing, so adds and subtracts cannot beat it
 * (docs/performance.md, "Training: one epoch, binary against the full-precision twin").
 *
 * <p>With scaling, dL/dW_i = alpha * q'(W_i) * g_i + sign(W_i) / n * sum_j g_j q(W_j), where g is
 * the gradient for the effective weight and n the filter size: the gradient flows through alpha too
 * (BMXNet 2's magnitude-aware variant).
 */
public final class BinaryConv2d implements Layer {

    public static final float PAD_MINUS_ONE = -1f;
    public static final float PAD_ZERO = 0f;

    private final ConvKernel kernel;
    private final BinaryConvKernel packed;
    private final ConvGeometry geometry;
    private final Param weight;
    private final boolean scaling;
    private final float padValue;
    private boolean surrogate;
    private float[] effective;
    private float[] alpha;
    private Tensor input;

    public BinaryConv2d(String name, ConvGeometry geometry, float clip, boolean scaling, float padValue, Random rng) {
        if (padValue != PAD_MINUS_ONE && padValue != PAD_ZERO) {
            throw new IllegalArgumentException("binary conv padding must be -1 or 0, got " + padValue);
        }
        this.geometry = geometry;
        this.kernel = new ConvKernel(geometry, padValue);
        this.packed = new BinaryConvKernel(geometry, padValue);
        this.scaling = scaling;
        this.padValue = padValue;
        Tensor w = Tensor.zeros(geometry.outChannels(), geometry.inPerGroup(), geometry.kernel(), geometry.kernel());
        // Glorot normal, as larq initialises binary kernels; std = sqrt(2 / (fan-in + fan-out))
        int fanIn = geometry.patchSize();
        int fanOut = geometry.outPerGroup() * geometry.kernel() * geometry.kernel();
        double std = Math.sqrt(2.0 / (fanIn + fanOut));
        float[] d = w.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) Math.max(-clip, Math.min(clip, rng.nextGaussian() * std));
        }
        this.weight = new Param(name + ".weight", Param.Kind.BINARY_LATENT, w);
        this.weight.setClip(clip);
    }

    public ConvGeometry geometry() {
        return geometry;
    }

    public Param weight() {
        return weight;
    }

    public boolean scaling() {
        return scaling;
    }

    public float padValue() {
        return padValue;
    }

    /** Uses the identity within [-t, t] instead of sign for the weights (finite-difference tests). */
    public void useSurrogate(boolean on) {
        this.surrogate = on;
    }

    private float quantize(float w, float t) {
        if (surrogate) {
            return Math.max(-t, Math.min(t, w));
        }
        return w >= 0f ? 1f : -1f;
    }

    /** The per-output-channel scale alpha = mean |W| of the current latent weights, or null without scaling. */
    public float[] scales() {
        if (!scaling) {
            return null;
        }
        effectiveWeights();
        return alpha.clone();
    }

    /** The weights the forward pass uses: sign(W), times alpha per output channel with scaling. */
    public float[] effectiveWeights() {
        float[] w = weight.value().data();
        float t = weight.clip();
        int perFilter = geometry.patchSize();
        float[] e = new float[w.length];
        float[] a = new float[geometry.outChannels()];
        for (int o = 0; o < geometry.outChannels(); o++) {
            int base = o * perFilter;
            float scale = 1f;
            if (scaling) {
                double sum = 0;
                for (int i = 0; i < perFilter; i++) {
                    sum += Math.abs(w[base + i]);
                }
                scale = (float) (sum / perFilter);
            }
            a[o] = scale;
            for (int i = 0; i < perFilter; i++) {
                e[base + i] = scale * quantize(w[base + i], t);
            }
        }
        alpha = a;
        return e;
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        input = x;
        effective = effectiveWeights();
        if (surrogate) {
            return kernel.forward(x, effective, null);
        }
        return forwardPacked(x);
    }

    /** sign(x) conv sign(W) (times alpha) on the packed kernel; x is binarised by its sign. */
    private Tensor forwardPacked(Tensor x) {
        if (x.rank() != 4 || x.c() != geometry.inChannels()) {
            throw new IllegalArgumentException("binary convolution expects N x " + geometry.inChannels()
                    + " x H x W input, got " + x.shapeString());
        }
        int n = x.n();
        int h = x.h();
        int w = x.w();
        long[] bits = new long[n * h * w * BitPack.wordsPerPixel(geometry.inChannels(), geometry.groups())];
        BitPack.packSigns(x.data(), n, geometry.inChannels(), h, w, geometry.groups(), bits);
        Tensor y = Tensor.zeros(n, geometry.outChannels(), geometry.outSize(h), geometry.outSize(w));
        packed.forward(bits, n, h, w, PackedWeights.of(weight.value().data(), geometry), scaling ? alpha : null,
                y.data());
        return y;
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        float[] gEff = new float[effective.length];
        Tensor dx = kernel.backward(input, effective, gradOutput, gEff, null, true);
        float[] w = weight.value().data();
        float[] dw = weight.grad().data();
        float t = weight.clip();
        int perFilter = geometry.patchSize();
        for (int o = 0; o < geometry.outChannels(); o++) {
            int base = o * perFilter;
            double dot = 0;
            if (scaling) {
                for (int i = 0; i < perFilter; i++) {
                    dot += gEff[base + i] * (double) quantize(w[base + i], t);
                }
            }
            float a = alpha[o];
            for (int i = 0; i < perFilter; i++) {
                float wi = w[base + i];
                float ste = Math.abs(wi) <= t ? 1f : 0f;
                float grad = a * ste * gEff[base + i];
                if (scaling) {
                    grad += (float) ((wi >= 0f ? 1 : -1) * dot / perFilter);
                }
                dw[base + i] += grad;
            }
        }
        return dx;
    }

    @Override
    public List<Param> params() {
        return List.of(weight);
    }

    @Override
    public void release() {
        input = null;
        effective = null;
        kernel.release();
        BinaryConvKernel.release();
    }
}
