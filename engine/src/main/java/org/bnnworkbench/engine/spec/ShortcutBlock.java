package org.bnnworkbench.engine.spec;

import java.util.List;
import java.util.Locale;

/**
 * A residual add: inputs (main, skip), output main + skip, optionally followed by ReLU (the
 * 32-bit ResNet). When the skip path has another shape it is down-sampled:
 * <ul>
 * <li>{@code fp}: avg-pool s x s - 32-bit 1x1 conv - BN (ResNetE and Bi-Real Net; BMXNet's
 * {@code --fp-downsample-sc --pool-downsample-sc}, used by every published ResNetE run);</li>
 * <li>{@code conv}: 32-bit 1x1 conv with stride s - BN (the 32-bit ResNet of He et al. 2016);</li>
 * <li>{@code binary}: sign - binary 1x1 conv with stride s - BN (ResNetE without the flags);</li>
 * <li>{@code identity}: no down-sampling; shapes must be equal.</li>
 * </ul>
 */
public record ShortcutBlock(String id, List<String> inputs, Downsample downsample, boolean relu) implements Block {

    public enum Downsample {
        IDENTITY, FP, CONV, BINARY;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Downsample parse(String blockId, String text) {
            for (Downsample d : values()) {
                if (d.id().equals(text)) {
                    return d;
                }
            }
            throw new SpecException(blockId, "unknown shortcut downsample '" + text
                    + "' (use identity, fp, conv or binary)");
        }
    }

    public ShortcutBlock {
        inputs = List.copyOf(inputs);
        Block.check(id, inputs, 2);
        if (downsample == null) {
            throw new SpecException(id, "needs a downsample kind (identity, fp, conv or binary)");
        }
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
        if (!m.equals(s) && downsample != Downsample.IDENTITY) {
            int stride = Math.max(1, s.height() / Math.max(1, m.height()));
            if (s.height() != m.height() * stride || s.width() != m.width() * stride) {
                throw e.error("cannot down-sample the skip path " + s + " to the main path " + m
                        + " (the resolutions must differ by a whole factor)");
            }
            switch (downsample) {
                case FP -> {
                    if (stride > 1) {
                        skip = e.avgPool("pool", skip, stride, stride, 0);
                    }
                    skip = e.conv("conv", skip, m.channels(), 1, 1, 0, 1, 1, false, false);
                }
                case CONV -> skip = e.conv("conv", skip, m.channels(), 1, stride, 0, 1, 1, false, false);
                case BINARY -> {
                    skip = e.binaryActivation("act", skip);
                    skip = e.conv("conv", skip, m.channels(), 1, stride, 0, 1, 1,
                            precision == Precision.BINARY, false);
                }
                default -> throw new IllegalStateException();
            }
            skip = e.bn("bn", skip);
        }
        int out = e.add("add", main, skip);
        if (relu) {
            e.relu("relu", out);
        }
        return e.ops();
    }

    @Override
    public Block withInputs(List<String> newInputs) {
        return new ShortcutBlock(id, newInputs, downsample, relu);
    }
}
