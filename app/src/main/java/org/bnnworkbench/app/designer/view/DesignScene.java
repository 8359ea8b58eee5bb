package org.bnnworkbench.app.designer.view;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.animation.AnimationTimer;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.transform.NonInvertibleTransformException;
import org.bnnworkbench.app.designer.DesignerModel;
import org.bnnworkbench.app.designer.model.BlockCost;
import org.bnnworkbench.app.designer.model.Design;
import org.bnnworkbench.app.designer.model.DesignAnalysis;
import org.bnnworkbench.app.designer.model.Position;
import org.bnnworkbench.app.designer.model.StageGroup;
import org.bnnworkbench.engine.spec.Block;
import org.bnnworkbench.engine.spec.BlockKind;
import org.bnnworkbench.engine.spec.BlockKinds;
import org.bnnworkbench.engine.spec.NetworkSpec;
import org.bnnworkbench.engine.spec.SpecException;

/**
 * What the canvas draws, in design coordinates: stage frames, wires and blocks, following the
 * view model. It follows the design incrementally: nodes and wires are kept by id and only those
 * that changed are touched, so an edit or a drag in a design of hundreds of layers costs time in
 * proportion to what changed, not to the size of the design. The canvas puts its zoom and pan on
 * top of this pane and turns gestures into edits.
 */
final class DesignScene extends Pane {

    static final String GROUP_PREFIX = "group:";
    private static final int NODES_PER_PULSE = 24;

    private final DesignerModel model;
    private final Runnable changed;
    private final Pane frameLayer = new Pane();
    private final Group wireLayer = new Group();
    private final Pane blockLayer = new Pane();
    private final Map<String, BlockNode> nodes = new LinkedHashMap<>();
    private final Map<String, WireNode> wires = new LinkedHashMap<>();
    private final Map<String, List<WireNode>> wiresAt = new HashMap<>();
    private final Map<String, StageFrame> frames = new LinkedHashMap<>();
    private final List<NodeSpec> pending = new ArrayList<>();
    private List<NodeSpec> shownSpecs = List.of();
    private Map<String, String> visibleOf = Map.of();
    private Design shown;

    /** @param changed told when what is drawn changed (the minimap redraws) */
    DesignScene(DesignerModel model, Runnable changed) {
        this.model = model;
        this.changed = changed;
        getChildren().addAll(frameLayer, wireLayer, blockLayer);
        setManaged(false);
        frameLayer.setManaged(false);
        blockLayer.setManaged(false);
        frameLayer.setPickOnBounds(false);
        blockLayer.setPickOnBounds(false);
        setPickOnBounds(false);
        model.designProperty().addListener((obs, old, d) -> show(d));
        model.analysisProperty().addListener((obs, old, a) -> showAnalysis(a));
        model.selectionProperty().addListener((obs, old, now) -> showSelection(old, now));
        show(model.design());
    }

    Design shown() {
        return shown;
    }

    Map<String, BlockNode> nodes() {
        return nodes;
    }

    Map<String, List<WireNode>> wiresAt() {
        return wiresAt;
    }

    Iterable<WireNode> wires() {
        return wires.values();
    }

    void show(Design d) {
        shown = d;
        Map<String, String> visible = new HashMap<>();
        for (StageGroup g : d.groups()) {
            if (g.collapsed()) {
                for (String id : g.blockIds()) {
                    visible.put(id, GROUP_PREFIX + g.name());
                }
            }
        }
        visibleOf = visible;
        showNodes(d);
        showWires(d);
        showFrames(d);
        showAnalysis(model.analysisProperty().get());
        changed.run();
    }

    /** What a node on the canvas stands for: enough to make it, and to tell whether an existing one still fits. */
    private record NodeSpec(String id, String kind, List<String> inputs, boolean output, String description, String title) {
        boolean fits(BlockNode n) {
            return n.kind().equals(kind) && n.inputPorts().size() == inputs.size() && n.description().equals(description);
        }

        BlockNode make() {
            return new BlockNode(id, kind, inputs, output, description);
        }
    }

