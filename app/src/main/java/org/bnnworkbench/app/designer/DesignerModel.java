package org.bnnworkbench.app.designer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.bnnworkbench.app.designer.edit.CompoundEdit;
import org.bnnworkbench.app.designer.edit.DeleteBlocks;
import org.bnnworkbench.app.designer.edit.Edit;
import org.bnnworkbench.app.designer.edit.EditHistory;
import org.bnnworkbench.app.designer.edit.InsertBlocks;
import org.bnnworkbench.app.designer.edit.MoveBlocks;
import org.bnnworkbench.app.designer.edit.Placed;
import org.bnnworkbench.app.designer.edit.ReplaceBlock;
import org.bnnworkbench.app.designer.edit.ReplaceDesign;
import org.bnnworkbench.app.designer.edit.SetGroups;
import org.bnnworkbench.app.designer.edit.SetInputs;
import org.bnnworkbench.app.designer.model.AutoLayout;
import org.bnnworkbench.app.designer.model.Design;
import org.bnnworkbench.app.designer.model.DesignAnalysis;
import org.bnnworkbench.app.designer.model.Position;
import org.bnnworkbench.app.designer.model.PublishedComparison;
import org.bnnworkbench.app.designer.model.StageGroup;
import org.bnnworkbench.engine.spec.Block;
import org.bnnworkbench.engine.spec.BlockKind;
import org.bnnworkbench.engine.spec.BlockKinds;
import org.bnnworkbench.engine.spec.NetworkSpec;

/**
 * The designer's view model: the current design, the selection, undo and redo, the file it
 * belongs to, and the analysis (problems, shapes, costs) of the latest design. Every change goes
 * through {@link #perform} as an undoable {@link Edit}. Analyses run on a background executor;
 * only the result for the newest design is published (latest edit wins). Views bind to the
 * read-only properties; they never change the design themselves.
 */
public final class DesignerModel {

    public static final int HISTORY_LIMIT = 200;

    private final Executor background;
    private final Executor fx;
    private final EditHistory history = new EditHistory(HISTORY_LIMIT);
    private final ReadOnlyObjectWrapper<Design> design = new ReadOnlyObjectWrapper<>(Design.empty());
    private final ReadOnlyObjectWrapper<DesignAnalysis> analysis = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper undoName = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper redoName = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Set<String>> selection = new ReadOnlyObjectWrapper<>(Set.of());
    private final ReadOnlyBooleanWrapper clipboardEmpty = new ReadOnlyBooleanWrapper(true);
    private final AtomicLong revision = new AtomicLong();
    private volatile PublishedComparison published;
    private List<Block> clipboard = List.of();
    private Map<String, Position> clipboardLayout = Map.of();

    /**
     * @param background where analyses run (a single worker thread in the app, the calling thread in tests)
     * @param fx         where results are published (Platform::runLater in the app)
     */
    public DesignerModel(Executor background, Executor fx) {
        this.background = background;
        this.fx = fx;
        analyse();
    }

    public ReadOnlyObjectProperty<Design> designProperty() {
        return design.getReadOnlyProperty();
    }

    public Design design() {
        return design.get();
    }

    public ReadOnlyObjectProperty<DesignAnalysis> analysisProperty() {
        return analysis.getReadOnlyProperty();
    }

    /** True once the analysis of the current design has been published (read by tests and the measurement harness). */
    public boolean isAnalysisCurrent() {
        DesignAnalysis a = analysis.get();
        return a != null && a.revision() == revision.get();
    }

