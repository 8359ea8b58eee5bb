package org.bnnworkbench.engine.nn;

import org.bnnworkbench.engine.tensor.Tensor;

/**
 * Channel shuffle (ShuffleNet, Zhang et al. 2018), as in MeliusNet's grouped transitions: the C
 * channels viewed as (groups, C/groups) are transposed to (C/groups, groups).
 */
public final class ChannelShuffle implements Layer {

    private final int groups;

    public ChannelShuffle(int groups) {
        if (groups <= 0) {
            throw new IllegalArgumentException("channel shuffle needs positive groups, got " + groups);
        }
        this.groups = groups;
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        return permute(x, false);
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        return permute(gradOutput, true);
    }

    private Tensor permute(Tensor x, boolean inverse) {
        int c = x.c();
        if (c % groups != 0) {
            throw new IllegalArgumentException("channel shuffle with " + groups + " groups needs channels divisible by "
                    + groups + ", got " + c);
        }
        int perGroup = c / groups;
        int plane = x.h() * x.w();
        Tensor y = Tensor.zerosLike(x);
        float[] in = x.data();
        float[] out = y.data();
        for (int n = 0; n < x.n(); n++) {
            int base = n * c * plane;
            for (int g = 0; g < groups; g++) {
                for (int j = 0; j < perGroup; j++) {
                    int from = g * perGroup + j;
                    int to = j * groups + g;
                    if (inverse) {
                        System.arraycopy(in, base + to * plane, out, base + from * plane, plane);
                    } else {
                        System.arraycopy(in, base + from * plane, out, base + to * plane, plane);
                    }
                }
            }
        }
        return y;
    }
}
