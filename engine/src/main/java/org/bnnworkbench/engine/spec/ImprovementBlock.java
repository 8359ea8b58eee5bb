package org.bnnworkbench.engine.spec;

import java.util.List;

/**
 * MeliusNet's improvement block (Bethge et al. 2021): BN - sign - binary 3x3 conv from all C input
 * channels to {@code growth} channels, added to the last {@code growth} channels of the input;
 * channels are unchanged. It raises the quality of the features the preceding dense block added.
 */
public record ImprovementBlock(String id, List<String> inputs, int growth, int dilation) implements Block {

    public ImprovementBlock {
        inputs = List.copyOf(inputs);
        Block.check(id, inputs, 1);
        Block.positive(id, "growth rate", growth);
        Block.positive(id, "dilation", dilation);
    }

    @Override
    public String kind() {
        return "improvement";
    }

    @Override
    public List<OpNode> expand(List<FeatureShape> in, Precision precision) {
        Expansion e = new Expansion(id, in, precision);
        int x = e.input(0);
        if (e.shape(x).channels() < growth) {
            throw e.error("input has " + e.shape(x).channels() + " channels, fewer than the " + growth
                    + " it would improve");
        }
        int y = e.binaryActivation("act", e.bn("bn", x));
        y = e.conv("conv", y, growth, 3, 1, dilation, dilation, 1, precision == Precision.BINARY, false);
        e.sliceAdd("add", x, y);
        return e.ops();
    }

    @Override
    public Block withInputs(List<String> newInputs) {
        return new ImprovementBlock(id, newInputs, growth, dilation);
    }
}
