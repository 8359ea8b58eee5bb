package org.bnnworkbench.app.designer.model;

import java.util.List;

/** A named set of blocks (a stage) that the canvas can collapse into one node. */
public record StageGroup(String name, List<String> blockIds, boolean collapsed) {

    public StageGroup {
        blockIds = List.copyOf(blockIds);
    }

    public StageGroup withCollapsed(boolean c) {
        return new StageGroup(name, blockIds, c);
    }
}
