package org.bnnworkbench.app.designer.edit;

import java.util.ArrayDeque;
import java.util.Deque;
import org.bnnworkbench.app.designer.model.Design;

/**
 * Undo and redo stacks of applied edits, bounded to {@code limit} steps (the oldest are dropped).
 * Holds the edits that undo and redo, not copies of whole designs.
 */
public final class EditHistory {

    private record Step(String name, Edit undo, Edit redo) {
    }

    private final int limit;
    private final Deque<Step> undo = new ArrayDeque<>();
    private final Deque<Step> redo = new ArrayDeque<>();

    public EditHistory(int limit) {
        this.limit = limit;
    }

    /** Applies an edit and records it; clears the redo stack. */
    public Design perform(Design current, Edit edit) {
        Edit.Applied applied = edit.apply(current);
        undo.push(new Step(edit.name(), applied.inverse(), edit));
        while (undo.size() > limit) {
            undo.removeLast();
        }
        redo.clear();
        return applied.design();
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    public String undoName() {
        return undo.isEmpty() ? null : undo.peek().name();
    }

    public String redoName() {
        return redo.isEmpty() ? null : redo.peek().name();
    }

    public Design undo(Design current) {
        Step step = undo.pop();
        Edit.Applied applied = step.undo().apply(current);
        redo.push(new Step(step.name(), applied.inverse(), step.redo()));
        return applied.design();
    }

    public Design redo(Design current) {
        Step step = redo.pop();
        Edit.Applied applied = step.redo().apply(current);
        undo.push(new Step(step.name(), applied.inverse(), step.redo()));
        return applied.design();
    }

    public int undoSize() {
        return undo.size();
    }

    public void clear() {
        undo.clear();
        redo.clear();
    }
}
