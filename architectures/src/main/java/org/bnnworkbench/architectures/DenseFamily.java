package org.bnnworkbench.architectures;

import java.util.ArrayList;
import java.util.List;
import org.bnnworkbench.engine.param.ParameterDeclaration;
import org.bnnworkbench.engine.param.ParameterValues;
import org.bnnworkbench.engine.spec.BinaryConvBlock;
import org.bnnworkbench.engine.spec.Block;
import org.bnnworkbench.engine.spec.ClassifierBlock;
import org.bnnworkbench.engine.spec.DenseBlock;
import org.bnnworkbench.engine.spec.ImprovementBlock;
import org.bnnworkbench.engine.spec.InputShape;
import org.bnnworkbench.engine.spec.NetworkSpec;
import org.bnnworkbench.engine.spec.PoolBlock;
import org.bnnworkbench.engine.spec.Precision;
import org.bnnworkbench.engine.spec.ShortcutBlock;
import org.bnnworkbench.engine.spec.SpecException;
import org.bnnworkbench.engine.spec.StemBlock;
import org.bnnworkbench.engine.spec.TransitionBlock;

/**
 * BinaryDenseNet (Bethge et al. 2019) and MeliusNet (Bethge et al. 2021) as one family, following
 * BMXNet 2's {@code BaseNetDense}: a stem, then stages of dense blocks (each followed by an
 * improvement block when {@code improvement} is on: MeliusNet), 32-bit transitions between stages
 * and a BN - ReLU - pool - dense head. A transition's output channels are
 * {@code round((c div r) / 32) * 32} as in BMXNet ({@code c div r} floors; round is half-to-even,
 * like Python's). A transition before a dilated stage keeps the resolution (no pooling).
 * For small inputs, {@code stemPool} halves the resolution after the stem, and {@code residual}
 * appends binary convs with identity shortcuts (ResNet-style) after the last stage.
 */
public final class DenseFamily implements Family {

    public static final String NAME = "dense";

