package org.bnnworkbench.app.designer.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bnnworkbench.engine.spec.Block;
import org.bnnworkbench.engine.spec.NetworkSpec;

/**
 * Places blocks top to bottom by depth (the longest path from the image). Each stage group gets
 * its own band of columns, so a stage can be framed and collapsed without touching the others;
 * blocks outside any group join the band before them (the first band holds the image). A band wraps into columns of equal length
 * when it is longer than {@link #rowsPerColumn}, chosen so that the design fits a window well. Blocks of
 * equal depth sit side by side in lanes. Rows line up across columns, so wires can run between
 * rows and between columns without crossing blocks. Linear in the blocks and wires.
 */
public final class AutoLayout {

    public static final double BLOCK_WIDTH = 184;
    public static final double BLOCK_HEIGHT = 78;
    public static final double ROW_GAP = 36;
    public static final double LANE_GAP = 24;
    public static final double COLUMN_GAP = 72;
    static final int MIN_ROWS = 6;
    static final int MAX_ROWS = 24;

    private AutoLayout() {
    }

    public static Map<String, Position> layout(Design design) {
        List<Block> blocks = design.blocks();
        Map<String, Integer> depth = depths(blocks);

        // bands: runs of blocks (in depth order) that share a group; ungrouped blocks join the band before
        Map<String, String> groupOf = new HashMap<>();
        for (StageGroup g : design.groups()) {
            g.blockIds().forEach(id -> groupOf.putIfAbsent(id, g.name()));
        }
        List<Block> ordered = new ArrayList<>(blocks);
        ordered.sort((a, b) -> Integer.compare(depth.get(a.id()), depth.get(b.id())));
        // band 0 holds the image and the ungrouped blocks right after it (a stem that is no stage)
        List<List<Block>> bands = new ArrayList<>();
        bands.add(new ArrayList<>());
        String current = null;
        for (Block b : ordered) {
            String g = groupOf.get(b.id());
            if (g != null && !g.equals(current)) {
                bands.add(new ArrayList<>());
                current = g;
            }
            bands.get(bands.size() - 1).add(b);
        }

        // per band: its rows (depths) and lanes
        int n = bands.size();
        int[] firstDepth = new int[n];
        int[] rowCount = new int[n];
        int[] laneCount = new int[n];
        List<Map<String, int[]>> cells = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Block> band = bands.get(i);
            // the first band also holds the image, in its first row
            firstDepth[i] = i == 0 ? 0 : depth.get(band.get(0).id());
            Map<Integer, Integer> lanesAtRow = new HashMap<>();
            if (i == 0) {
                lanesAtRow.put(0, 1);
                laneCount[0] = 1;
                rowCount[0] = 1;
            }
            Map<String, int[]> cell = new HashMap<>();
            for (Block b : band) {
                int row = depth.get(b.id()) - firstDepth[i];
                int lane = lanesAtRow.merge(row, 1, Integer::sum) - 1;
                cell.put(b.id(), new int[] {row, lane});
                laneCount[i] = Math.max(laneCount[i], lane + 1);
                rowCount[i] = Math.max(rowCount[i], row + 1);
            }
            cells.add(cell);
        }
        int cap = rowsPerColumn(rowCount, laneCount);

        Map<String, Position> positions = new HashMap<>();
        positions.put(NetworkSpec.INPUT, new Position(0, 0));
        double x = 0;
        for (int i = 0; i < n; i++) {
            int columns = (rowCount[i] + cap - 1) / cap;
            int rows = (rowCount[i] + columns - 1) / columns;
            double columnWidth = columnWidth(laneCount[i]);
            for (var e : cells.get(i).entrySet()) {
                int row = e.getValue()[0];
                int lane = e.getValue()[1];
                positions.put(e.getKey(), new Position(x + (row / rows) * columnWidth + lane * (BLOCK_WIDTH + LANE_GAP),
                        (row % rows) * (BLOCK_HEIGHT + ROW_GAP)));
            }
            x += columns * columnWidth;
        }
        return positions;
    }

    private static double columnWidth(int lanes) {
        return Math.max(1, lanes) * (BLOCK_WIDTH + LANE_GAP) - LANE_GAP + COLUMN_GAP;
    }

    /**
     * The most rows a column may hold: the cap that lets the whole design be drawn largest in a
     * window about 1.15 times as wide as tall. A band longer than the cap wraps into columns of
     * equal length.
     */
    static int rowsPerColumn(int[] rowCount, int[] laneCount) {
        int best = MIN_ROWS;
        double bestScale = 0;
        for (int cap = MIN_ROWS; cap <= MAX_ROWS; cap++) {
            double width = 0;
            int tallest = 1;
            for (int i = 0; i < rowCount.length; i++) {
                int columns = (rowCount[i] + cap - 1) / cap;
                width += columns * columnWidth(laneCount[i]);
                tallest = Math.max(tallest, (rowCount[i] + columns - 1) / columns);
            }
            double height = tallest * (BLOCK_HEIGHT + ROW_GAP);
            double scale = Math.min(1.15 / width, 1.0 / height);
            if (scale > bestScale * 1.0001) {
                bestScale = scale;
                best = cap;
            }
        }
        return best;
    }

    /** Longest path from the image; blocks on a cycle or reading missing blocks still get a depth. */
    private static Map<String, Integer> depths(List<Block> blocks) {
        Map<String, Integer> depth = new HashMap<>();
        depth.put(NetworkSpec.INPUT, 0);
        // blocks are usually listed in dependency order, so this settles in one or two passes
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
        return depth;
    }
}
