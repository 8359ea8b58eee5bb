package org.bnnworkbench.engine.spec;

import java.util.List;
import java.util.Locale;

/**
 * The 32-bit layers that turn the image into the first feature maps.
 * <ul>
 * <li>{@code imagenet}: conv 7x7/2 (no bias) - BN - ReLU - max-pool 3x3/2 pad 1 (BMXNet
 * {@code add_initial_layers("imagenet")}); with {@code relu=false} it is Bi-Real Net's stem.</li>
 * <li>{@code grouped}: conv 3x3/2 to channels/2 - BN - ReLU - conv 3x3 groups 4 - BN - ReLU - conv 3x3
 * groups 8 to channels - BN - ReLU - max-pool 3x3/2 pad 1 (BMXNet {@code grouped_stem}, used by the
 * published MeliusNets).</li>
 * <li>{@code small}: conv 3x3/1 pad 1 - BN - ReLU, no pooling, for 28x28 and 32x32 inputs (larq's stem
 * for inputs under 50 pixels).</li>
 * </ul>
 */
public record StemBlock(String id, List<String> inputs, Type type, int channels, boolean relu) implements Block {

    public enum Type {
        IMAGENET, GROUPED, SMALL;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Type parse(String blockId, String text) {
            for (Type t : values()) {
                if (t.id().equals(text)) {
                    return t;
                }
            }
            throw new SpecException(blockId, "unknown stem type '" + text + "' (use imagenet, grouped or small)");
        }
    }

    public StemBlock {
        inputs = List.copyOf(inputs);
        Block.check(id, inputs, 1);
        Block.positive(id, "channels", channels);
        if (type == Type.GROUPED && channels % 16 != 0) {
            throw new SpecException(id, "the grouped stem needs channels divisible by 16 (groups 4 and 8 of channels/2), got "
                    + channels);
        }
    }

    @Override
    public String kind() {
        return "stem";
    }

    @Override
    public List<OpNode> expand(List<FeatureShape> in, Precision precision) {
        Expansion e = new Expansion(id, in, precision);
        int x = e.input(0);
        switch (type) {
            case IMAGENET -> {
                x = e.conv("conv", x, channels, 7, 2, 3, 1, 1, false, false);
                x = e.bn("bn", x);
                if (relu) {
                    x = e.relu("relu", x);
                }
                e.maxPool("pool", x, 3, 2, 1);
            }
            case GROUPED -> {
                int half = channels / 2;
                x = e.conv("conv1", x, half, 3, 2, 1, 1, 1, false, false);
                x = e.relu("relu1", e.bn("bn1", x));
                x = e.conv("conv2", x, half, 3, 1, 1, 1, 4, false, false);
                x = e.relu("relu2", e.bn("bn2", x));
                x = e.conv("conv3", x, channels, 3, 1, 1, 1, 8, false, false);
                x = e.bn("bn3", x);
                if (relu) {
                    x = e.relu("relu3", x);
                }
                e.maxPool("pool", x, 3, 2, 1);
            }
            case SMALL -> {
                x = e.conv("conv", x, channels, 3, 1, 1, 1, 1, false, false);
                x = e.bn("bn", x);
                if (relu) {
                    e.relu("relu", x);
                }
            }
            default -> throw new IllegalStateException();
        }
        return e.ops();
    }

    @Override
    public Block withInputs(List<String> newInputs) {
        return new StemBlock(id, newInputs, type, channels, relu);
    }
}
