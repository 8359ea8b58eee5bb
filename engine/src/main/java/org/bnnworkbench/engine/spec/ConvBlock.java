package org.bnnworkbench.engine.spec;

import java.util.List;

/** A 32-bit convolution, optionally followed by BatchNorm and ReLU. */
public record ConvBlock(String id, List<String> inputs, int channels, int kernel, int stride, int padding,
                        int dilation, int groups, boolean norm, boolean relu, boolean bias) implements Block {

    public ConvBlock {
        inputs = List.copyOf(inputs);
        Block.check(id, inputs, 1);
        Block.positive(id, "channels", channels);
        Block.positive(id, "kernel", kernel);
        Block.positive(id, "stride", stride);
        Block.positive(id, "dilation", dilation);
        Block.positive(id, "groups", groups);
        if (padding < 0) {
            throw new SpecException(id, "padding must not be negative, got " + padding);
        }
    }

    @Override
    public String kind() {
        return "conv";
    }

    @Override
    public List<OpNode> expand(List<FeatureShape> in, Precision precision) {
        Expansion e = new Expansion(id, in, precision);
        int x = e.conv("conv", e.input(0), channels, kernel, stride, padding, dilation, groups, false, bias);
        if (norm) {
            x = e.bn("bn", x);
        }
        if (relu) {
            e.relu("relu", x);
        }
        return e.ops();
    }

    @Override
    public Block withInputs(List<String> newInputs) {
        return new ConvBlock(id, newInputs, channels, kernel, stride, padding, dilation, groups, norm, relu, bias);
    }
}
