package org.bnnworkbench.engine.spec;

import java.util.List;
import java.util.function.Function;
import org.bnnworkbench.engine.param.ParameterDeclaration;
import org.bnnworkbench.engine.param.ParameterValues;

/** The block library: every block kind with its declared parameters, in palette order. */
public final class BlockKinds {

    private static final List<String> ONE = List.of("in");

    private static final List<BlockKind> ALL = List.of(
            kind("stem", "Stem", "Stems", "32-bit layers that turn the image into the first feature maps", ONE,
                    List.of(ParameterDeclaration.choice("type", "small", List.of("imagenet", "grouped", "small"),
                                    "7x7 ImageNet stem, 3-conv grouped stem (MeliusNet), or 3x3 stem for small inputs"),
                            ParameterDeclaration.integer("channels", 64, 1, 4096, "output channels"),
                            ParameterDeclaration.bool("relu", true, "ReLU after the last BatchNorm (Bi-Real Net: off)")),
                    (id, in, v) -> new StemBlock(id, in, StemBlock.Type.parse(id, v.getString("type")), v.getInt("channels"),
                            v.getBoolean("relu")),
                    StemBlock.class, b -> new Object[] {"type", b.type().id(), "channels", b.channels(), "relu", b.relu()}),
            kind("binary-conv", "Binary conv", "Binary convolution",
                    "BN - sign - binary conv (or sign - binary conv - BN): 1-bit weights and activations", ONE,
                    List.of(ParameterDeclaration.integer("channels", 64, 1, 4096, "output channels"),
                            ParameterDeclaration.integer("kernel", 3, 1, 11, "kernel size"),
                            ParameterDeclaration.integer("stride", 1, 1, 8, "stride"),
                            ParameterDeclaration.integer("dilation", 1, 1, 16, "dilation"),
                            ParameterDeclaration.integer("groups", 1, 1, 256, "channel groups"),
                            ParameterDeclaration.bool("normFirst", true, "BN before the sign (dense family); off: BN after the conv (ResNetE)")),
                    (id, in, v) -> new BinaryConvBlock(id, in, v.getInt("channels"), v.getInt("kernel"), v.getInt("stride"),
                            v.getInt("dilation"), v.getInt("groups"), v.getBoolean("normFirst")),
                    BinaryConvBlock.class, b -> new Object[] {"channels", b.channels(), "kernel", b.kernel(), "stride", b.stride(),
                            "dilation", b.dilation(), "groups", b.groups(), "normFirst", b.normFirst()}),
            kind("dense", "DenseBlock", "Dense and improvement",
                    "BinaryDenseNet layer: BN - sign - binary 3x3 conv, output concatenated (channels grow by the growth rate)",
                    ONE,
                    List.of(ParameterDeclaration.integer("growth", 64, 1, 1024, "channels added"),
                            ParameterDeclaration.integer("dilation", 1, 1, 16, "dilation of the 3x3 conv")),
                    (id, in, v) -> new DenseBlock(id, in, v.getInt("growth"), v.getInt("dilation")),
                    DenseBlock.class, b -> new Object[] {"growth", b.growth(), "dilation", b.dilation()}),
            kind("improvement", "ImprovementBlock", "Dense and improvement",
                    "MeliusNet: BN - sign - binary 3x3 conv added to the last 'growth' channels (channels unchanged)", ONE,
                    List.of(ParameterDeclaration.integer("growth", 64, 1, 1024, "channels improved"),
                            ParameterDeclaration.integer("dilation", 1, 1, 16, "dilation of the 3x3 conv")),
                    (id, in, v) -> new ImprovementBlock(id, in, v.getInt("growth"), v.getInt("dilation")),
                    ImprovementBlock.class, b -> new Object[] {"growth", b.growth(), "dilation", b.dilation()}),
            kind("shortcut", "Shortcut", "Shortcuts",
                    "residual add of a main and a skip path; the skip path is down-sampled when shapes differ",
                    List.of("main", "skip"),
                    List.of(ParameterDeclaration.choice("downsample", "fp", List.of("identity", "fp", "conv", "binary"),
                                    "fp: avg-pool + 32-bit 1x1 conv + BN (ResNetE, Bi-Real); conv: strided 1x1 conv + BN; binary: binary 1x1"),
                            ParameterDeclaration.bool("relu", false, "ReLU after the add (32-bit ResNet)")),
                    (id, in, v) -> new ShortcutBlock(id, in, ShortcutBlock.Downsample.parse(id, v.getString("downsample")),
                            v.getBoolean("relu")),
                    ShortcutBlock.class, b -> new Object[] {"downsample", b.downsample().id(), "relu", b.relu()}),
            kind("transition", "Transition", "Transitions",
                    "32-bit transition: BN - pool 2x2 - ReLU - (channel shuffle) - 1x1 conv", ONE,
                    List.of(ParameterDeclaration.integer("channels", 128, 1, 4096, "output channels"),
                            ParameterDeclaration.choice("pool", "max", List.of("max", "avg", "none"), "pooling (none keeps the resolution)"),
                            ParameterDeclaration.integer("groups", 1, 1, 256, "groups of the 1x1 conv"),
                            ParameterDeclaration.integer("shuffle", 0, 0, 256, "channel shuffle groups (0 = none)")),
                    (id, in, v) -> new TransitionBlock(id, in, v.getInt("channels"),
                            TransitionBlock.Pooling.parse(id, v.getString("pool")), v.getInt("groups"), v.getInt("shuffle")),
                    TransitionBlock.class, b -> new Object[] {"channels", b.channels(), "pool", b.pool().id(),
                            "groups", b.groups(), "shuffle", b.shuffleGroups()}),
            kind("conv", "32-bit conv", "32-bit layers", "a full-precision convolution, optionally with BN and ReLU", ONE,
                    List.of(ParameterDeclaration.integer("channels", 64, 1, 4096, "output channels"),
                            ParameterDeclaration.integer("kernel", 3, 1, 11, "kernel size"),
                            ParameterDeclaration.integer("stride", 1, 1, 8, "stride"),
                            ParameterDeclaration.integer("padding", 1, 0, 16, "zero padding"),
                            ParameterDeclaration.integer("dilation", 1, 1, 16, "dilation"),
                            ParameterDeclaration.integer("groups", 1, 1, 256, "channel groups"),
                            ParameterDeclaration.bool("norm", true, "BatchNorm after the conv"),
                            ParameterDeclaration.bool("relu", true, "ReLU at the end"),
                            ParameterDeclaration.bool("bias", false, "add a bias")),
                    (id, in, v) -> new ConvBlock(id, in, v.getInt("channels"), v.getInt("kernel"), v.getInt("stride"),
                            v.getInt("padding"), v.getInt("dilation"), v.getInt("groups"), v.getBoolean("norm"),
                            v.getBoolean("relu"), v.getBoolean("bias")),
                    ConvBlock.class, b -> new Object[] {"channels", b.channels(), "kernel", b.kernel(), "stride", b.stride(),
                            "padding", b.padding(), "dilation", b.dilation(), "groups", b.groups(), "norm", b.norm(),
                            "relu", b.relu(), "bias", b.bias()}),
            kind("norm", "BatchNorm", "32-bit layers", "a BatchNorm, optionally followed by ReLU", ONE,
                    List.of(ParameterDeclaration.bool("relu", false, "ReLU after the BatchNorm")),
                    (id, in, v) -> new NormBlock(id, in, v.getBoolean("relu")),
                    NormBlock.class, b -> new Object[] {"relu", b.relu()}),
            kind("pool", "Pooling", "Pooling", "max or average pooling over square windows", ONE,
                    List.of(ParameterDeclaration.choice("type", "max", List.of("max", "avg"), "max or average"),
                            ParameterDeclaration.integer("kernel", 2, 1, 16, "window size"),
                            ParameterDeclaration.integer("stride", 2, 1, 16, "stride"),
                            ParameterDeclaration.integer("padding", 0, 0, 8, "padding (less than the window)")),
                    (id, in, v) -> new PoolBlock(id, in, v.getString("type").equals("max"), v.getInt("kernel"),
                            v.getInt("stride"), v.getInt("padding")),
                    PoolBlock.class, b -> new Object[] {"type", b.max() ? "max" : "avg", "kernel", b.kernel(),
                            "stride", b.stride(), "padding", b.padding()}),
            kind("classifier", "Classifier", "Classifier", "BN - ReLU - global average pool - 32-bit dense layer to the classes",
                    ONE,
                    List.of(ParameterDeclaration.integer("classes", 10, 2, 100_000, "number of classes"),
                            ParameterDeclaration.bool("norm", true, "BatchNorm first"),
                            ParameterDeclaration.bool("relu", true, "ReLU before pooling")),
                    (id, in, v) -> new ClassifierBlock(id, in, v.getInt("classes"), v.getBoolean("norm"), v.getBoolean("relu")),
                    ClassifierBlock.class, b -> new Object[] {"classes", b.classes(), "norm", b.norm(), "relu", b.relu()}));

