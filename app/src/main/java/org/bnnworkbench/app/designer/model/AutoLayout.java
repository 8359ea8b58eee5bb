package org.bnnworkbench.app.designer.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bnnworkbench.engine.spec.Block;
import org.bnnworkbench.engine.spec.NetworkSpec;

/**
 * Places blocks top to bottom by depth (the longest path from the image), in columns of
 * {@value #ROWS} rows so that deep networks such as MeliusNet59 stay compact; blocks of equal
 * depth sit side by side. Runs in time linear in the blocks and wires.
 */
public final class AutoLayout {

    public static final double BLOCK_WIDTH = 184;
    public static final double BLOCK_HEIGHT = 78;
    static final int ROWS = 16;
    static final double ROW_GAP = 36;
    static final double LANE_GAP = 24;
    static final double COLUMN_GAP = 90;

    private AutoLayout() {
    }

    public static Map<String, Position> layout(Design design) {
        List<Block> blocks = design.blocks();
        Map<String, Integer> depth = new HashMap<>();
        depth.put(NetworkSpec.INPUT, 0);
        // blocks are usually listed in dependency order; iterate until stable for the rest
        boolean changed = true;
        for (int pass = 0; changed && pass < blocks.size() + 1; pass++) {
            changed = false;
            for (Block b : blocks) {
                int d = 1;
                for (String in : b.inputs()) {
                    Integer di = depth.get(in);
                    if (di != null) {
                        d = Math.max(d, di + 1);
                    }
                }
                d = Math.min(d, blocks.size() + 1);
                if (!Integer.valueOf(d).equals(depth.get(b.id()))) {
                    depth.put(b.id(), d);
                    changed = true;
                }
            }
        }
        Map<Integer, Integer> lanesAtDepth = new HashMap<>();
        Map<String, Integer> lane = new HashMap<>();
        int maxLanes = 1;
        for (Block b : blocks) {
            int d = depth.get(b.id());
            int l = lanesAtDepth.merge(d, 1, Integer::sum) - 1;
            lane.put(b.id(), l);
            maxLanes = Math.max(maxLanes, l + 1);
        }
        double columnWidth = maxLanes * (BLOCK_WIDTH + LANE_GAP) + COLUMN_GAP;
        Map<String, Position> positions = new HashMap<>();
        positions.put(NetworkSpec.INPUT, place(0, 0, columnWidth));
        for (Block b : blocks) {
            positions.put(b.id(), place(depth.get(b.id()), lane.get(b.id()), columnWidth));
        }
        return positions;
    }

    private static Position place(int depth, int lane, double columnWidth) {
        int column = depth / ROWS;
        int row = depth % ROWS;
        return new Position(column * columnWidth + lane * (BLOCK_WIDTH + LANE_GAP), row * (BLOCK_HEIGHT + ROW_GAP));
    }
}
