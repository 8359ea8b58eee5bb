package org.bnnworkbench.engine.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bnnworkbench.engine.kernel.ConvGeometry;
import org.bnnworkbench.engine.kernel.ConvKernel;
import org.bnnworkbench.engine.tensor.Tensor;

/**
 * A 32-bit convolution (stride, padding, dilation, groups; optional bias), initialised with He
 * normal weights (He et al. 2015, std = sqrt(2 / fan-in)).
 */
public final class Conv2d implements Layer {

    private final ConvKernel kernel;
    private final Param weight;
    private final Param bias;
    private final boolean inputGradient;
    private Tensor input;

    /**
     * @param inputGradient false for the first layer of a network, whose input (the image) needs
     *                      no gradient
     */
    public Conv2d(String name, ConvGeometry geometry, boolean withBias, boolean inputGradient, Random rng) {
        this.kernel = new ConvKernel(geometry, 0f);
        this.inputGradient = inputGradient;
        Tensor w = Tensor.zeros(geometry.outChannels(), geometry.inPerGroup(), geometry.kernel(), geometry.kernel());
        double std = Math.sqrt(2.0 / geometry.patchSize());
        float[] d = w.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (rng.nextGaussian() * std);
        }
        this.weight = new Param(name + ".weight", Param.Kind.WEIGHT, w);
        this.bias = withBias ? new Param(name + ".bias", Param.Kind.BIAS, Tensor.zeros(geometry.outChannels())) : null;
    }

    public ConvGeometry geometry() {
        return kernel.geometry();
    }

    public Param weight() {
        return weight;
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        input = x;
        return kernel.forward(x, weight.value().data(), bias == null ? null : bias.value().data());
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        return kernel.backward(input, weight.value().data(), gradOutput, weight.grad().data(),
                bias == null ? null : bias.grad().data(), inputGradient);
    }

    @Override
    public List<Param> params() {
        List<Param> list = new ArrayList<>();
        list.add(weight);
        if (bias != null) {
            list.add(bias);
        }
        return list;
    }

    @Override
    public void release() {
        input = null;
        kernel.release();
    }
}
