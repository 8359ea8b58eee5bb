package org.bnnworkbench.engine.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.bnnworkbench.engine.binary.BinaryConv2d;
import org.bnnworkbench.engine.binary.SignActivation;
import org.bnnworkbench.engine.nn.Layer;
import org.bnnworkbench.engine.nn.Merge;
import org.bnnworkbench.engine.nn.Param;
import org.bnnworkbench.engine.nn.Sequential;
import org.bnnworkbench.engine.tensor.Tensor;

/**
 * A trainable network: a DAG of nodes over feature maps, in topological order. Node 0 is the
 * input image; every other node applies a {@link Layer} to one earlier node or a {@link Merge} to
 * several. Backward walks the nodes in reverse and sums the gradients of feature maps that feed
 * more than one node (a dense block's input feeds both its conv and its concat).
 */
public final class Network {

    /** One node: its name (for messages and checkpoints) and what it computes. */
    public record Node(String name, Layer layer, Merge merge, int[] inputs) {
    }

    private final List<Node> nodes;
    private final int output;
    private Tensor[] outputs;

    private Network(List<Node> nodes, int output) {
        this.nodes = List.copyOf(nodes);
        this.output = output;
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Node> nodes() {
        return nodes;
    }

    public Tensor forward(Tensor image, boolean training) {
        Tensor[] out = new Tensor[nodes.size()];
        out[0] = image;
        for (int i = 1; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            if (node.layer() != null) {
                out[i] = node.layer().forward(out[node.inputs()[0]], training);
            } else {
                List<Tensor> ins = new ArrayList<>(node.inputs().length);
                for (int in : node.inputs()) {
                    ins.add(out[in]);
                }
                out[i] = node.merge().forward(ins);
            }
        }
        Tensor result = out[output];
        outputs = training ? out : null;
        return result;
    }

    /** Back-propagates dL/d(output); parameter gradients are added into each {@link Param#grad()}. */
    public void backward(Tensor gradOutput) {
        if (outputs == null) {
            throw new IllegalStateException("backward needs a training-mode forward pass first");
        }
        Tensor[] grads = new Tensor[nodes.size()];
        grads[output] = gradOutput;
        for (int i = nodes.size() - 1; i >= 1; i--) {
            Tensor g = grads[i];
            grads[i] = null;
            if (g == null) {
                continue;
            }
            Node node = nodes.get(i);
            if (node.layer() != null) {
                accumulate(grads, node.inputs()[0], node.layer().backward(g));
            } else {
                List<Tensor> ins = node.merge().backward(g);
                for (int k = 0; k < node.inputs().length; k++) {
                    accumulate(grads, node.inputs()[k], ins.get(k));
                }
            }
        }
        outputs = null;
    }

    private static void accumulate(Tensor[] grads, int index, Tensor g) {
        if (index == 0 || g == null) {
            return;
        }
        if (grads[index] == null) {
            grads[index] = g;
        } else {
            Tensor sum = grads[index].copy();
            float[] s = sum.data();
            float[] d = g.data();
            for (int i = 0; i < s.length; i++) {
                s[i] += d[i];
            }
            grads[index] = sum;
        }
    }

    public List<Param> params() {
        List<Param> all = new ArrayList<>();
        for (Layer layer : layers()) {
            all.addAll(layer.params());
        }
        return all;
    }

    public List<float[]> state() {
        List<float[]> all = new ArrayList<>();
        for (Layer layer : layers()) {
            all.addAll(layer.state());
        }
        return all;
    }

    /** All layers, with those inside {@link Sequential}s listed individually, in node order. */
    public List<Layer> layers() {
        List<Layer> all = new ArrayList<>();
        for (Node node : nodes) {
            if (node.layer() != null) {
                flatten(node.layer(), all);
            }
        }
        return Collections.unmodifiableList(all);
    }

    private static void flatten(Layer layer, List<Layer> into) {
        if (layer instanceof Sequential seq) {
            for (Layer inner : seq.layers()) {
                flatten(inner, into);
            }
        } else {
            into.add(layer);
        }
    }

    public List<SignActivation> signActivations() {
        return layers().stream().filter(SignActivation.class::isInstance).map(SignActivation.class::cast).toList();
    }

    public List<BinaryConv2d> binaryConvs() {
        return layers().stream().filter(BinaryConv2d.class::isInstance).map(BinaryConv2d.class::cast).toList();
    }

    /** Switches every sign (activations and binary weights) to its surrogate; for gradient tests. */
    public void useSurrogates(boolean on) {
        signActivations().forEach(s -> s.useSurrogate(on));
        binaryConvs().forEach(c -> c.useSurrogate(on));
    }

    public long parameterCount() {
        return params().stream().mapToLong(Param::size).sum();
    }

    public void release() {
        outputs = null;
        layers().forEach(Layer::release);
    }

    /** Adds nodes in topological order: every input must already exist. */
    public static final class Builder {
        private final List<Node> nodes = new ArrayList<>();

        private Builder() {
            nodes.add(new Node("input", null, null, new int[0]));
        }

        /** The id of the input image node. */
        public int input() {
            return 0;
        }

        public int layer(String name, Layer layer, int input) {
            check(input);
            nodes.add(new Node(name, layer, null, new int[] {input}));
            return nodes.size() - 1;
        }

        public int merge(String name, Merge merge, int... inputs) {
            if (inputs.length < 2) {
                throw new IllegalArgumentException(name + ": a merge needs at least two inputs, got " + Arrays.toString(inputs));
            }
            for (int in : inputs) {
                check(in);
            }
            nodes.add(new Node(name, null, merge, inputs.clone()));
            return nodes.size() - 1;
        }

        private void check(int input) {
            if (input < 0 || input >= nodes.size()) {
                throw new IllegalArgumentException("input node " + input + " does not exist yet");
            }
        }

        public Network build(int output) {
            check(output);
            return new Network(nodes, output);
        }
    }
}
