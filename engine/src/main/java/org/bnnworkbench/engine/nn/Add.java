package org.bnnworkbench.engine.nn;

import java.util.ArrayList;
import java.util.List;
import org.bnnworkbench.engine.tensor.Tensor;

/** Element-wise sum of equally shaped feature maps: the residual shortcut. */
public final class Add implements Merge {

    private int count;

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor first = inputs.get(0);
        Tensor out = first.copy();
        float[] o = out.data();
        for (int i = 1; i < inputs.size(); i++) {
            Tensor t = inputs.get(i);
            if (!t.sameShape(first)) {
                throw new IllegalArgumentException("add needs equal shapes: " + first.shapeString() + " vs " + t.shapeString());
            }
            float[] d = t.data();
            for (int j = 0; j < o.length; j++) {
                o[j] += d[j];
            }
        }
        count = inputs.size();
        return out;
    }

    @Override
    public List<Tensor> backward(Tensor gradOutput) {
        List<Tensor> grads = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            grads.add(gradOutput);
        }
        return grads;
    }
}
