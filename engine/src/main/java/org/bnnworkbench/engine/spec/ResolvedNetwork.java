package org.bnnworkbench.engine.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A spec with everything inferred: blocks in dependency order, each block's output shape and its
 * expansion into primitive operations. From {@link NetworkSpec#resolve()} it is complete; from
 * {@link NetworkSpec#analyze()} of an invalid spec, blocks that could not be resolved have no
 * shape and no expansion, and the classifier may be null.
 */
public record ResolvedNetwork(NetworkSpec spec, List<Block> order, Map<String, FeatureShape> shapes,
                              Map<String, List<OpNode>> expansions, ClassifierBlock classifier) {

    public FeatureShape outputShape(String blockId) {
        return shapes.get(blockId);
    }

    public List<OpNode> ops(String blockId) {
        return expansions.get(blockId);
    }

    /** Every primitive op of the network, in execution order. */
    public List<OpNode> allOps() {
        List<OpNode> all = new ArrayList<>();
        for (Block b : order) {
            all.addAll(expansions.getOrDefault(b.id(), List.of()));
        }
        return all;
    }

    /** The shape feeding op input {@code ref} of block {@code b} (see {@link OpNode#inputs()}). */
    public FeatureShape inputShape(Block b, List<OpNode> ops, int ref) {
        if (ref >= 0) {
            return ops.get(ref).output();
        }
        return shapes.get(b.inputs().get(-1 - ref));
    }
}
