package org.bnnworkbench.engine.nn;

import java.util.List;
import java.util.Random;
import org.bnnworkbench.engine.kernel.Gemm;
import org.bnnworkbench.engine.tensor.Tensor;

/**
 * A fully connected 32-bit layer with bias, y = x W^T + b, W is [out, in]. Inputs of rank > 2 are
 * flattened per sample. Initialised like PyTorch's Linear: uniform in +-1/sqrt(in).
 */
public final class Dense implements Layer {

    private final int in;
    private final int out;
    private final Param weight;
    private final Param bias;
    private Tensor input;

    public Dense(String name, int in, int out, Random rng) {
        this.in = in;
        this.out = out;
        Tensor w = Tensor.zeros(out, in);
        float bound = (float) (1.0 / Math.sqrt(in));
        float[] d = w.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (rng.nextFloat() * 2f - 1f) * bound;
        }
        Tensor b = Tensor.zeros(out);
        for (int i = 0; i < out; i++) {
            b.data()[i] = (rng.nextFloat() * 2f - 1f) * bound;
        }
        this.weight = new Param(name + ".weight", Param.Kind.WEIGHT, w);
        this.bias = new Param(name + ".bias", Param.Kind.BIAS, b);
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        if (x.sampleSize() != in) {
            throw new IllegalArgumentException("dense layer expects " + in + " features, got " + x.shapeString());
        }
        input = x;
        int n = x.n();
        Tensor y = Tensor.zeros(n, out);
        float[] o = y.data();
        float[] b = bias.value().data();
        for (int i = 0; i < n; i++) {
            System.arraycopy(b, 0, o, i * out, out);
        }
        Gemm.sgemm(false, true, n, out, in, x.data(), weight.value().data(), 1f, o);
        return y;
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        int n = gradOutput.n();
        float[] g = gradOutput.data();
        // dW += g^T x ; db += sum over batch ; dx = g W
        Gemm.sgemm(true, false, out, in, n, g, input.data(), 1f, weight.grad().data());
        float[] db = bias.grad().data();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < out; j++) {
                db[j] += g[i * out + j];
            }
        }
        Tensor dx = Tensor.zeros(input.shape());
        Gemm.sgemm(false, false, n, in, out, g, weight.value().data(), 0f, dx.data());
        return dx;
    }

    @Override
    public List<Param> params() {
        return List.of(weight, bias);
    }

    @Override
    public void release() {
        input = null;
    }
}
