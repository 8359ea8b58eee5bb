package org.bnnworkbench.app.designer.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bnnworkbench.engine.spec.Block;
import org.bnnworkbench.engine.spec.InputShape;
import org.bnnworkbench.engine.spec.NetworkSpec;
import org.bnnworkbench.engine.spec.Precision;

/**
 * What the designer edits: the network spec plus what only the canvas needs (block positions,
 * stage groups) and, for a template, the family it is an instance of. Immutable: every edit makes
 * a new design, so undo, autosave and background costing can hold one safely.
 */
public record Design(NetworkSpec spec, Map<String, Position> layout, List<StageGroup> groups, FamilyBinding family) {

    public Design {
        layout = Map.copyOf(layout);
        groups = List.copyOf(groups);
    }

    public static Design empty() {
        return new Design(new NetworkSpec("untitled", new InputShape(28, 28, 1), Precision.BINARY, List.of()),
                Map.of(), List.of(), null);
    }

    public List<Block> blocks() {
        return spec.blocks();
    }

    public Optional<Block> block(String id) {
        return spec.blocks().stream().filter(b -> b.id().equals(id)).findFirst();
    }

    public int indexOf(String id) {
        List<Block> blocks = spec.blocks();
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    public Position position(String id) {
        return layout.getOrDefault(id, new Position(0, 0));
    }

    public Design withSpec(NetworkSpec s) {
        return new Design(s, layout, groups, family);
    }

    public Design withBlocks(List<Block> blocks) {
        return new Design(spec.withBlocks(blocks), layout, groups, family);
    }

    public Design withLayout(Map<String, Position> l) {
        return new Design(spec, l, groups, family);
    }

    public Design withGroups(List<StageGroup> g) {
        return new Design(spec, layout, g, family);
    }

    public Design withFamily(FamilyBinding f) {
        return new Design(spec, layout, groups, f);
    }

    /** A block id not used yet, from a stem such as {@code dense}: dense1, dense2, ... */
    public String freshId(String stem) {
        for (int i = 1; ; i++) {
            String id = stem + i;
            if (block(id).isEmpty()) {
                return id;
            }
        }
    }

    /** Blocks that read the given block, with the index of the input that reads it. */
    public List<Map.Entry<String, Integer>> consumers(String id) {
        List<Map.Entry<String, Integer>> list = new ArrayList<>();
        for (Block b : spec.blocks()) {
            for (int k = 0; k < b.inputs().size(); k++) {
                if (b.inputs().get(k).equals(id)) {
                    list.add(Map.entry(b.id(), k));
                }
            }
        }
        return list;
    }

    /** The group a block belongs to, if any. */
    public Optional<StageGroup> groupOf(String id) {
        return groups.stream().filter(g -> g.blockIds().contains(id)).findFirst();
    }

    static Map<String, Position> mutableLayout(Design d) {
        return new LinkedHashMap<>(d.layout);
    }

    static Map<String, Position> copy(Map<String, Position> m) {
        return new HashMap<>(m);
    }
}
