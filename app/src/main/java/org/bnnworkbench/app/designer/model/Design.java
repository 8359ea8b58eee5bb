package org.bnnworkbench.app.designer.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bnnworkbench.engine.spec.Block;
import org.bnnworkbench.engine.spec.InputShape;
import org.bnnworkbench.engine.spec.NetworkSpec;
import org.bnnworkbench.engine.spec.Precision;

/**
 * What the designer edits: the network spec plus what only the canvas needs (block positions,
 * stage groups) and, for a template, the family it is an instance of. Immutable: every edit makes
 * a new design, so undo, autosave and background costing can hold one safely. Blocks are indexed
 * by id once, so looking one up costs the same in a 10-block and a 300-block design.
 */
public final class Design {

    private final NetworkSpec spec;
    private final Map<String, Position> layout;
    private final List<StageGroup> groups;
    private final FamilyBinding family;
    private final Map<String, Integer> index;

    public Design(NetworkSpec spec, Map<String, Position> layout, List<StageGroup> groups, FamilyBinding family) {
        this.spec = Objects.requireNonNull(spec);
        this.layout = Map.copyOf(layout);
        this.groups = List.copyOf(groups);
        this.family = family;
        Map<String, Integer> ids = new HashMap<>();
        List<Block> blocks = spec.blocks();
        for (int i = 0; i < blocks.size(); i++) {
            ids.putIfAbsent(blocks.get(i).id(), i);
        }
        this.index = ids;
    }

    public static Design empty() {
        return new Design(new NetworkSpec("untitled", new InputShape(28, 28, 1), Precision.BINARY, List.of()),
                Map.of(), List.of(), null);
    }

    public NetworkSpec spec() {
        return spec;
    }

    public Map<String, Position> layout() {
        return layout;
    }

    public List<StageGroup> groups() {
        return groups;
    }

    /** The family this design is an instance of, or null for plain blocks. */
    public FamilyBinding family() {
        return family;
    }

    public List<Block> blocks() {
        return spec.blocks();
    }

    public Optional<Block> block(String id) {
        Integer i = index.get(id);
        return i == null ? Optional.empty() : Optional.of(spec.blocks().get(i));
    }

    public int indexOf(String id) {
        return index.getOrDefault(id, -1);
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
            if (!index.containsKey(id)) {
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

    public Optional<StageGroup> group(String name) {
        return groups.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Design d && spec.equals(d.spec) && layout.equals(d.layout) && groups.equals(d.groups)
                && Objects.equals(family, d.family);
    }

    @Override
    public int hashCode() {
        return Objects.hash(spec, layout, groups, family);
    }

    @Override
    public String toString() {
        return "Design[" + spec.name() + ", " + spec.blocks().size() + " blocks, " + groups.size() + " groups"
                + (family == null ? "" : ", family " + family.family()) + "]";
    }
}
