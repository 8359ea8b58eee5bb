package org.bnnworkbench.engine.nn;

import java.util.ArrayList;
import java.util.List;
import org.bnnworkbench.engine.tensor.Tensor;

/** Layers applied one after another. */
public final class Sequential implements Layer {

    private final List<Layer> layers;

    public Sequential(List<Layer> layers) {
        this.layers = List.copyOf(layers);
    }

    public static Sequential of(Layer... layers) {
        return new Sequential(List.of(layers));
    }

    public List<Layer> layers() {
        return layers;
    }

    @Override
    public Tensor forward(Tensor input, boolean training) {
        Tensor x = input;
        for (Layer layer : layers) {
            x = layer.forward(x, training);
        }
        return x;
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        Tensor g = gradOutput;
        for (int i = layers.size() - 1; i >= 0; i--) {
            g = layers.get(i).backward(g);
        }
        return g;
    }

    @Override
    public List<Param> params() {
        List<Param> all = new ArrayList<>();
        for (Layer layer : layers) {
            all.addAll(layer.params());
        }
        return all;
    }

    @Override
    public List<float[]> state() {
        List<float[]> all = new ArrayList<>();
        for (Layer layer : layers) {
            all.addAll(layer.state());
        }
        return all;
    }

    @Override
    public void release() {
        layers.forEach(Layer::release);
    }
}
