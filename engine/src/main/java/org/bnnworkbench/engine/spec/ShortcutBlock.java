package org.bnnworkbench.engine.spec;

import java.util.List;
import java.util.Locale;

/**
 * A residual add: inputs (main, skip), output main + skip. When the skip path has another shape it
 * is down-sampled as in ResNetE and Bi-Real Net: avg-pool 2x2/2 - 32-bit 1x1 conv to the main
 * path's channels - BN ({@code fp}); {@code identity} requires equal shapes.
 */
public record ShortcutBlock(String id, List<String> inputs, Downsample downsample) implements Block {

    public enum Downsample {
        IDENTITY, FP;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Downsample parse(String blockId, String text) {
            for (Downsample d : values()) {
                if (d.id().equals(text)) {
                    return d;
                }
            }
            throw new SpecException(blockId, "unknown shortcut downsample '" + text + "' (use identity or fp)");
        }
    }

    public ShortcutBlock {
        inputs = List.copyOf(inputs);
        Block.check(id, inputs, 2);
    }

    @Override
    public String kind() {
        return "shortcut";
    }

    @Override
    public List<OpNode> expand(List<FeatureShape> in, Precision precision) {
        Expansion e = new Expansion(id, in, precision);
        int main = e.input(0);
        int skip = e.input(1);
        FeatureShape m = e.shape(main);
        FeatureShape s = e.shape(skip);
        if (downsample == Downsample.FP && !m.equals(s)) {
            int stride = s.height() / Math.max(1, m.height());
            if (stride < 1 || s.height() != m.height() * stride || s.width() != m.width() * stride) {
                throw e.error("cannot down-sample the skip path " + s + " to the main path " + m);
            }
            if (stride > 1) {
                skip = e.avgPool("pool", skip, stride, stride, 0);
            }
            skip = e.conv("conv", skip, m.channels(), 1, 1, 0, 1, 1, false, false);
            skip = e.bn("bn", skip);
        }
        e.add("add", main, skip);
        return e.ops();
    }

    @Override
    public Block withInputs(List<String> newInputs) {
        return new ShortcutBlock(id, newInputs, downsample);
    }
}
