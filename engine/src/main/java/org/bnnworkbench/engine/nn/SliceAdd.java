package org.bnnworkbench.engine.nn;

import java.util.List;
import org.bnnworkbench.engine.tensor.Tensor;

/**
 * MeliusNet's improvement: inputs (x with C channels, y with g channels); the output is x with y
 * added to its last g channels, channels [0, C - g) unchanged (Bethge et al. 2021, BMXNet
 * {@code ImprovementBlock} with {@code slices=[0, C-g, C]}).
 */
public final class SliceAdd implements Merge {

    private int xChannels;
    private int yChannels;

    @Override
    public Tensor forward(List<Tensor> inputs) {
        if (inputs.size() != 2) {
            throw new IllegalArgumentException("slice-add takes two inputs, got " + inputs.size());
        }
        Tensor x = inputs.get(0);
        Tensor y = inputs.get(1);
        if (x.n() != y.n() || x.h() != y.h() || x.w() != y.w() || y.c() > x.c()) {
            throw new IllegalArgumentException("slice-add of " + y.shapeString() + " into " + x.shapeString()
                    + " needs equal batch and resolution and no more channels than the target");
        }
        xChannels = x.c();
        yChannels = y.c();
        Tensor out = x.copy();
        int plane = x.h() * x.w();
        float[] o = out.data();
        float[] yd = y.data();
        for (int b = 0; b < x.n(); b++) {
            int dst = (b * xChannels + xChannels - yChannels) * plane;
            int src = b * yChannels * plane;
            for (int i = 0; i < yChannels * plane; i++) {
                o[dst + i] += yd[src + i];
            }
        }
        return out;
    }

    @Override
    public List<Tensor> backward(Tensor gradOutput) {
        int n = gradOutput.n();
        int plane = gradOutput.h() * gradOutput.w();
        Tensor gy = Tensor.zeros(n, yChannels, gradOutput.h(), gradOutput.w());
        for (int b = 0; b < n; b++) {
            System.arraycopy(gradOutput.data(), (b * xChannels + xChannels - yChannels) * plane,
                    gy.data(), b * yChannels * plane, yChannels * plane);
        }
        return List.of(gradOutput, gy);
    }
}
