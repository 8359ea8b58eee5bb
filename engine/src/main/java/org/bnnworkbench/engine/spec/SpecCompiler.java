package org.bnnworkbench.engine.spec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bnnworkbench.engine.binary.BinaryConv2d;
import org.bnnworkbench.engine.binary.BinaryOptions;
import org.bnnworkbench.engine.binary.SignActivation;
import org.bnnworkbench.engine.graph.Network;
import org.bnnworkbench.engine.nn.Add;
import org.bnnworkbench.engine.nn.AvgPool2d;
import org.bnnworkbench.engine.nn.BatchNorm;
import org.bnnworkbench.engine.nn.ChannelShuffle;
import org.bnnworkbench.engine.nn.Concat;
import org.bnnworkbench.engine.nn.Conv2d;
import org.bnnworkbench.engine.nn.Dense;
import org.bnnworkbench.engine.nn.GlobalAvgPool;
import org.bnnworkbench.engine.nn.Layer;
import org.bnnworkbench.engine.nn.MaxPool2d;
import org.bnnworkbench.engine.nn.Merge;
import org.bnnworkbench.engine.nn.ReLU;
import org.bnnworkbench.engine.nn.SliceAdd;

/**
 * Turns a valid spec into a trainable {@link Network}: one network node per primitive op, weights
 * initialised from the given random source in op order (so a seed fixes the initial weights).
 */
public final class SpecCompiler {

    private SpecCompiler() {
    }

    public static Network compile(NetworkSpec spec, BinaryOptions options, Random rng) {
        ResolvedNetwork resolved = spec.resolve();
        Network.Builder builder = Network.builder();
        Map<String, Integer> blockNode = new HashMap<>();
        blockNode.put(NetworkSpec.INPUT, builder.input());
        for (Block block : resolved.order()) {
            List<OpNode> ops = resolved.ops(block.id());
            int[] local = new int[ops.size()];
            for (int i = 0; i < ops.size(); i++) {
                OpNode op = ops.get(i);
                int[] from = new int[op.inputs().length];
                for (int k = 0; k < from.length; k++) {
                    int ref = op.inputs()[k];
                    from[k] = ref >= 0 ? local[ref] : blockNode.get(block.inputs().get(-1 - ref));
                }
                if (op.op().isMerge()) {
                    local[i] = builder.merge(op.name(), merge(op.op()), from);
                } else {
                    boolean fromImage = from[0] == builder.input();
                    local[i] = builder.layer(op.name(), layer(op, options, fromImage, rng), from[0]);
                }
            }
            blockNode.put(block.id(), local[ops.size() - 1]);
        }
        return builder.build(blockNode.get(resolved.classifier().id()));
    }

    private static Merge merge(Op op) {
        if (op instanceof Op.Concat) {
            return new Concat();
        }
        if (op instanceof Op.SliceAdd) {
            return new SliceAdd();
        }
        if (op instanceof Op.Add) {
            return new Add();
        }
        throw new IllegalArgumentException("not a merge: " + op);
    }

    private static Layer layer(OpNode node, BinaryOptions options, boolean fromImage, Random rng) {
        Op op = node.op();
        if (op instanceof Op.Conv c) {
            return c.binary()
                    ? new BinaryConv2d(node.name(), c.geometry(), options.clip(), options.scaling(), options.padValue(), rng)
                    : new Conv2d(node.name(), c.geometry(), c.bias(), !fromImage, rng);
        }
        if (op instanceof Op.BatchNorm b) {
            return new BatchNorm(node.name(), b.channels());
        }
        if (op instanceof Op.Relu) {
            return new ReLU();
        }
        if (op instanceof Op.Sign) {
            return new SignActivation(options.estimator());
        }
        if (op instanceof Op.MaxPool p) {
            return new MaxPool2d(p.kernel(), p.stride(), p.padding());
        }
        if (op instanceof Op.AvgPool p) {
            return new AvgPool2d(p.kernel(), p.stride(), p.padding());
        }
        if (op instanceof Op.GlobalAvgPool) {
            return new GlobalAvgPool();
        }
        if (op instanceof Op.Dense d) {
            return new Dense(node.name(), d.in(), d.out(), rng);
        }
        if (op instanceof Op.ChannelShuffle s) {
            return new ChannelShuffle(s.groups());
        }
        throw new IllegalArgumentException("no layer for " + op);
    }
}
