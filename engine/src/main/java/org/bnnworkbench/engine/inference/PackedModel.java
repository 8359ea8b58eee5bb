package org.bnnworkbench.engine.inference;

import java.util.List;
import org.bnnworkbench.engine.data.Normalization;

/**
 * An exported binary network: nodes in topological order (node 0 is the input, the last node gives the
 * class scores), each an operation and the indices of the nodes it reads. Made by {@link PackedModelExport},
 * stored and loaded by {@link PackedModelFormat}, run by {@link PackedInference}.
 *
 * @param normalization how raw images are normalised before node 0, or null when the caller does it
 */
public record PackedModel(String name, Normalization normalization, List<Node> nodes) {

    /** One operation and its inputs. */
    public record Node(PackedOp op, int[] inputs) {
    }

    public PackedModel {
        nodes = List.copyOf(nodes);
        if (nodes.isEmpty() || !(nodes.get(0).op() instanceof PackedOp.Input)) {
            throw new IllegalArgumentException("a packed model starts with its input node");
        }
        for (int i = 1; i < nodes.size(); i++) {
            for (int in : nodes.get(i).inputs()) {
                if (in < 0 || in >= i) {
                    throw new IllegalArgumentException("node " + i + " reads node " + in + ", which is not before it");
                }
            }
        }
    }

    public PackedOp.Input input() {
        return (PackedOp.Input) nodes.get(0).op();
    }
}
