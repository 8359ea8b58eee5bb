package org.bnnworkbench.app.designer.edit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bnnworkbench.app.designer.model.Design;
import org.bnnworkbench.app.designer.model.Position;
import org.bnnworkbench.app.designer.model.StageGroup;
import org.bnnworkbench.engine.spec.Block;

/**
 * Removes blocks; inputs that read them become unconnected (the problems panel then says so) and
 * they leave their stage groups. The inverse restores blocks, places, wires and groups exactly.
 */
public record DeleteBlocks(String name, List<String> ids) implements Edit {

    public DeleteBlocks {
        ids = List.copyOf(ids);
    }

    @Override
    public Applied apply(Design design) {
        List<Placed> removed = new ArrayList<>();
        List<Edit> rewires = new ArrayList<>();
        List<Block> kept = new ArrayList<>();
        Map<String, Position> layout = new HashMap<>(design.layout());
        List<Block> blocks = design.blocks();
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (ids.contains(b.id())) {
                removed.add(new Placed(b, i, design.position(b.id())));
                layout.remove(b.id());
            }
        }
        for (Block b : blocks) {
            if (ids.contains(b.id())) {
                continue;
            }
            List<String> inputs = b.inputs().stream().map(in -> ids.contains(in) ? "" : in).toList();
            if (!inputs.equals(b.inputs())) {
                rewires.add(new SetInputs(name, b.id(), b.inputs()));
                kept.add(b.withInputs(inputs));
            } else {
                kept.add(b);
            }
        }
        List<StageGroup> groups = design.groups().stream()
                .map(g -> new StageGroup(g.name(), g.blockIds().stream().filter(id -> !ids.contains(id)).toList(), g.collapsed()))
                .filter(g -> !g.blockIds().isEmpty())
                .toList();
        Design after = design.withBlocks(kept).withLayout(layout).withGroups(groups);
        List<Edit> undo = new ArrayList<>();
        undo.add(new InsertBlocks(name, removed));
        undo.addAll(rewires);
        undo.add(new SetGroups(name, design.groups()));
        return new Applied(after, new CompoundEdit(name, undo));
    }
}
