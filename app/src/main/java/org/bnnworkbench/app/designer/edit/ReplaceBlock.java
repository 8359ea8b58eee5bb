package org.bnnworkbench.app.designer.edit;

import java.util.List;
import org.bnnworkbench.app.designer.model.Design;
import org.bnnworkbench.engine.spec.Block;

/** Replaces a block by another with the same id (a parameter change). */
public record ReplaceBlock(String name, Block replacement) implements Edit {

    @Override
    public Applied apply(Design design) {
        Block old = design.block(replacement.id())
                .orElseThrow(() -> new IllegalArgumentException("no block '" + replacement.id() + "'"));
        List<Block> blocks = design.blocks().stream().map(b -> b.id().equals(replacement.id()) ? replacement : b).toList();
        return new Applied(design.withBlocks(blocks), new ReplaceBlock(name, old));
    }
}
