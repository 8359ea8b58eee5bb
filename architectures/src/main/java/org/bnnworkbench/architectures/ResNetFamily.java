package org.bnnworkbench.architectures;

import java.util.ArrayList;
import java.util.List;
import org.bnnworkbench.engine.param.ParameterDeclaration;
import org.bnnworkbench.engine.param.ParameterValues;
import org.bnnworkbench.engine.spec.BinaryConvBlock;
import org.bnnworkbench.engine.spec.Block;
import org.bnnworkbench.engine.spec.ClassifierBlock;
import org.bnnworkbench.engine.spec.InputShape;
import org.bnnworkbench.engine.spec.NetworkSpec;
import org.bnnworkbench.engine.spec.NormBlock;
import org.bnnworkbench.engine.spec.PoolBlock;
import org.bnnworkbench.engine.spec.Precision;
import org.bnnworkbench.engine.spec.ShortcutBlock;
import org.bnnworkbench.engine.spec.StemBlock;

/**
 * ResNetE (Bethge et al. 2019, BMXNet {@code resnet_e.py}) and Bi-Real Net (Liu et al. 2018): a
 * shortcut around every binary 3x3 conv (sign - binary conv - BN). Stages double the width and
 * halve the resolution with a stride-2 conv; the shortcut then down-samples by avg-pool - 32-bit
 * 1x1 conv - BN ({@code fpDownsample}) or by a binary 1x1 conv. {@code style} picks the details:
 * ResNetE normalises the image and the stem output and has a ReLU before pooling in the head;
 * Bi-Real's stem has no ReLU and its head no ReLU. (Bi-Real's ApproxSign and scaled weights are
 * training options: {@code --estimator approx --scaling}.)
 */
public final class ResNetFamily implements Family {

    public static final String NAME = "resnete";

    private static final List<ParameterDeclaration> PARAMETERS = List.of(
            ParameterDeclaration.choice("style", "resnete", List.of("resnete", "birealnet"),
                    "ResNetE (BMXNet) or Bi-Real Net details of stem and head"),
            ParameterDeclaration.choice("stem", "imagenet", List.of("imagenet", "grouped", "small"),
                    "first layers: 7x7 ImageNet stem, 3-conv grouped stem, or 3x3 stem for small inputs"),
            ParameterDeclaration.bool("stemPool", false, "max-pool 2x2 after the stem (small inputs)"),
            ParameterDeclaration.integers("blocks", List.of(4, 4, 4, 4), 1, 64,
                    "binary convs per stage, each with its own shortcut (18 layers: 4,4,4,4; 34: 6,8,12,6)"),
            ParameterDeclaration.integer("width", 64, 1, 4096, "channels of the first stage (doubled per stage)"),
            ParameterDeclaration.bool("fpDownsample", true,
                    "down-sampling shortcuts are avg-pool + 32-bit 1x1 conv (else a binary 1x1 conv)"),
            ParameterDeclaration.shape("input", new InputShape(224, 224, 3), "input image HxWxC"),
            ParameterDeclaration.integer("classes", 1000, 2, 100_000, "number of classes"));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "ResNetE and Bi-Real Net: a shortcut around every binary conv";
    }

    @Override
    public List<ParameterDeclaration> parameters() {
        return PARAMETERS;
    }

    @Override
    public NetworkSpec build(String name, ParameterValues p) {
        boolean bireal = p.getString("style").equals("birealnet");
        int width = p.getInt("width");
        List<Block> list = new ArrayList<>();
        String last = NetworkSpec.INPUT;
        if (!bireal) {
            list.add(new NormBlock("input-bn", List.of(last), false));
            last = "input-bn";
        }
        StemBlock.Type stem = StemBlock.Type.parse("stem", p.getString("stem"));
        list.add(new StemBlock("stem", List.of(last), stem, width, !bireal));
        last = "stem";
        if (p.getBoolean("stemPool")) {
            list.add(new PoolBlock("stem-pool", List.of(last), true, 2, 2, 0));
            last = "stem-pool";
        }
        if (!bireal) {
            list.add(new NormBlock("stem-bn", List.of(last), false));
            last = "stem-bn";
        }
        ShortcutBlock.Downsample down = p.getBoolean("fpDownsample") ? ShortcutBlock.Downsample.FP
                : ShortcutBlock.Downsample.BINARY;
        List<Integer> blocks = p.getInts("blocks");
        int channels = width;
        for (int s = 0; s < blocks.size(); s++) {
            if (s > 0) {
                channels *= 2;
            }
            for (int b = 0; b < blocks.get(s); b++) {
                String id = "s" + (s + 1) + "b" + (b + 1);
                int stride = s > 0 && b == 0 ? 2 : 1;
                list.add(new BinaryConvBlock(id + "-conv", List.of(last), channels, 3, stride, 1, 1, false));
                ShortcutBlock.Downsample d = stride > 1 ? down : ShortcutBlock.Downsample.IDENTITY;
                list.add(new ShortcutBlock(id + "-add", List.of(id + "-conv", last), d, false));
                last = id + "-add";
            }
        }
        list.add(new ClassifierBlock("classifier", List.of(last), p.getInt("classes"), false, !bireal));
        return new NetworkSpec(name, p.getShape("input"), Precision.BINARY, list);
    }
}
