package org.bnnworkbench.engine.nn;

import java.util.ArrayList;
import java.util.List;
import org.bnnworkbench.engine.tensor.Tensor;

/** Concatenates feature maps along channels, as a dense block appends its new features. */
public final class Concat implements Merge {

    private int[] channels;

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor first = inputs.get(0);
        int n = first.n();
        int h = first.h();
        int w = first.w();
        channels = new int[inputs.size()];
        int total = 0;
        for (int i = 0; i < inputs.size(); i++) {
            Tensor t = inputs.get(i);
            if (t.n() != n || t.h() != h || t.w() != w) {
                throw new IllegalArgumentException("concat needs equal batch and resolution: " + first.shapeString()
                        + " vs " + t.shapeString());
            }
            channels[i] = t.c();
            total += t.c();
        }
        Tensor y = Tensor.zeros(n, total, h, w);
        int plane = h * w;
        for (int b = 0; b < n; b++) {
            int offset = b * total * plane;
            for (int i = 0; i < inputs.size(); i++) {
                int len = channels[i] * plane;
                System.arraycopy(inputs.get(i).data(), b * len, y.data(), offset, len);
                offset += len;
            }
        }
        return y;
    }

    @Override
    public List<Tensor> backward(Tensor gradOutput) {
        int n = gradOutput.n();
        int plane = gradOutput.h() * gradOutput.w();
        int total = gradOutput.c();
        List<Tensor> grads = new ArrayList<>();
        int channelOffset = 0;
        for (int c : channels) {
            Tensor g = Tensor.zeros(n, c, gradOutput.h(), gradOutput.w());
            int len = c * plane;
            for (int b = 0; b < n; b++) {
                System.arraycopy(gradOutput.data(), (b * total + channelOffset) * plane, g.data(), b * len, len);
            }
            grads.add(g);
            channelOffset += c;
        }
        return grads;
    }
}
