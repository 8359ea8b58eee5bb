package org.bnnworkbench.app.designer.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bnnworkbench.app.designer.model.Design;
import org.bnnworkbench.app.designer.model.Position;
import org.bnnworkbench.engine.spec.Block;

/** Adds blocks at given list positions (ascending) and canvas positions. */
public record InsertBlocks(String name, List<Placed> placed) implements Edit {

    public InsertBlocks {
        placed = List.copyOf(placed);
    }

    @Override
    public Applied apply(Design design) {
        List<Block> blocks = new ArrayList<>(design.blocks());
        Map<String, Position> layout = new java.util.HashMap<>(design.layout());
        List<String> ids = new ArrayList<>();
        for (Placed p : placed) {
            if (design.block(p.block().id()).isPresent() || ids.contains(p.block().id())) {
                throw new IllegalArgumentException("a block named '" + p.block().id() + "' exists already");
            }
            int at = p.index() < 0 || p.index() > blocks.size() ? blocks.size() : p.index();
            blocks.add(at, p.block());
            layout.put(p.block().id(), p.position());
            ids.add(p.block().id());
        }
        return new Applied(design.withBlocks(blocks).withLayout(layout), new DeleteBlocks(name, ids));
    }
}
