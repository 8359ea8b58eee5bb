package org.bnnworkbench.app.designer.edit;

import java.util.List;
import org.bnnworkbench.app.designer.model.Design;
import org.bnnworkbench.engine.spec.Block;

/** Rewires one block: its inputs become the given block ids ("" = unconnected). */
public record SetInputs(String name, String blockId, List<String> inputs) implements Edit {

    public SetInputs {
        inputs = List.copyOf(inputs);
    }

    @Override
    public Applied apply(Design design) {
        Block old = design.block(blockId).orElseThrow(() -> new IllegalArgumentException("no block '" + blockId + "'"));
        List<Block> blocks = design.blocks().stream().map(b -> b.id().equals(blockId) ? b.withInputs(inputs) : b).toList();
        return new Applied(design.withBlocks(blocks), new SetInputs(name, blockId, old.inputs()));
    }
}
