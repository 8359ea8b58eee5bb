package org.bnnworkbench.engine.nn;

import org.bnnworkbench.engine.kernel.Elementwise;
import org.bnnworkbench.engine.kernel.Parallel;
import org.bnnworkbench.engine.tensor.Tensor;

/** max(0, x); the gradient passes where x > 0. */
public final class ReLU implements Layer {

    private Tensor input;

    @Override
    public Tensor forward(Tensor x, boolean training) {
        input = x;
        float[] in = x.data();
        Tensor y = Tensor.zerosLike(x);
        float[] out = y.data();
        Parallel.forRange(in.length, 1 << 15, (from, to) -> Elementwise.relu(in, out, from, to));
        return y;
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        float[] in = input.data();
        float[] g = gradOutput.data();
        Tensor dx = Tensor.zerosLike(gradOutput);
        float[] out = dx.data();
        Parallel.forRange(in.length, 1 << 15, (from, to) -> Elementwise.passPositive(in, g, out, from, to));
        return dx;
    }

    @Override
    public void release() {
        input = null;
    }
}
