package org.bnnworkbench.engine.spec;

import java.util.List;

/**
 * The head: optional BN, optional ReLU, global average pooling, then a 32-bit dense layer with bias
 * to the classes (BMXNet {@code BaseNetDense}: BN - ReLU - AvgPool - Dense). Its output is the
 * network's output.
 */
public record ClassifierBlock(String id, List<String> inputs, int classes, boolean norm, boolean relu)
        implements Block {

    public ClassifierBlock {
        inputs = List.copyOf(inputs);
        Block.check(id, inputs, 1);
        Block.positive(id, "classes", classes);
    }

    @Override
    public String kind() {
        return "classifier";
    }

    @Override
    public List<OpNode> expand(List<FeatureShape> in, Precision precision) {
        Expansion e = new Expansion(id, in, precision);
        int x = e.input(0);
        if (norm) {
            x = e.bn("bn", x);
        }
        if (relu) {
            x = e.relu("relu", x);
        }
        x = e.globalAvgPool("pool", x);
        e.dense("fc", x, classes);
        return e.ops();
    }

    @Override
    public Block withInputs(List<String> newInputs) {
        return new ClassifierBlock(id, newInputs, classes, norm, relu);
    }
}
