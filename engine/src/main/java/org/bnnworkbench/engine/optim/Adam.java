package org.bnnworkbench.engine.optim;

import java.util.ArrayList;
import java.util.List;
import org.bnnworkbench.engine.nn.Param;

/**
 * Adam (Kingma and Ba 2015) with bias correction, beta1 = 0.9, beta2 = 0.999, eps = 1e-8. The
 * larq guide recommends it for BNNs as the quickest to converge and least sensitive to settings.
 */
public final class Adam extends Optimizer {

    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPS = 1e-8f;

    private final float[][] m;
    private final float[][] v;
    private float c1;
    private float c2;

    public Adam(List<Param> params, float weightDecay) {
        super(params, weightDecay);
        m = new float[this.params.size()][];
        v = new float[this.params.size()][];
        for (int p = 0; p < this.params.size(); p++) {
            m[p] = new float[this.params.get(p).size()];
            v[p] = new float[this.params.get(p).size()];
        }
    }

    @Override
    public String id() {
        return "adam";
    }

    @Override
    protected void beginStep(long step) {
        c1 = (float) (1 - Math.pow(BETA1, step));
        c2 = (float) (1 - Math.pow(BETA2, step));
    }

    @Override
    protected float update(int p, int i, float value, float grad, float lr, long step) {
        float mi = BETA1 * m[p][i] + (1 - BETA1) * grad;
        float vi = BETA2 * v[p][i] + (1 - BETA2) * grad * grad;
        m[p][i] = mi;
        v[p][i] = vi;
        float mHat = mi / c1;
        float vHat = vi / c2;
        return value - lr * mHat / ((float) Math.sqrt(vHat) + EPS);
    }

    @Override
    public List<float[]> state() {
        List<float[]> all = new ArrayList<>();
        for (int p = 0; p < m.length; p++) {
            all.add(m[p]);
            all.add(v[p]);
        }
        return all;
    }
}
