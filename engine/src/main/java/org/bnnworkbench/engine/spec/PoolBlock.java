package org.bnnworkbench.engine.spec;

import java.util.List;

/** Max or average pooling over square windows. */
public record PoolBlock(String id, List<String> inputs, boolean max, int kernel, int stride, int padding)
        implements Block {

    public PoolBlock {
        inputs = List.copyOf(inputs);
        Block.check(id, inputs, 1);
        Block.positive(id, "kernel", kernel);
        Block.positive(id, "stride", stride);
        if (padding < 0 || padding >= kernel) {
            throw new SpecException(id, "padding must be in [0, kernel), got " + padding);
        }
    }

    @Override
    public String kind() {
        return "pool";
    }

    @Override
    public List<OpNode> expand(List<FeatureShape> in, Precision precision) {
        Expansion e = new Expansion(id, in, precision);
        if (max) {
            e.maxPool("pool", e.input(0), kernel, stride, padding);
        } else {
            e.avgPool("pool", e.input(0), kernel, stride, padding);
        }
        return e.ops();
    }

    @Override
    public Block withInputs(List<String> newInputs) {
        return new PoolBlock(id, newInputs, max, kernel, stride, padding);
    }
}
