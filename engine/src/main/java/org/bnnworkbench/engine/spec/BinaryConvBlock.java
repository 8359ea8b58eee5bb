package org.bnnworkbench.engine.spec;

import java.util.List;

/**
 * A binary convolution unit. With {@code normFirst} (the dense family, BMXNet
 * {@code BaseNetDense}): BN - sign - binary conv. Without it (ResNetE and Bi-Real blocks): sign -
 * binary conv - BN. Padding is {@code dilation * (kernel / 2)} ("same" for stride 1).
 */
public record BinaryConvBlock(String id, List<String> inputs, int channels, int kernel, int stride, int dilation,
                              int groups, boolean normFirst) implements Block {

    public BinaryConvBlock {
        inputs = List.copyOf(inputs);
        Block.check(id, inputs, 1);
        Block.positive(id, "channels", channels);
        Block.positive(id, "kernel", kernel);
        Block.positive(id, "stride", stride);
        Block.positive(id, "dilation", dilation);
        Block.positive(id, "groups", groups);
    }

    @Override
    public String kind() {
        return "binary-conv";
    }

    @Override
    public List<OpNode> expand(List<FeatureShape> in, Precision precision) {
        Expansion e = new Expansion(id, in, precision);
        int x = e.input(0);
        boolean binary = precision == Precision.BINARY;
        int pad = dilation * (kernel / 2);
        if (normFirst) {
            x = e.binaryActivation("act", e.bn("bn", x));
            e.conv("conv", x, channels, kernel, stride, pad, dilation, groups, binary, false);
        } else {
            x = e.binaryActivation("act", x);
            x = e.conv("conv", x, channels, kernel, stride, pad, dilation, groups, binary, false);
            e.bn("bn", x);
        }
        return e.ops();
    }

    @Override
    public Block withInputs(List<String> newInputs) {
        return new BinaryConvBlock(id, newInputs, channels, kernel, stride, dilation, groups, normFirst);
    }
}
