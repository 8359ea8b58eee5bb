package org.bnnworkbench.engine.inference;

import java.util.ArrayList;
import java.util.List;
import org.bnnworkbench.engine.binary.BinaryConv2d;
import org.bnnworkbench.engine.binary.SignActivation;
import org.bnnworkbench.engine.data.Normalization;
import org.bnnworkbench.engine.graph.Network;
import org.bnnworkbench.engine.kernel.binary.PackedWeights;
import org.bnnworkbench.engine.nn.BatchNorm;
import org.bnnworkbench.engine.nn.Conv2d;
import org.bnnworkbench.engine.nn.Dense;
import org.bnnworkbench.engine.nn.Layer;
import org.bnnworkbench.engine.nn.Param;
import org.bnnworkbench.engine.spec.Block;
import org.bnnworkbench.engine.spec.NetworkSpec;
import org.bnnworkbench.engine.spec.Op;
import org.bnnworkbench.engine.spec.OpNode;
import org.bnnworkbench.engine.spec.ResolvedNetwork;

/**
 * Exports a trained {@link Network} compiled from a spec ({@code SpecCompiler} makes one network node per
 * primitive op, in the spec's op order) to a {@link PackedModel}: binary conv weights as their signs in
 * bits, BatchNorm folded to a scale and a shift, and a BatchNorm whose only reader is a sign fused with it
 * into one exact threshold comparison per channel ({@link SignThresholds}). 32-bit layers keep their float weights.
 * The model holds copies: later training does not change it.
 */
public final class PackedModelExport {

    private PackedModelExport() {
    }

    public static PackedModel export(NetworkSpec spec, Network network, Normalization normalization) {
        ResolvedNetwork resolved = spec.resolve();
        List<OpNode> ops = new ArrayList<>();
        for (Block block : resolved.order()) {
            ops.addAll(resolved.ops(block.id()));
        }
        List<Network.Node> nodes = network.nodes();
        if (nodes.size() != ops.size() + 1) {
            throw new IllegalArgumentException("network has " + (nodes.size() - 1) + " nodes, spec " + spec.name()
                    + " has " + ops.size() + " ops: not compiled from this spec");
        }
        int[] readers = new int[nodes.size()];
        for (Network.Node node : nodes) {
            for (int in : node.inputs()) {
                readers[in]++;
            }
        }
        var input = spec.input();
        List<PackedModel.Node> out = new ArrayList<>();
        out.add(new PackedModel.Node(new PackedOp.Input(input.channels(), input.height(), input.width()), new int[0]));
        int[] at = new int[nodes.size()]; // packed index of each network node, -1 when fused into its reader
        for (int i = 1; i < nodes.size(); i++) {
            Network.Node node = nodes.get(i);
            Op op = ops.get(i - 1).op();
            if (!node.name().equals(ops.get(i - 1).name())) {
                throw new IllegalArgumentException("network node " + node.name() + " does not match op "
                        + ops.get(i - 1).name());
            }
            int[] inputs = node.inputs();
            PackedOp packed;
            int[] from;
            if (node.layer() instanceof BatchNorm && readers[i] == 1 && readsOnlySign(nodes, i)) {
                at[i] = -1; // folded into the sign that reads it
                continue;
            }
            if (node.layer() instanceof SignActivation) {
                int source = inputs[0];
                int groups = binaryReaderGroups(nodes, i);
                Network.Node sourceNode = nodes.get(source);
                if (at[source] == -1 && sourceNode.layer() instanceof BatchNorm bn) {
                    packed = PackedOp.SignThreshold.fused(bn.evaluationScale(), bn.evaluationShift(), groups);
                    from = new int[] {at[sourceNode.inputs()[0]]};
                } else {
                    packed = PackedOp.SignThreshold.plain(ops.get(i - 1).output().channels(), groups);
                    from = new int[] {at[source]};
                }
            } else {
                packed = convert(node, op);
                from = new int[inputs.length];
                for (int k = 0; k < inputs.length; k++) {
                    from[k] = at[inputs[k]];
                }
            }
            at[i] = out.size();
            out.add(new PackedModel.Node(packed, from));
        }
        return new PackedModel(spec.name(), normalization, out);
    }

    private static boolean readsOnlySign(List<Network.Node> nodes, int index) {
        for (Network.Node node : nodes) {
            for (int in : node.inputs()) {
                if (in == index && !(node.layer() instanceof SignActivation)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The groups of the binary convolution that reads a sign (1 when none does). */
    private static int binaryReaderGroups(List<Network.Node> nodes, int index) {
        for (Network.Node node : nodes) {
            if (node.layer() instanceof BinaryConv2d conv && node.inputs()[0] == index) {
                return conv.geometry().groups();
            }
        }
        return 1;
    }

    private static PackedOp convert(Network.Node node, Op op) {
        Layer layer = node.layer();
        if (op instanceof Op.Conv c) {
            if (c.binary()) {
                BinaryConv2d conv = (BinaryConv2d) layer;
                return new PackedOp.BinaryConv(PackedWeights.of(conv.weight().value().data(), c.geometry()),
                        conv.padValue(), conv.scales());
            }
            Conv2d conv = (Conv2d) layer;
            List<Param> params = conv.params();
            float[] bias = params.size() > 1 ? params.get(1).value().data().clone() : null;
            return new PackedOp.FloatConv(c.geometry(), conv.weight().value().data().clone(), bias);
        }
        if (op instanceof Op.BatchNorm) {
            BatchNorm bn = (BatchNorm) layer;
            return new PackedOp.Affine(bn.evaluationScale(), bn.evaluationShift());
        }
        if (op instanceof Op.Dense d) {
            List<Param> params = ((Dense) layer).params();
            return new PackedOp.Dense(d.in(), d.out(), params.get(0).value().data().clone(),
                    params.get(1).value().data().clone());
        }
        if (op instanceof Op.Relu) {
            return new PackedOp.Relu();
        }
        if (op instanceof Op.MaxPool p) {
            return new PackedOp.MaxPool(p.kernel(), p.stride(), p.padding());
        }
        if (op instanceof Op.AvgPool p) {
            return new PackedOp.AvgPool(p.kernel(), p.stride(), p.padding());
        }
        if (op instanceof Op.GlobalAvgPool) {
            return new PackedOp.GlobalAvgPool();
        }
        if (op instanceof Op.ChannelShuffle s) {
            return new PackedOp.ChannelShuffle(s.groups());
        }
        if (op instanceof Op.Concat) {
            return new PackedOp.Concat();
        }
        if (op instanceof Op.SliceAdd) {
            return new PackedOp.SliceAdd();
        }
        if (op instanceof Op.Add) {
            return new PackedOp.Add();
        }
        throw new IllegalArgumentException("cannot export " + op);
    }
}