    public ReadOnlyStringProperty undoNameProperty() {
        return undoName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoNameProperty() {
        return redoName.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** The selected block ids (an unmodifiable set in selection order), replaced as a whole on every change. */
    public ReadOnlyObjectProperty<Set<String>> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    public Set<String> selection() {
        return selection.get();
    }

    public ReadOnlyBooleanProperty clipboardEmptyProperty() {
        return clipboardEmpty.getReadOnlyProperty();
    }

    // ---- edits ------------------------------------------------------------------------------

    public void perform(Edit edit) {
        setDesign(history.perform(design.get(), edit));
    }

    public void undo() {
        if (history.canUndo()) {
            setDesign(history.undo(design.get()));
        }
    }

    public void redo() {
        if (history.canRedo()) {
            setDesign(history.redo(design.get()));
        }
    }

    /**
     * Performs an edit of the blocks themselves. A family instance is expanded into plain blocks
     * first, in the same undoable step: the user edits what they see, and undo brings the family back.
     */
    private void performOnBlocks(Edit edit) {
        Design d = design.get();
        if (d.family() != null) {
            perform(new CompoundEdit(edit.name(), List.of(new ReplaceDesign("Expand into blocks", d.withFamily(null)), edit)));
        } else {
            perform(edit);
        }
    }

    private void setDesign(Design d) {
        design.set(d);
        if (selection.get().stream().anyMatch(id -> d.block(id).isEmpty())) {
            select(selection.get().stream().filter(id -> d.block(id).isPresent()).toList());
        }
        undoName.set(history.undoName());
        redoName.set(history.redoName());
        dirty.set(true);
        analyse();
    }

    /** Places a new block of this kind; returns its id. */
    public String addBlock(BlockKind kind, Position at) {
        Design d = design.get();
        String id = d.freshId(kind.id().replace("-", ""));
        List<String> inputs = kind.inputNames().stream().map(n -> "").toList();
        Block block = kind.create(id, inputs, kind.defaults());
        performOnBlocks(new InsertBlocks("Add " + kind.title(), List.of(new Placed(block, -1, at))));
        select(List.of(id));
        return id;
    }

    /**
     * Drops a new block onto the wire that feeds input {@code inputIndex} of {@code consumer}: the
     * new block reads what the consumer read, and the consumer now reads the new block.
     */
    public String insertOnConnection(BlockKind kind, Position at, String consumer, int inputIndex) {
        Design d = design.get();
        Block target = d.block(consumer).orElseThrow();
        String source = target.inputs().get(inputIndex);
        String id = d.freshId(kind.id().replace("-", ""));
        List<String> inputs = new ArrayList<>();
        for (int k = 0; k < kind.inputNames().size(); k++) {
            inputs.add(k == 0 ? source : "");
        }
        Block block = kind.create(id, inputs, kind.defaults());
        int index = Math.max(0, d.indexOf(consumer));
        List<String> rewired = new ArrayList<>(target.inputs());
        rewired.set(inputIndex, id);
        String name = "Insert " + kind.title();
        List<Edit> steps = new ArrayList<>();
        Position place = at;
        Map<String, Position> makeRoom = roomBelow(d, source, consumer);
        if (!makeRoom.isEmpty()) {
            // the consumer sits right under its source: the new block takes its place and the rest of the column moves down a row
            place = d.position(consumer);
            steps.add(new MoveBlocks(name, makeRoom));
        }
        steps.add(new InsertBlocks(name, List.of(new Placed(block, index, place))));
        steps.add(new SetInputs(name, consumer, rewired));
        // inserted inside a stage: the new block belongs to that stage
        d.groupOf(consumer).filter(g -> g.blockIds().contains(source)).ifPresent(g -> {
            List<String> members = new ArrayList<>(g.blockIds());
            members.add(Math.max(0, members.indexOf(consumer)), id);
            steps.add(new SetGroups(name, d.groups().stream()
                    .map(x -> x.name().equals(g.name()) ? new StageGroup(g.name(), members, g.collapsed()) : x).toList()));
        });
        performOnBlocks(new CompoundEdit(name, steps));
        select(List.of(id));
        return id;
    }

    /**
     * When the consumer is the next block down in its source's column, the moves that shift the
     * consumer and everything below it in that column down by one row; otherwise none.
     */
    private static Map<String, Position> roomBelow(Design d, String source, String consumer) {
        if (!d.layout().containsKey(source) || !d.layout().containsKey(consumer)) {
            return Map.of();
        }
        Position s = d.position(source);
        Position c = d.position(consumer);
        double row = AutoLayout.BLOCK_HEIGHT + AutoLayout.ROW_GAP;
        if (Math.abs(s.x() - c.x()) > 1 || c.y() - s.y() < row - 1 || c.y() - s.y() > row + 1) {
            return Map.of();
        }
        Map<String, Position> moves = new HashMap<>();
        for (var e : d.layout().entrySet()) {
            Position p = e.getValue();
            if (Math.abs(p.x() - c.x()) < AutoLayout.BLOCK_WIDTH && p.y() >= c.y() - 1) {
                moves.put(e.getKey(), p.plus(0, row));
            }
        }
        return moves;
    }

    /** Connects the output of {@code source} (a block id or "input") to input {@code inputIndex} of {@code target}. */
    public void connect(String source, String target, int inputIndex) {
        Block b = design.get().block(target).orElseThrow();
        List<String> inputs = new ArrayList<>(b.inputs());
        if (inputIndex < 0 || inputIndex >= inputs.size() || inputs.get(inputIndex).equals(source)) {
            return;
        }
        inputs.set(inputIndex, source);
        performOnBlocks(new SetInputs("Connect " + source + " to " + target, target, inputs));
    }

    public void disconnect(String target, int inputIndex) {
        Block b = design.get().block(target).orElseThrow();
        List<String> inputs = new ArrayList<>(b.inputs());
        inputs.set(inputIndex, "");
        performOnBlocks(new SetInputs("Disconnect " + target, target, inputs));
    }

    /** Sets one parameter of a block; returns null, or the reason the value was refused. */
    public String setParameter(String blockId, String name, String text) {
        Block b = design.get().block(blockId).orElse(null);
        if (b == null) {
            return "the block is gone";
        }
        try {
            Block changed = BlockKinds.withParameter(b, name, text);
            if (!changed.equals(b)) {
                performOnBlocks(new ReplaceBlock("Set " + name + " of " + blockId, changed));
            }
            return null;
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }

    public void moveBlocks(Map<String, Position> to) {
        if (!to.isEmpty()) {
            perform(new MoveBlocks(to.size() == 1 ? "Move " + to.keySet().iterator().next() : "Move " + to.size() + " blocks", to));
        }
    }

    public void deleteSelection() {
        if (!selection().isEmpty()) {
            List<String> ids = List.copyOf(selection());
            performOnBlocks(new DeleteBlocks(ids.size() == 1 ? "Delete " + ids.get(0) : "Delete " + ids.size() + " blocks", ids));
        }
    }

    public void copySelection() {
        Design d = design.get();
        Set<String> selected = selection();
        if (selected.isEmpty()) {
            return;
        }
        clipboard = d.blocks().stream().filter(b -> selected.contains(b.id())).toList();
        Map<String, Position> l = new HashMap<>();
        clipboard.forEach(b -> l.put(b.id(), d.position(b.id())));
        clipboardLayout = l;
        clipboardEmpty.set(clipboard.isEmpty());
    }

    public boolean canPaste() {
        return !clipboard.isEmpty();
    }

    /** Pastes copies with fresh ids, offset on the canvas; wires among the copies are kept, others cut. */
    public List<String> paste() {
        if (clipboard.isEmpty()) {
            return List.of();
        }
        Design d = design.get();
        Map<String, String> rename = new HashMap<>();
        List<String> taken = new ArrayList<>();
        for (Block b : clipboard) {
            String candidate = copyName(b.id(), id -> d.block(id).isPresent() || taken.contains(id));
            taken.add(candidate);
            rename.put(b.id(), candidate);
        }
        List<Placed> placed = new ArrayList<>();
        for (Block b : clipboard) {
            List<String> inputs = b.inputs().stream().map(in -> rename.getOrDefault(in, in.equals(NetworkSpec.INPUT) ? in : "")).toList();
            BlockKind kind = BlockKinds.of(b);
            Block copy = kind.create(rename.get(b.id()), inputs, kind.values(b));
            placed.add(new Placed(copy, -1, clipboardLayout.get(b.id()).plus(40, 40)));
        }
        performOnBlocks(new InsertBlocks(placed.size() == 1 ? "Paste " + placed.get(0).block().id() : "Paste " + placed.size() + " blocks", placed));
        List<String> ids = placed.stream().map(p -> p.block().id()).toList();
        select(ids);
        return ids;
    }

    public void cutSelection() {
        copySelection();
        deleteSelection();
    }

    /** Copies of the selected blocks next to them; the clipboard is left as it was. */
    /**
     * The name of a copy: a numbered id such as dense1 gets the next free number (dense2); any
     * other id gets "-copy", "-copy2", ... (r1-conv-copy; a copy of a copy stays r1-conv-copy2).
     */
    static String copyName(String id, java.util.function.Predicate<String> taken) {
        var numbered = java.util.regex.Pattern.compile("([a-z]+)[0-9]+").matcher(id);
        if (numbered.matches()) {
            for (int i = 1; ; i++) {
                String candidate = numbered.group(1) + i;
                if (!taken.test(candidate)) {
                    return candidate;
                }
            }
        }
        String stem = id.replaceAll("-copy[0-9]*$", "");
        for (int i = 1; ; i++) {
            String candidate = stem + "-copy" + (i == 1 ? "" : Integer.toString(i));
            if (!taken.test(candidate)) {
                return candidate;
            }
        }
    }

    public List<String> duplicateSelection() {
        if (selection().isEmpty()) {
            return List.of();
        }
        List<Block> savedClipboard = clipboard;
        Map<String, Position> savedLayout = clipboardLayout;
        copySelection();
        List<String> ids = paste();
        clipboard = savedClipboard;
        clipboardLayout = savedLayout;
        clipboardEmpty.set(clipboard.isEmpty());
        return ids;
    }

    /** Groups the selected blocks into a new stage named "stage N". */
    public void groupSelection() {
        for (int i = 1; ; i++) {
            String name = "stage " + i;
            if (design.get().groups().stream().noneMatch(g -> g.name().equals(name))) {
                groupSelection(name);
                return;
            }
        }
    }

    /** Groups the selected blocks into a stage that the canvas can collapse. */
    public void groupSelection(String name) {
        Set<String> selected = selection();
        if (selected.isEmpty()) {
            return;
        }
        List<StageGroup> groups = new ArrayList<>();
        for (StageGroup g : design.get().groups()) {
            List<String> rest = g.blockIds().stream().filter(id -> !selected.contains(id)).toList();
            if (!rest.isEmpty()) {
                groups.add(new StageGroup(g.name(), rest, g.collapsed()));
            }
        }
        List<String> ordered = design.get().blocks().stream().map(Block::id).filter(selected::contains).toList();
        groups.add(new StageGroup(name, ordered, false));
        perform(new SetGroups("Group as " + name, groups));
    }

    public void setCollapsed(String groupName, boolean collapsed) {
        List<StageGroup> groups = design.get().groups().stream()
                .map(g -> g.name().equals(groupName) ? g.withCollapsed(collapsed) : g).toList();
        if (!groups.equals(design.get().groups())) {
            perform(new SetGroups((collapsed ? "Collapse " : "Expand ") + groupName, groups));
        }
    }

    /** Collapses or expands every stage in one undoable step. */
    public void setAllCollapsed(boolean collapsed) {
        List<StageGroup> groups = design.get().groups().stream().map(g -> g.withCollapsed(collapsed)).toList();
        if (!groups.equals(design.get().groups())) {
            perform(new SetGroups(collapsed ? "Collapse all stages" : "Expand all stages", groups));
        }
    }

    /** Dissolves the stage: its blocks stay where they are. */
    public void ungroup(String groupName) {
        List<StageGroup> groups = design.get().groups().stream().filter(g -> !g.name().equals(groupName)).toList();
        if (groups.size() != design.get().groups().size()) {
            perform(new SetGroups("Ungroup " + groupName, groups));
        }
    }

    /** The family instance becomes plain blocks, each editable (undoable). */
    public void expandFamily() {
        Design d = design.get();
        if (d.family() != null) {
            perform(new ReplaceDesign("Expand into blocks", d.withFamily(null)));
        }
    }

    public void replaceDesign(String editName, Design replacement) {
        perform(new ReplaceDesign(editName, replacement));
        select(List.of());
    }

    // ---- selection --------------------------------------------------------------------------

    public void select(java.util.Collection<String> ids) {
        Set<String> next = Collections.unmodifiableSet(new LinkedHashSet<>(ids));
        if (!next.equals(selection.get())) {
            selection.set(next);
        }
    }

    public void toggleSelection(String id) {
        Set<String> next = new LinkedHashSet<>(selection.get());
        if (!next.remove(id)) {
            next.add(id);
        }
        select(next);
    }

    public void selectAll() {
        select(design.get().blocks().stream().map(Block::id).toList());
    }

    // ---- files ------------------------------------------------------------------------------

    /** Starts over with this design (new, open, recovered): clears the history. */
    public void load(Design d, Path from, boolean markDirty) {
        history.clear();
        design.set(d);
        select(List.of());
        undoName.set(null);
        redoName.set(null);
        file.set(from);
        dirty.set(markDirty);
        analyse();
    }

    public void markSaved(Path to) {
        file.set(to);
        dirty.set(false);
    }

    // ---- analysis ---------------------------------------------------------------------------

    private void analyse() {
        long rev = revision.incrementAndGet();
        Design snapshot = design.get();
        background.execute(() -> {
            if (rev != revision.get()) {
                return; // a newer edit is already queued
            }
            if (published == null) {
                published = PublishedComparison.load();
            }
            DesignAnalysis result = DesignAnalysis.of(rev, snapshot, published);
            fx.execute(() -> {
                if (rev == revision.get()) {
                    analysis.set(result);
                }
            });
        });
    }
}