    private List<NodeSpec> nodeSpecs(Design d) {
        List<NodeSpec> specs = new ArrayList<>();
        specs.add(new NodeSpec(NetworkSpec.INPUT, "input", List.of(), true, "the input image " + d.spec().input(),
                "input " + d.spec().input()));
        for (Block b : d.blocks()) {
            if (!visibleOf.containsKey(b.id())) {
                BlockKind kind = BlockKinds.of(b);
                specs.add(new NodeSpec(b.id(), b.kind(), kind.inputNames(), !b.kind().equals("classifier"),
                        kind.title() + " '" + b.id() + "': " + kind.description(), b.id()));
            }
        }
        for (StageGroup g : d.groups()) {
            if (g.collapsed()) {
                specs.add(new NodeSpec(GROUP_PREFIX + g.name(), "group", List.of("in"), true,
                        "stage '" + g.name() + "', " + g.blockIds().size() + " blocks (double-click to expand)",
                        g.name() + " (" + g.blockIds().size() + ")"));
            }
        }
        return specs;
    }

    /**
     * Brings the nodes in line with the design: keeps those that still fit, drops the others, and
     * makes the missing ones. Up to {@value #NODES_PER_PULSE} are made at once; more (opening a
     * MeliusNet59, expanding all its stages) are made over the next pulses, so that their CSS and
     * layout never hold the FX thread for long.
     */
    private void showNodes(Design d) {
        List<NodeSpec> specs = nodeSpecs(d);
        shownSpecs = specs;
        Map<String, NodeSpec> wanted = new HashMap<>();
        List<NodeSpec> missing = new ArrayList<>();
        for (NodeSpec spec : specs) {
            wanted.put(spec.id(), spec);
            BlockNode n = nodes.get(spec.id());
            if (n == null || !spec.fits(n)) {
                missing.add(spec);
            }
        }
        List<Node> gone = new ArrayList<>();
        nodes.entrySet().removeIf(e -> {
            NodeSpec spec = wanted.get(e.getKey());
            boolean keep = spec != null && spec.fits(e.getValue());
            if (!keep) {
                gone.add(e.getValue());
            }
            return !keep;
        });
        if (gone.size() > 32) {
            blockLayer.getChildren().setAll(nodes.values());
        } else {
            blockLayer.getChildren().removeAll(gone);
        }
        pending.clear();
        pending.addAll(missing);
        makePending(NODES_PER_PULSE);
        for (NodeSpec spec : specs) {
            BlockNode n = nodes.get(spec.id());
            if (n != null) {
                n.setTitle(spec.title());
                place(n, d);
            }
        }
        if (!pending.isEmpty()) {
            builder.start();
        }
    }

    private static void place(BlockNode n, Design d) {
        Position p = positionOf(d, n.blockId());
        if (n.getLayoutX() != p.x() || n.getLayoutY() != p.y()) {
            n.relocate(p.x(), p.y());
        }
    }

    private void makePending(int count) {
        List<BlockNode> made = new ArrayList<>();
        while (!pending.isEmpty() && made.size() < count) {
            NodeSpec spec = pending.remove(0);
            BlockNode n = spec.make();
            n.setTitle(spec.title());
            place(n, shown);
            nodes.put(spec.id(), n);
            made.add(n);
        }
        blockLayer.getChildren().addAll(made);
    }

    /** Makes the rest of a large design's nodes, a pulse at a time. */
    private final AnimationTimer builder = new AnimationTimer() {
        @Override
        public void handle(long now) {
            makePending(NODES_PER_PULSE);
            showWires(shown);
            placeFrames(shown);
            showAnalysis(model.analysisProperty().get());
            showSelection(Set.of(), model.selection());
            if (pending.isEmpty()) {
                stop();
                changed.run();
            }
        }
    };

    /** True when every node of the design is on the canvas (large designs are built over a few pulses). */
    public boolean isComplete() {
        return pending.isEmpty();
    }

    static Position positionOf(Design d, String visibleId) {
        if (visibleId.startsWith(GROUP_PREFIX)) {
            return d.group(visibleId.substring(GROUP_PREFIX.length()))
                    .map(g -> d.position(g.blockIds().get(0))).orElse(new Position(0, 0));
        }
        return d.position(visibleId);
    }