    private static final List<ParameterDeclaration> PARAMETERS = List.of(
            ParameterDeclaration.choice("stem", "imagenet", List.of("imagenet", "grouped", "small"),
                    "first layers: 7x7 ImageNet stem, 3-conv grouped stem (MeliusNet), or 3x3 stem for small inputs"),
            ParameterDeclaration.bool("stemPool", false, "max-pool 2x2 after the stem (small inputs)"),
            ParameterDeclaration.integers("blocks", List.of(6, 6, 6, 5), 0, 64,
                    "dense blocks per stage (one stage per entry)"),
            ParameterDeclaration.integer("growthRate", 64, 1, 1024, "channels each dense block adds"),
            ParameterDeclaration.integer("initFeatures", 64, 1, 4096, "channels after the stem"),
            ParameterDeclaration.numbers("reductions", List.of(2.7, 2.7, 2.2), 1.0, 64.0,
                    "channel reduction of each transition (one fewer than stages)"),
            ParameterDeclaration.bool("improvement", false, "add a MeliusNet improvement block after every dense block"),
            ParameterDeclaration.integers("dilations", List.of(1, 1, 1, 1), 1, 64,
                    "dilation of the binary convs per stage (a dilated stage keeps the resolution)"),
            ParameterDeclaration.integers("transitionGroups", List.of(1), 1, 256,
                    "groups of each transition's 1x1 conv (one value for all, or one per transition)"),
            ParameterDeclaration.integer("channelShuffle", 0, 0, 256,
                    "channel shuffle groups before each transition conv (0 = none; MeliusNet A/B/C use 16)"),
            ParameterDeclaration.integer("channelQuantum", 32, 1, 256,
                    "transition channels are rounded to a multiple of this (BMXNet: 32)"),
            ParameterDeclaration.integer("residual", 0, 0, 64,
                    "binary 3x3 convs with identity shortcuts after the last stage (0 = none)"),
            ParameterDeclaration.shape("input", new InputShape(224, 224, 3), "input image HxWxC"),
            ParameterDeclaration.integer("classes", 1000, 2, 100_000, "number of classes"));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "BinaryDenseNet and MeliusNet: dense blocks (and improvement blocks), 32-bit transitions";
    }

    @Override
    public List<ParameterDeclaration> parameters() {
        return PARAMETERS;
    }

    /** The transition output channels for c input channels and reduction r, as BMXNet computes them. */
    public static int transitionChannels(int c, double reduction, int quantum) {
        double reduced = Math.floor(c / reduction);
        return (int) Math.rint(reduced / quantum) * quantum;
    }

    @Override
    public NetworkSpec build(String name, ParameterValues p) {
        List<Integer> blocks = p.getInts("blocks");
        List<Double> reductions = p.getDoubles("reductions");
        List<Integer> dilations = p.getInts("dilations");
        List<Integer> groups = p.getInts("transitionGroups");
        int stages = blocks.size();
        if (reductions.size() != stages - 1) {
            throw new SpecException(null, "reductions needs " + (stages - 1) + " values (one per transition) for "
                    + stages + " stages, got " + reductions.size());
        }
        if (dilations.size() != stages) {
            throw new SpecException(null, "dilations needs " + stages + " values (one per stage), got " + dilations.size());
        }
        if (groups.size() != 1 && groups.size() != stages - 1) {
            throw new SpecException(null, "transitionGroups needs 1 value or " + (stages - 1) + ", got " + groups.size());
        }
        int growth = p.getInt("growthRate");
        int quantum = p.getInt("channelQuantum");
        boolean improvement = p.getBoolean("improvement");
        InputShape input = p.getShape("input");
        List<Block> list = new ArrayList<>();
        StemBlock.Type stemType = StemBlock.Type.parse("stem", p.getString("stem"));
        list.add(new StemBlock("stem", List.of(NetworkSpec.INPUT), stemType, p.getInt("initFeatures"), true));
        String last = "stem";
        if (p.getBoolean("stemPool")) {
            list.add(new PoolBlock("stem-pool", List.of(last), true, 2, 2, 0));
            last = "stem-pool";
        }
        int channels = p.getInt("initFeatures");
        for (int s = 0; s < stages; s++) {
            int dilation = dilations.get(s);
            for (int b = 0; b < blocks.get(s); b++) {
                String id = "s" + (s + 1) + "b" + (b + 1);
                list.add(new DenseBlock(id + "-dense", List.of(last), growth, dilation));
                last = id + "-dense";
                channels += growth;
                if (improvement) {
                    list.add(new ImprovementBlock(id + "-improve", List.of(last), growth, dilation));
                    last = id + "-improve";
                }
            }
            if (s < stages - 1) {
                int out = transitionChannels(channels, reductions.get(s), quantum);
                TransitionBlock.Pooling pool = dilations.get(s + 1) != 1 ? TransitionBlock.Pooling.NONE
                        : TransitionBlock.Pooling.MAX;
                int g = groups.size() == 1 ? groups.get(0) : groups.get(s);
                String id = "t" + (s + 1);
                list.add(new TransitionBlock(id, List.of(last), out, pool, g, p.getInt("channelShuffle")));
                last = id;
                channels = out;
            }
        }
        for (int r = 0; r < p.getInt("residual"); r++) {
            String id = "r" + (r + 1);
            list.add(new BinaryConvBlock(id + "-conv", List.of(last), channels, 3, 1, dilations.get(stages - 1), 1, true));
            list.add(new ShortcutBlock(id + "-add", List.of(id + "-conv", last), ShortcutBlock.Downsample.IDENTITY, false));
            last = id + "-add";
        }
        list.add(new ClassifierBlock("classifier", List.of(last), p.getInt("classes"), true, true));
        return new NetworkSpec(name, input, Precision.BINARY, list);
    }
}
