package org.bnnworkbench.architectures;

import java.util.ArrayList;
import java.util.List;
import org.bnnworkbench.engine.param.ParameterDeclaration;
import org.bnnworkbench.engine.param.ParameterValues;
import org.bnnworkbench.engine.spec.Block;
import org.bnnworkbench.engine.spec.ClassifierBlock;
import org.bnnworkbench.engine.spec.ConvBlock;
import org.bnnworkbench.engine.spec.InputShape;
import org.bnnworkbench.engine.spec.NetworkSpec;
import org.bnnworkbench.engine.spec.Precision;
import org.bnnworkbench.engine.spec.ShortcutBlock;
import org.bnnworkbench.engine.spec.StemBlock;

/**
 * The 32-bit ResNet of He et al. 2016 (torchvision's definition): basic blocks of conv 3x3 - BN -
 * ReLU - conv 3x3 - BN plus shortcut, then ReLU; down-sampling shortcuts are a strided 1x1 conv -
 * BN. ResNet-18 is blocks 2,2,2,2 and ResNet-34 3,4,6,3 basic blocks.
 */
public final class FullPrecisionResNetFamily implements Family {

    public static final String NAME = "resnet";

    private static final List<ParameterDeclaration> PARAMETERS = List.of(
            ParameterDeclaration.choice("stem", "imagenet", List.of("imagenet", "grouped", "small"),
                    "first layers: 7x7 ImageNet stem, 3-conv grouped stem, or 3x3 stem for small inputs"),
            ParameterDeclaration.integers("blocks", List.of(2, 2, 2, 2), 1, 64, "basic blocks (two convs each) per stage"),
            ParameterDeclaration.integer("width", 64, 1, 4096, "channels of the first stage (doubled per stage)"),
            ParameterDeclaration.shape("input", new InputShape(224, 224, 3), "input image HxWxC"),
            ParameterDeclaration.integer("classes", 1000, 2, 100_000, "number of classes"));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "the 32-bit ResNet baseline (He et al. 2016)";
    }

    @Override
    public List<ParameterDeclaration> parameters() {
        return PARAMETERS;
    }

    @Override
    public NetworkSpec build(String name, ParameterValues p) {
        List<Block> list = new ArrayList<>();
        int width = p.getInt("width");
        StemBlock.Type stem = StemBlock.Type.parse("stem", p.getString("stem"));
        list.add(new StemBlock("stem", List.of(NetworkSpec.INPUT), stem, width, true));
        String last = "stem";
        int channels = width;
        List<Integer> blocks = p.getInts("blocks");
        for (int s = 0; s < blocks.size(); s++) {
            if (s > 0) {
                channels *= 2;
            }
            for (int b = 0; b < blocks.get(s); b++) {
                String id = "s" + (s + 1) + "b" + (b + 1);
                int stride = s > 0 && b == 0 ? 2 : 1;
                list.add(new ConvBlock(id + "-conv1", List.of(last), channels, 3, stride, 1, 1, 1, true, true, false));
                list.add(new ConvBlock(id + "-conv2", List.of(id + "-conv1"), channels, 3, 1, 1, 1, 1, true, false, false));
                ShortcutBlock.Downsample d = stride > 1 ? ShortcutBlock.Downsample.CONV : ShortcutBlock.Downsample.IDENTITY;
                list.add(new ShortcutBlock(id + "-add", List.of(id + "-conv2", last), d, true));
                last = id + "-add";
            }
        }
        list.add(new ClassifierBlock("classifier", List.of(last), p.getInt("classes"), false, false));
        return new NetworkSpec(name, p.getShape("input"), Precision.FULL, list);
    }
}
