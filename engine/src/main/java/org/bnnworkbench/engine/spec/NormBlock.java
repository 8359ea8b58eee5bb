package org.bnnworkbench.engine.spec;

import java.util.List;

/** A BatchNorm on its own, optionally followed by ReLU (e.g. the BN after ResNetE's stem). */
public record NormBlock(String id, List<String> inputs, boolean relu) implements Block {

    public NormBlock {
        inputs = List.copyOf(inputs);
        Block.check(id, inputs, 1);
    }

    @Override
    public String kind() {
        return "norm";
    }

    @Override
    public List<OpNode> expand(List<FeatureShape> in, Precision precision) {
        Expansion e = new Expansion(id, in, precision);
        int x = e.bn("bn", e.input(0));
        if (relu) {
            e.relu("relu", x);
        }
        return e.ops();
    }

    @Override
    public Block withInputs(List<String> newInputs) {
        return new NormBlock(id, newInputs, relu);
    }
}
