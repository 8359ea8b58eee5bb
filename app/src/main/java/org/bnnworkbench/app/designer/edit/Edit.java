package org.bnnworkbench.app.designer.edit;

import org.bnnworkbench.app.designer.model.Design;

/**
 * One undoable change to a design (Scene Builder's "job"): applying it yields the new design and
 * the edit that undoes it, computed from the design it was applied to.
 */
public interface Edit {

    /** What the Edit menu shows, e.g. "Add DenseBlock". */
    String name();

    Applied apply(Design design);

    /** The result of applying an edit. */
    record Applied(Design design, Edit inverse) {
    }
}
