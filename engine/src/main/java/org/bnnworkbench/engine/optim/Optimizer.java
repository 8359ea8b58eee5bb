package org.bnnworkbench.engine.optim;

import java.util.List;
import org.bnnworkbench.engine.kernel.Parallel;
import org.bnnworkbench.engine.nn.Param;

/**
 * Updates parameters from their gradients. Shared rules for all optimisers: weight decay (L2 added
 * to the gradient) only on 32-bit weights, never on binary latent weights or BatchNorm; binary
 * latent weights are clipped to [-t, t] after the update; and the number of binary weights whose
 * sign flipped is counted (larq's {@code FlipRatio} diagnostic).
 */
public abstract class Optimizer {

    protected final List<Param> params;
    protected final float weightDecay;
    private long steps;

    protected Optimizer(List<Param> params, float weightDecay) {
        this.params = List.copyOf(params);
        this.weightDecay = weightDecay;
    }

    /** The optimiser's name in run records: adam or sgd. */
    public abstract String id();

    /** Applies one update with learning rate lr and returns how many binary weights changed sign. */
    public final long step(float lr) {
        steps++;
        beginStep(steps);
        long flips = 0;
        for (int p = 0; p < params.size(); p++) {
            Param param = params.get(p);
            float[] w = param.value().data();
            int parts = Math.max(1, Math.min(Parallel.threads(), w.length >> 14));
            long[] changed = new long[parts];
            int index = p;
            // elements are independent, so any split gives the same values; flips are counted per part
            Parallel.forParts(w.length, parts, (part, from, to) -> changed[part] = update(index, param, lr, from, to));
            for (long c : changed) {
                flips += c;
            }
        }
        return flips;
    }

    /** Updates elements [from, to) of parameter p and returns how many binary weights changed sign. */
    private long update(int p, Param param, float lr, int from, int to) {
        float[] w = param.value().data();
        float[] g = param.grad().data();
        float decay = param.decays() ? weightDecay : 0f;
        boolean binary = param.isBinary();
        float t = param.clip();
        long flips = 0;
        for (int i = from; i < to; i++) {
            float old = w[i];
            float grad = g[i] + decay * old;
            float updated = update(p, i, old, grad, lr, steps);
            if (binary) {
                if (updated > t) {
                    updated = t;
                } else if (updated < -t) {
                    updated = -t;
                }
                if ((old >= 0f) != (updated >= 0f)) {
                    flips++;
                }
            }
            w[i] = updated;
        }
        return flips;
    }

    /** Called once before the elements of a step are updated (possibly on several threads). */
    protected void beginStep(long step) {
    }

    /** The new value of element i of parameter p; may run on several threads for different i. */
    protected abstract float update(int p, int i, float value, float grad, float lr, long step);

    public long steps() {
        return steps;
    }

    /** Moment buffers, one or two per parameter, in parameter order; saved in checkpoints. */
    public abstract List<float[]> state();

    public void restoreSteps(long steps) {
        this.steps = steps;
    }

    public void zeroGrad() {
        params.forEach(Param::zeroGrad);
    }

    public static Optimizer create(String id, List<Param> params, float weightDecay, float momentum) {
        return switch (id) {
            case "adam" -> new Adam(params, weightDecay);
            case "sgd" -> new SgdMomentum(params, weightDecay, momentum);
            default -> throw new IllegalArgumentException("unknown optimiser '" + id + "' (use adam or sgd)");
        };
    }
}
