package org.bnnworkbench.engine.cost;

import java.util.ArrayList;
import java.util.List;
import org.bnnworkbench.engine.kernel.ConvGeometry;
import org.bnnworkbench.engine.spec.Block;
import org.bnnworkbench.engine.spec.FeatureShape;
import org.bnnworkbench.engine.spec.NetworkSpec;
import org.bnnworkbench.engine.spec.Op;
import org.bnnworkbench.engine.spec.OpNode;
import org.bnnworkbench.engine.spec.ResolvedNetwork;
import org.bnnworkbench.engine.spec.SpecException;

/**
 * Counts parameters, size and operations from a spec's primitive operations (the same list the
 * compiler builds layers from), as described in {@link CostConvention}. Custom designs are costed
 * by the same code as the published networks: there are no lookups.
 */
public final class CostModel {

    private CostModel() {
    }

    public static NetworkCost of(NetworkSpec spec, CostConvention convention) {
        return of(spec.resolve(), convention);
    }

    public static NetworkCost of(ResolvedNetwork resolved, CostConvention convention) {
        List<LayerCost> layers = new ArrayList<>();
        long binary = 0;
        long fp = 0;
        long flops = 0;
        long bops = 0;
        long activations = 0;
        for (Block block : resolved.order()) {
            List<OpNode> ops = resolved.ops(block.id());
            if (ops == null) {
                continue; // an unresolved block of an invalid spec (see NetworkSpec.analyze)
            }
            for (OpNode node : ops) {
                LayerCost cost = cost(block, node, convention);
                layers.add(cost);
                try {
                    // every op fits one engine tensor, but a network of huge ops can still exceed a long
                    binary = Math.addExact(binary, cost.binaryParams());
                    fp = Math.addExact(fp, cost.fpParams());
                    flops = Math.addExact(flops, cost.flops());
                    bops = Math.addExact(bops, cost.bops());
                    activations = Math.addExact(activations, cost.activationBytes());
                    Math.addExact(Math.multiplyExact(fp, 4), binary / 8 + 1); // modelSizeBytes() must fit too
                } catch (ArithmeticException e) {
                    throw new SpecException(block.id(), "the network is too large to count: its parameters or"
                            + " operations exceed " + Long.MAX_VALUE);
                }
            }
        }
        return new NetworkCost(resolved.spec().name(), convention, binary, fp, flops, bops, activations,
                List.copyOf(layers));
    }

    static LayerCost cost(Block block, OpNode node, CostConvention convention) {
        FeatureShape out = node.output();
        long plane = (long) out.height() * out.width();
        Op op = node.op();
        long binaryParams = 0;
        long fpParams = 0;
        long flops = 0;
        long bops = 0;
        String kind;
        if (op instanceof Op.Conv c) {
            ConvGeometry g = c.geometry();
            long weights = (long) g.outChannels() * g.patchSize();
            long macs = weights * plane;
            if (c.binary()) {
                kind = "binary-conv";
                binaryParams = weights;
                bops = macs;
            } else {
                kind = "conv";
                fpParams = weights + (c.bias() ? g.outChannels() : 0);
                flops = macs;
            }
        } else if (op instanceof Op.BatchNorm b) {
            kind = "batchnorm";
            fpParams = 2L * b.channels();
        } else if (op instanceof Op.Dense d) {
            kind = "dense";
            fpParams = ((long) d.in() + 1) * d.out();
            flops = convention == CostConvention.LARQ ? (long) d.in() * d.out() : 0;
        } else {
            kind = kindOf(op);
        }
        long bytes = op instanceof Op.Sign ? (out.size() + 7) / 8 : out.size() * 4;
        return new LayerCost(node.name(), block.id(), kind, out, binaryParams, fpParams, flops, bops, bytes);
    }

    private static String kindOf(Op op) {
        if (op instanceof Op.Relu) {
            return "relu";
        } else if (op instanceof Op.Sign) {
            return "sign";
        } else if (op instanceof Op.MaxPool) {
            return "max-pool";
        } else if (op instanceof Op.AvgPool) {
            return "avg-pool";
        } else if (op instanceof Op.GlobalAvgPool) {
            return "global-avg-pool";
        } else if (op instanceof Op.ChannelShuffle) {
            return "channel-shuffle";
        } else if (op instanceof Op.Concat) {
            return "concat";
        } else if (op instanceof Op.SliceAdd) {
            return "slice-add";
        } else if (op instanceof Op.Add) {
            return "add";
        }
        return op.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }
}
