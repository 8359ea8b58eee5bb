package org.bnnworkbench.app.designer.edit;

import org.bnnworkbench.app.designer.model.Position;
import org.bnnworkbench.engine.spec.Block;

/** A block with its place in the block list (-1: at the end) and on the canvas. */
public record Placed(Block block, int index, Position position) {
}
