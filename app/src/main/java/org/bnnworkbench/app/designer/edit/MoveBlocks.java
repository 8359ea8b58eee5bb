package org.bnnworkbench.app.designer.edit;

import java.util.HashMap;
import java.util.Map;
import org.bnnworkbench.app.designer.model.Design;
import org.bnnworkbench.app.designer.model.Position;

/** Puts blocks at new canvas positions. */
public record MoveBlocks(String name, Map<String, Position> positions) implements Edit {

    public MoveBlocks {
        positions = Map.copyOf(positions);
    }

    @Override
    public Applied apply(Design design) {
        Map<String, Position> layout = new HashMap<>(design.layout());
        Map<String, Position> old = new HashMap<>();
        positions.forEach((id, p) -> {
            old.put(id, design.position(id));
            layout.put(id, p);
        });
        return new Applied(design.withLayout(layout), new MoveBlocks(name, old));
    }
}
