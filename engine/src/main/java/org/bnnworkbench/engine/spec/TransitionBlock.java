package org.bnnworkbench.engine.spec;

import java.util.List;
import java.util.Locale;

/**
 * The full-precision transition between stages of the dense family (BMXNet
 * {@code DOWNSAMPLE_STRUCT = "bn,max_pool,relu,fp_conv"}): BN - pool 2x2/2 - ReLU - optional channel
 * shuffle - 32-bit 1x1 conv (with groups). MeliusNet A/B/C use shuffle 16 and groups 4/2/4.
 * {@code pool = none} keeps the resolution (the dilated BinaryDenseNet).
 */
public record TransitionBlock(String id, List<String> inputs, int channels, Pooling pool, int groups,
                              int shuffleGroups) implements Block {

    public enum Pooling {
        MAX, AVG, NONE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Pooling parse(String blockId, String text) {
            for (Pooling p : values()) {
                if (p.id().equals(text)) {
                    return p;
                }
            }
            throw new SpecException(blockId, "unknown pooling '" + text + "' (use max, avg or none)");
        }
    }

    public TransitionBlock {
        inputs = List.copyOf(inputs);
        Block.check(id, inputs, 1);
        Block.positive(id, "channels", channels);
        Block.positive(id, "groups", groups);
        if (shuffleGroups < 0) {
            throw new SpecException(id, "shuffle groups must be 0 (none) or positive, got " + shuffleGroups);
        }
    }

    @Override
    public String kind() {
        return "transition";
    }

    @Override
    public List<OpNode> expand(List<FeatureShape> in, Precision precision) {
        Expansion e = new Expansion(id, in, precision);
        int x = e.bn("bn", e.input(0));
        if (pool == Pooling.MAX) {
            x = e.maxPool("pool", x, 2, 2, 0);
        } else if (pool == Pooling.AVG) {
            x = e.avgPool("pool", x, 2, 2, 0);
        }
        x = e.relu("relu", x);
        if (shuffleGroups > 0) {
            x = e.shuffle("shuffle", x, shuffleGroups);
        }
        e.conv("conv", x, channels, 1, 1, 0, 1, groups, false, false);
        return e.ops();
    }

    @Override
    public Block withInputs(List<String> newInputs) {
        return new TransitionBlock(id, newInputs, channels, pool, groups, shuffleGroups);
    }
}
