package org.bnnworkbench.engine.spec;

import java.util.List;

/**
 * One BinaryDenseNet layer (Bethge et al. 2019): BN - sign - binary 3x3 conv producing
 * {@code growth} channels, concatenated to its input, so channels grow by the growth rate.
 */
public record DenseBlock(String id, List<String> inputs, int growth, int dilation) implements Block {

    public DenseBlock {
        inputs = List.copyOf(inputs);
        Block.check(id, inputs, 1);
        Block.positive(id, "growth rate", growth);
        Block.positive(id, "dilation", dilation);
    }

    @Override
    public String kind() {
        return "dense";
    }

    @Override
    public List<OpNode> expand(List<FeatureShape> in, Precision precision) {
        Expansion e = new Expansion(id, in, precision);
        int x = e.input(0);
        int y = e.binaryActivation("act", e.bn("bn", x));
        y = e.conv("conv", y, growth, 3, 1, dilation, dilation, 1, precision == Precision.BINARY, false);
        e.concat("concat", x, y);
        return e.ops();
    }

    @Override
    public Block withInputs(List<String> newInputs) {
        return new DenseBlock(id, newInputs, growth, dilation);
    }
}