    private BlockKinds() {
    }

    public static List<BlockKind> all() {
        return ALL;
    }

    public static BlockKind of(String id) {
        for (BlockKind k : ALL) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown block kind '" + id + "'");
    }

    public static BlockKind of(Block block) {
        return of(block.kind());
    }

    /** A copy of the block with one parameter changed; throws naming the parameter when the value is refused. */
    public static Block withParameter(Block block, String name, String text) {
        BlockKind kind = of(block);
        ParameterValues values = kind.values(block).with(name, text);
        return kind.create(block.id(), block.inputs(), values);
    }

    @FunctionalInterface
    private interface Factory {
        Block create(String id, List<String> inputs, ParameterValues values);
    }

    private static <B extends Block> BlockKind kind(String id, String title, String group, String description,
                                                    List<String> inputNames, List<ParameterDeclaration> parameters,
                                                    Factory factory, Class<B> type, Function<B, Object[]> reader) {
        return new BlockKind() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String title() {
                return title;
            }

            @Override
            public String group() {
                return group;
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public List<String> inputNames() {
                return inputNames;
            }

            @Override
            public List<ParameterDeclaration> parameters() {
                return parameters;
            }

            @Override
            public Block create(String blockId, List<String> inputs, ParameterValues values) {
                return factory.create(blockId, inputs, values);
            }

            @Override
            public ParameterValues values(Block block) {
                Object[] pairs = reader.apply(type.cast(block));
                ParameterValues v = defaults();
                for (int i = 0; i < pairs.length; i += 2) {
                    v = v.withFoundValue((String) pairs[i], pairs[i + 1]);
                }
                return v;
            }

            @Override
            public String toString() {
                return id;
            }
        };
    }
}
