package org.bnnworkbench.engine.nn;

import java.util.List;
import org.bnnworkbench.engine.kernel.Elementwise;
import org.bnnworkbench.engine.kernel.Parallel;
import org.bnnworkbench.engine.kernel.Reductions;
import org.bnnworkbench.engine.tensor.Tensor;

/**
 * Batch normalisation over channels (Ioffe and Szegedy 2015) for N x C x H x W or N x C inputs.
 * Training uses the batch statistics and updates running averages with momentum 0.9 (the value
 * the larq guide recommends for noisy BNN training, and BMXNet's default); evaluation uses the
 * running averages, folded into one scale and one shift per channel ({@link #evaluationScale},
 * {@link #evaluationShift}): y = x * scale + shift, the form an exported inference model reproduces bit
 * for bit from two numbers per channel (and from which it derives the sign thresholds). Variance for the
 * running average is the unbiased batch variance.
 */
public final class BatchNorm implements Layer {

    public static final float DEFAULT_MOMENTUM = 0.9f;
    public static final float DEFAULT_EPSILON = 1e-5f;

    private final int channels;
    private final float momentum;
    private final float epsilon;
    private final Param gamma;
    private final Param beta;
    private final float[] runningMean;
    private final float[] runningVar;

    /** The training-mode input and its batch statistics; x-hat is recomputed from them in backward. */
    private Tensor input;
    private float[] batchMean;
    private float[] invStd;
    private boolean lastTraining;

    public BatchNorm(String name, int channels) {
        this(name, channels, DEFAULT_MOMENTUM, DEFAULT_EPSILON);
    }

    public BatchNorm(String name, int channels, float momentum, float epsilon) {
        this.channels = channels;
        this.momentum = momentum;
        this.epsilon = epsilon;
        Tensor g = Tensor.zeros(channels);
        java.util.Arrays.fill(g.data(), 1f);
        this.gamma = new Param(name + ".gamma", Param.Kind.NORM, g);
        this.beta = new Param(name + ".beta", Param.Kind.NORM, Tensor.zeros(channels));
        this.runningMean = new float[channels];
        this.runningVar = new float[channels];
        java.util.Arrays.fill(runningVar, 1f);
    }

    public int channels() {
        return channels;
    }

    public Param gamma() {
        return gamma;
    }

    public Param beta() {
        return beta;
    }

    public float[] runningMean() {
        return runningMean;
    }

    public float[] runningVar() {
        return runningVar;
    }

    public float epsilon() {
        return epsilon;
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        if (x.rank() < 2 || x.dim(1) != channels) {
            throw new IllegalArgumentException("BatchNorm over " + channels + " channels got " + x.shapeString());
        }
        int n = x.n();
        int plane = x.size() / (n * channels);
        float[] in = x.data();
        Tensor y = Tensor.zerosLike(x);
        float[] out = y.data();
        float[] inv = new float[channels];
        float[] means = new float[channels];
        float[] g = gamma.value().data();
        float[] b = beta.value().data();
        long count = (long) n * plane;
        // channels are independent: handed to threads as they become free, same bits
        Parallel.forEachIndex(channels, c -> {
            double mean;
            double var;
            if (training) {
                int stride = channels * plane;
                mean = Reductions.channelSum(in, c * plane, stride, n, plane) / count;
                double sq = Reductions.channelSquaredDeviations(in, c * plane, stride, n, plane, mean);
                var = sq / count;
                double unbiased = count > 1 ? sq / (count - 1) : var;
                runningMean[c] = (float) (momentum * runningMean[c] + (1 - momentum) * mean);
                runningVar[c] = (float) (momentum * runningVar[c] + (1 - momentum) * unbiased);
            } else {
                mean = runningMean[c];
                var = runningVar[c];
            }
            float is = (float) (1.0 / Math.sqrt(var + epsilon));
            inv[c] = is;
            float m = (float) mean;
            means[c] = m;
            float gc = g[c];
            float shift = b[c];
            if (!training) {
                float scale = foldScale(gc, is);
                float folded = foldShift(shift, m, scale);
                for (int i = 0; i < n; i++) {
                    int base = (i * channels + c) * plane;
                    Elementwise.affine(in, out, base, base + plane, scale, folded);
                }
                return;
            }
            for (int i = 0; i < n; i++) {
                int base = (i * channels + c) * plane;
                Elementwise.normalize(in, out, base, base + plane, m, is, gc, shift);
            }
        });
        lastTraining = training;
        input = training ? x : null;
        batchMean = means;
        invStd = inv;
        return y;
    }

    private static float foldScale(float gamma, float invStd) {
        return gamma * invStd;
    }

    private static float foldShift(float beta, float mean, float scale) {
        return beta - mean * scale;
    }

    private float invStd(int c) {
        return (float) (1.0 / Math.sqrt((double) runningVar[c] + epsilon));
    }

    /** The evaluation scale of each channel: gamma / sqrt(running variance + eps), in float. */
    public float[] evaluationScale() {
        float[] s = new float[channels];
        for (int c = 0; c < channels; c++) {
            s[c] = foldScale(gamma.value().data()[c], invStd(c));
        }
        return s;
    }

    /** The evaluation shift of each channel: beta - running mean * scale, in float. */
    public float[] evaluationShift() {
        float[] scale = evaluationScale();
        float[] s = new float[channels];
        for (int c = 0; c < channels; c++) {
            s[c] = foldShift(beta.value().data()[c], runningMean[c], scale[c]);
        }
        return s;
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        if (!lastTraining || input == null) {
            throw new IllegalStateException("BatchNorm backward needs a training-mode forward pass");
        }
        int n = gradOutput.n();
        int plane = gradOutput.size() / (n * channels);
        float[] dy = gradOutput.data();
        float[] in = input.data();
        Tensor dx = Tensor.zerosLike(gradOutput);
        float[] out = dx.data();
        float[] g = gamma.value().data();
        float[] dg = gamma.grad().data();
        float[] db = beta.grad().data();
        long count = (long) n * plane;
        // channels are independent: handed to threads as they become free, same bits
        Parallel.forEachIndex(channels, c -> {
            double[] sums = new double[2];
            Reductions.channelGradientSums(dy, in, c * plane, channels * plane, n, plane, batchMean[c], invStd[c],
                    sums);
            double sumDy = sums[0];
            double sumDyXhat = sums[1];
            dg[c] += (float) sumDyXhat;
            db[c] += (float) sumDy;
            // dx = gamma * invStd / m * (m * dy - sum(dy) - xhat * sum(dy * xhat))
            float k = g[c] * invStd[c];
            float meanDy = (float) (sumDy / count);
            float meanDyXhat = (float) (sumDyXhat / count);
            for (int i = 0; i < n; i++) {
                int base = (i * channels + c) * plane;
                Elementwise.normalizeGradient(dy, in, out, base, base + plane, batchMean[c], invStd[c], k, meanDy,
                        meanDyXhat);
            }
        });
        return dx;
    }

    @Override
    public List<Param> params() {
        return List.of(gamma, beta);
    }

    @Override
    public List<float[]> state() {
        return List.of(runningMean, runningVar);
    }

    @Override
    public void release() {
        input = null;
    }
}
