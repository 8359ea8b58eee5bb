package org.bnnworkbench.engine.optim;

import java.util.Arrays;
import java.util.List;
import org.bnnworkbench.engine.nn.Param;

/** Stochastic gradient descent with (heavy-ball) momentum: v = mu v + g; w -= lr v. */
public final class SgdMomentum extends Optimizer {

    private final float momentum;
    private final float[][] velocity;

    public SgdMomentum(List<Param> params, float weightDecay, float momentum) {
        super(params, weightDecay);
        if (momentum < 0f || momentum >= 1f) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        this.momentum = momentum;
        velocity = new float[this.params.size()][];
        for (int p = 0; p < this.params.size(); p++) {
            velocity[p] = new float[this.params.get(p).size()];
        }
    }

    @Override
    public String id() {
        return "sgd";
    }

    @Override
    protected float update(int p, int i, float value, float grad, float lr, long step) {
        float vi = momentum * velocity[p][i] + grad;
        velocity[p][i] = vi;
        return value - lr * vi;
    }

    @Override
    public List<float[]> state() {
        return Arrays.asList(velocity);
    }
}
