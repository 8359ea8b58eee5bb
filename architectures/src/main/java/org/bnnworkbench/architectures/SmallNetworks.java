package org.bnnworkbench.architectures;

import java.util.ArrayList;
import java.util.List;
import org.bnnworkbench.engine.spec.BinaryConvBlock;
import org.bnnworkbench.engine.spec.Block;
import org.bnnworkbench.engine.spec.ClassifierBlock;
import org.bnnworkbench.engine.spec.DenseBlock;
import org.bnnworkbench.engine.spec.InputShape;
import org.bnnworkbench.engine.spec.NetworkSpec;
import org.bnnworkbench.engine.spec.PoolBlock;
import org.bnnworkbench.engine.spec.Precision;
import org.bnnworkbench.engine.spec.ShortcutBlock;
import org.bnnworkbench.engine.spec.StemBlock;
import org.bnnworkbench.engine.spec.TransitionBlock;

/**
 * The two reference networks that train in minutes on a laptop: {@code bnn-small}, a BNN for 28x28
 * or 32x32 inputs with a 32-bit stem, two dense-block layers (concat), a 32-bit transition and two
 * binary convs with residual shortcuts, and a 32-bit classifier; and {@code fp-small}, its
 * full-precision twin (same shapes, 32-bit convs, ReLU instead of sign).
 */
public final class SmallNetworks {

    private SmallNetworks() {
    }

    public static NetworkSpec bnnSmall(InputShape input, int classes) {
        List<Block> b = new ArrayList<>();
        b.add(new StemBlock("stem", List.of(NetworkSpec.INPUT), StemBlock.Type.SMALL, 64, true));
        b.add(new PoolBlock("pool", List.of("stem"), true, 2, 2, 0));
        b.add(new DenseBlock("dense1", List.of("pool"), 64, 1));
        b.add(new DenseBlock("dense2", List.of("dense1"), 64, 1));
        b.add(new TransitionBlock("transition", List.of("dense2"), 128, TransitionBlock.Pooling.MAX, 1, 0));
        b.add(new BinaryConvBlock("conv1", List.of("transition"), 128, 3, 1, 1, 1, true));
        b.add(new ShortcutBlock("res1", List.of("conv1", "transition"), ShortcutBlock.Downsample.IDENTITY, false));
        b.add(new BinaryConvBlock("conv2", List.of("res1"), 128, 3, 1, 1, 1, true));
        b.add(new ShortcutBlock("res2", List.of("conv2", "res1"), ShortcutBlock.Downsample.IDENTITY, false));
        b.add(new ClassifierBlock("classifier", List.of("res2"), classes, true, true));
        return new NetworkSpec("bnn-small", input, Precision.BINARY, b);
    }

    public static NetworkSpec fpSmall(InputShape input, int classes) {
        return bnnSmall(input, classes).fullPrecisionTwin().withName("fp-small");
    }
}
