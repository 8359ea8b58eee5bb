package org.bnnworkbench.app.designer.edit;

import java.util.List;
import org.bnnworkbench.app.designer.model.Design;
import org.bnnworkbench.app.designer.model.StageGroup;

/** Replaces the stage groups (group, ungroup, collapse, expand). */
public record SetGroups(String name, List<StageGroup> groups) implements Edit {

    public SetGroups {
        groups = List.copyOf(groups);
    }

    @Override
    public Applied apply(Design design) {
        return new Applied(design.withGroups(groups), new SetGroups(name, design.groups()));
    }
}
