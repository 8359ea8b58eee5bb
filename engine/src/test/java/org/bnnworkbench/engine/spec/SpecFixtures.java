package org.bnnworkbench.engine.spec;

import java.util.List;

/** Small specs for tests. */
final class SpecFixtures {

    private SpecFixtures() {
    }

    static List<String> from(String... ids) {
        return List.of(ids);
    }

    /** Every block kind and every shortcut down-sampling on a 64x64x3 input; valid. */
    static NetworkSpec everyKind() {
        return new NetworkSpec("every-kind", new InputShape(64, 64, 3), Precision.BINARY, List.of(
                new NormBlock("input-bn", from("input"), false),
                new StemBlock("stem", from("input-bn"), StemBlock.Type.SMALL, 16, true),
                new PoolBlock("pool", from("stem"), true, 2, 2, 0),
                new ConvBlock("conv", from("pool"), 32, 3, 1, 1, 1, 1, true, true, false),
                new DenseBlock("dense", from("conv"), 16, 1),
                new ImprovementBlock("improve", from("dense"), 16, 1),
                new TransitionBlock("transition", from("improve"), 32, TransitionBlock.Pooling.MAX, 2, 4),
                new BinaryConvBlock("bconv1", from("transition"), 32, 3, 1, 1, 1, false),
                new ShortcutBlock("add1", from("bconv1", "transition"), ShortcutBlock.Downsample.IDENTITY, false),
                new BinaryConvBlock("bconv2", from("add1"), 64, 3, 2, 1, 1, false),
                new ShortcutBlock("add2", from("bconv2", "add1"), ShortcutBlock.Downsample.FP, false),
                new BinaryConvBlock("bconv3", from("add2"), 64, 3, 1, 1, 1, true),
                new ShortcutBlock("add3", from("bconv3", "add2"), ShortcutBlock.Downsample.IDENTITY, true),
                new ConvBlock("conv2", from("add3"), 128, 3, 2, 1, 1, 1, true, false, false),
                new ShortcutBlock("add4", from("conv2", "add3"), ShortcutBlock.Downsample.CONV, true),
                new BinaryConvBlock("bconv4", from("add4"), 256, 3, 2, 1, 1, false),
                new ShortcutBlock("add5", from("bconv4", "add4"), ShortcutBlock.Downsample.BINARY, false),
                new PoolBlock("avg", from("add5"), false, 2, 1, 0),
                new NormBlock("norm", from("avg"), true),
                new ClassifierBlock("classifier", from("norm"), 10, true, true)));
    }

    /** stem -> blocks -> classifier, on a 32x32x3 input. */
    static NetworkSpec chain(Block... middle) {
        List<Block> blocks = new java.util.ArrayList<>();
        blocks.add(new StemBlock("stem", from("input"), StemBlock.Type.SMALL, 16, true));
        blocks.addAll(List.of(middle));
        String last = middle.length == 0 ? "stem" : middle[middle.length - 1].id();
        blocks.add(new ClassifierBlock("classifier", from(last), 10, true, true));
        return new NetworkSpec("chain", new InputShape(32, 32, 3), Precision.BINARY, blocks);
    }
}