    /** The node that shows a block: its own, or that of the collapsed stage it is in. */
    String visible(String blockId) {
        return visibleOf.getOrDefault(blockId, blockId);
    }

    private void showWires(Design d) {
        Map<String, WireNode> next = new LinkedHashMap<>();
        for (Block b : d.blocks()) {
            String target = visible(b.id());
            for (int k = 0; k < b.inputs().size(); k++) {
                String in = b.inputs().get(k);
                if (in.isEmpty()) {
                    continue;
                }
                String source = visible(in);
                if (source.equals(target) || !nodes.containsKey(source) || !nodes.containsKey(target)) {
                    continue;
                }
                String key = b.id() + "#" + k;
                WireNode w = wires.get(key);
                if (w == null || !w.source().equals(in)) {
                    w = new WireNode(in, b.id(), k);
                }
                next.put(key, w);
            }
        }
        // add and remove only the wires that changed: re-adding a node costs it its CSS again
        List<Node> gone = new ArrayList<>();
        for (var e : wires.entrySet()) {
            if (next.get(e.getKey()) != e.getValue()) {
                gone.add(e.getValue());
            }
        }
        List<Node> added = new ArrayList<>();
        for (var e : next.entrySet()) {
            if (wires.get(e.getKey()) != e.getValue()) {
                added.add(e.getValue());
            }
        }
        if (!gone.isEmpty() || !added.isEmpty()) {
            if (gone.size() > 32 && gone.size() > next.size()) {
                wireLayer.getChildren().setAll(next.values());
            } else {
                wireLayer.getChildren().removeAll(gone);
                wireLayer.getChildren().addAll(added);
            }
            wires.clear();
            wires.putAll(next);
        }
        wiresAt.clear();
        for (WireNode w : wires.values()) {
            wiresAt.computeIfAbsent(visible(w.source()), k -> new ArrayList<>()).add(w);
            wiresAt.computeIfAbsent(visible(w.target()), k -> new ArrayList<>()).add(w);
            route(w);
        }
    }

    void route(WireNode w) {
        String target = visible(w.target());
        BlockNode from = nodes.get(visible(w.source()));
        BlockNode to = nodes.get(target);
        if (from != null && to != null) {
            int port = target.equals(w.target()) ? w.inputIndex() : 0;
            Point2D a = from.outputAnchor();
            Point2D b = to.inputAnchor(port);
            w.connect(a, from.getLayoutX(), b, to.getLayoutX(), obstructed(a, b, from, to));
        }
    }

    /** Whether a block other than the two ends lies in the box between an output and an input below it. */
    private boolean obstructed(Point2D a, Point2D b, BlockNode from, BlockNode to) {
        if (b.getY() <= a.getY()) {
            return true;
        }
        double minX = Math.min(a.getX(), b.getX()) - 8;
        double maxX = Math.max(a.getX(), b.getX()) + 8;
        for (BlockNode n : nodes.values()) {
            if (n != from && n != to && n.getLayoutX() < maxX && n.getLayoutX() + BlockNode.W > minX
                    && n.getLayoutY() < b.getY() - 2 && n.getLayoutY() + BlockNode.H > a.getY() + 2) {
                return true;
            }
        }
        return false;
    }

    private void showFrames(Design d) {
        Set<String> expanded = new HashSet<>();
        for (StageGroup g : d.groups()) {
            if (!g.collapsed()) {
                expanded.add(g.name());
                frames.computeIfAbsent(g.name(), name -> {
                    var f = new StageFrame(name, () -> model.setCollapsed(name, true));
                    frameLayer.getChildren().add(f);
                    return f;
                });
            }
        }
        frames.entrySet().removeIf(e -> {
            if (!expanded.contains(e.getKey())) {
                frameLayer.getChildren().remove(e.getValue());
                return true;
            }
            return false;
        });
        placeFrames(d);
    }

    /** Puts each stage's frame around its blocks' current places. */
    void placeFrames(Design d) {
        for (StageGroup g : d.groups()) {
            StageFrame f = frames.get(g.name());
            if (f == null) {
                continue;
            }
            double minX = Double.MAX_VALUE;
            double minY = Double.MAX_VALUE;
            double maxX = -Double.MAX_VALUE;
            double maxY = -Double.MAX_VALUE;
            for (String id : g.blockIds()) {
                BlockNode n = nodes.get(id);
                if (n != null) {
                    minX = Math.min(minX, n.getLayoutX());
                    minY = Math.min(minY, n.getLayoutY());
                    maxX = Math.max(maxX, n.getLayoutX() + BlockNode.W);
                    maxY = Math.max(maxY, n.getLayoutY() + BlockNode.H);
                }
            }
            f.setVisible(minX <= maxX);
            if (minX <= maxX) {
                f.frame(new BoundingBox(minX, minY, maxX - minX, maxY - minY),
                        g.name() + " \u00b7 " + g.blockIds().size() + " block" + (g.blockIds().size() == 1 ? "" : "s"));
            }
        }
    }

    void showAnalysis(DesignAnalysis a) {
        if (a == null) {
            return;
        }
        Map<String, String> problems = new HashMap<>();
        for (SpecException p : a.problems()) {
            if (p.blockId() != null) {
                problems.merge(visible(p.blockId()), p.getMessage(), (x, y) -> x + "\n" + y);
            }
        }
        double maxBytes = 0;
        double maxOps = 0;
        for (BlockCost c : a.blocks().values()) {
            maxBytes = Math.max(maxBytes, c.binaryParams() / 8.0 + c.fpParams() * 4.0);
            maxOps = Math.max(maxOps, c.ops());
        }
        for (var e : nodes.entrySet()) {
            String id = e.getKey();
            BlockNode n = e.getValue();
            if (id.equals(NetworkSpec.INPUT)) {
                continue;
            }
            n.setProblem(problems.get(id));
            n.setCost(id.startsWith(GROUP_PREFIX) ? groupCost(id.substring(GROUP_PREFIX.length()), a) : a.blocks().get(id),
                    maxBytes, maxOps);
        }
        changed.run();
    }

    /** A collapsed stage costs what its blocks cost; its shape is that of the block whose output leaves it. */
    private BlockCost groupCost(String group, DesignAnalysis a) {
        StageGroup g = shown.group(group).orElse(null);
        if (g == null) {
            return null;
        }
        long bin = 0;
        long fp = 0;
        long flops = 0;
        long bops = 0;
        BlockCost last = null;
        Set<String> members = new HashSet<>(g.blockIds());
        for (Block b : shown.blocks()) {
            if (!members.contains(b.id())) {
                continue;
            }
            BlockCost c = a.blocks().get(b.id());
            if (c == null) {
                return null;
            }
            bin += c.binaryParams();
            fp += c.fpParams();
            flops += c.flops();
            bops += c.bops();
            last = c;
        }
        for (Block b : shown.blocks()) {
            if (!members.contains(b.id())) {
                for (String in : b.inputs()) {
                    if (members.contains(in) && a.blocks().get(in) != null) {
                        last = a.blocks().get(in);
                    }
                }
            }
        }
        return last == null ? null : new BlockCost(last.output(), bin, fp, flops, bops);
    }

    void showSelection(Set<String> old, Set<String> now) {
        for (String id : old) {
            if (!now.contains(id)) {
                BlockNode n = nodes.get(id);
                if (n != null) {
                    n.setSelected(false);
                }
            }
        }
        for (String id : now) {
            BlockNode n = nodes.get(id);
            if (n != null) {
                n.setSelected(true);
            }
        }
    }

    /**
     * Bounds of all blocks and stage frames, in world coordinates: from the design's places (and
     * the nodes being dragged), so that it is right before nodes are made or laid out.
     */
    Bounds contentBounds() {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (NodeSpec spec : shownSpecs) {
            BlockNode n = nodes.get(spec.id());
            double x = n != null ? n.getLayoutX() : positionOf(shown, spec.id()).x();
            double y = n != null ? n.getLayoutY() : positionOf(shown, spec.id()).y();
            minX = Math.min(minX, x);
            minY = Math.min(minY, y);
            maxX = Math.max(maxX, x + BlockNode.W);
            maxY = Math.max(maxY, y + BlockNode.H);
        }
        if (minX > maxX) {
            return new BoundingBox(0, 0, 0, 0);
        }
        if (shown.groups().stream().anyMatch(g -> !g.collapsed())) {
            minX -= StageFrame.PAD;
            minY -= StageFrame.PAD + StageFrame.HEADER;
            maxX += StageFrame.PAD;
            maxY += StageFrame.PAD;
        }
        return new BoundingBox(minX, minY, maxX - minX, maxY - minY);
    }

    /**
     * A picture of one area of the design at 100 %, on white. Only what lies in the area is drawn
     * (the rest is hidden for the moment of the snapshot), so that a large design exported in
     * tiles costs each tile only its own blocks. Call on the FX thread.
     */
    WritableImage snapshotOf(Rectangle2D area) {
        List<Node> hidden = new ArrayList<>();
        var box = new BoundingBox(area.getMinX(), area.getMinY(), area.getWidth(), area.getHeight());
        for (Pane layer : List.of(frameLayer, blockLayer)) {
            for (Node n : layer.getChildren()) {
                if (n.isVisible() && !n.getBoundsInParent().intersects(box)) {
                    n.setVisible(false);
                    hidden.add(n);
                }
            }
        }
        for (Node n : wireLayer.getChildren()) {
            if (n.isVisible() && !n.getBoundsInParent().intersects(box)) {
                n.setVisible(false);
                hidden.add(n);
            }
        }
        try {
            var params = new SnapshotParameters();
            params.setFill(Color.WHITE);
            // undo the canvas's zoom and pan: the viewport is then in design coordinates
            params.setTransform(getLocalToParentTransform().createInverse());
            params.setViewport(area);
            return snapshot(params, null);
        } catch (NonInvertibleTransformException e) {
            throw new IllegalStateException(e);
        } finally {
            hidden.forEach(n -> n.setVisible(true));
        }
    }

    /** The block of a collapsed stage whose output leaves the stage (what its output port carries). */
    String lastOfGroup(String groupNodeId) {
        StageGroup g = shown.group(groupNodeId.substring(GROUP_PREFIX.length())).orElseThrow();
        Set<String> members = new HashSet<>(g.blockIds());
        String last = g.blockIds().get(g.blockIds().size() - 1);
        for (Block b : shown.blocks()) {
            if (!members.contains(b.id())) {
                for (String in : b.inputs()) {
                    if (members.contains(in)) {
                        last = in;
                    }
                }
            }
        }
        return last;
    }

    /**
     * The block and port at a design point, within {@code tolerance}: an input port (to connect to)
     * or an output port (to connect from); on a block's body, its first free input or its output.
     */
    Map.Entry<String, Integer> portAt(Point2D p, double tolerance, boolean input) {
        for (BlockNode n : nodes.values()) {
            if (n.blockId().startsWith(GROUP_PREFIX)) {
                continue;
            }
            if (input) {
                for (int k = 0; k < n.inputPorts().size(); k++) {
                    if (n.inputAnchor(k).distance(p) <= tolerance) {
                        return Map.entry(n.blockId(), k);
                    }
                }
            } else if (n.hasOutput() && n.outputAnchor().distance(p) <= tolerance) {
                return Map.entry(n.blockId(), 0);
            }
        }
        // dropping on the body of a block connects to its first free input (or its output)
        for (BlockNode n : nodes.values()) {
            boolean inside = p.getX() >= n.getLayoutX() && p.getX() <= n.getLayoutX() + BlockNode.W
                    && p.getY() >= n.getLayoutY() && p.getY() <= n.getLayoutY() + BlockNode.H;
            if (!inside || n.blockId().startsWith(GROUP_PREFIX)) {
                continue;
            }
            if (input && !n.inputPorts().isEmpty()) {
                Block b = shown.block(n.blockId()).orElse(null);
                if (b != null) {
                    int free = b.inputs().indexOf("");
                    return Map.entry(n.blockId(), free >= 0 ? free : 0);
                }
            }
            if (!input && n.hasOutput()) {
                return Map.entry(n.blockId(), 0);
            }
        }
        return null;
    }

}
