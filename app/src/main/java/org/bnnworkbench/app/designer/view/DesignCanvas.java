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
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.transform.NonInvertibleTransformException;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
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
 * The canvas: blocks and wires in a zoomable, pannable world. Click selects, Shift/Ctrl-click adds
 * to the selection, dragging on empty space draws a rubber band, dragging blocks moves them (one
 * undoable move), dragging from an output port to an input port connects them, and dragging from a
 * connected input port to empty space disconnects it. Wheel zooms around the pointer; the middle
 * or right button pans. Blocks dropped from the palette land where they are dropped, or on the
 * wire under the pointer (inserted there). Stages are framed; a collapsed stage is one node.
 *
 * <p>The scene graph follows the design incrementally: nodes and wires are kept by id and only
 * the ones that changed are touched, so an edit or a drag in a design of hundreds of layers costs
 * time in proportion to what moved, not to the size of the design.
 */
public final class DesignCanvas extends Pane {

    static final String GROUP_PREFIX = "group:";
    static final String STAGE_HEADER = "stage-header";
    private static final double MIN_SCALE = 0.05;
    private static final double MAX_SCALE = 3;
    private static final double MARGIN = 24;

    private final DesignerModel model;
    private final Pane world = new Pane();
    private final Pane frameLayer = new Pane();
    private final Group wireLayer = new Group();
    private final Pane blockLayer = new Pane();
    private final Pane overlay = new Pane();
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final Translate translate = new Translate(40, 40);
    private final Map<String, BlockNode> nodes = new LinkedHashMap<>();
    private final Map<String, WireNode> wires = new LinkedHashMap<>();
    private final Map<String, List<WireNode>> wiresAt = new HashMap<>();
    private final Map<String, StageFrame> frames = new LinkedHashMap<>();
    private final Rectangle rubberBand = new Rectangle();
    private final Line pendingWire = new Line();
    private final Minimap minimap;
    private Map<String, String> visibleOf = Map.of();
    private Design shown;
    private static final int NODES_PER_PULSE = 24;
    private final List<NodeSpec> pending = new ArrayList<>();
    private List<NodeSpec> shownSpecs = List.of();

    private enum Mode { NONE, RUBBER, MOVE, PAN, CONNECT_FROM_OUTPUT, CONNECT_FROM_INPUT }

    private Mode mode = Mode.NONE;
    private Point2D pressScene;
    private Point2D pressWorld;
    private boolean dragged;
    private String dragSource;
    private int dragInput;
    private final Map<String, Point2D> moveStart = new HashMap<>();
    private WireNode highlighted;

    public DesignCanvas(DesignerModel model) {
        this.model = model;
        setId("design-canvas");
        getStyleClass().add("design-canvas");
        world.getTransforms().addAll(translate, scale);
        world.getChildren().addAll(frameLayer, wireLayer, blockLayer);
        world.setManaged(false);
        frameLayer.setManaged(false);
        blockLayer.setManaged(false);
        frameLayer.setPickOnBounds(false);
        blockLayer.setPickOnBounds(false);
        world.setPickOnBounds(false);
        rubberBand.getStyleClass().add("rubber-band");
        rubberBand.setVisible(false);
        pendingWire.getStyleClass().add("pending-wire");
        pendingWire.setVisible(false);
        overlay.setMouseTransparent(true);
        overlay.setManaged(false);
        overlay.getChildren().addAll(rubberBand, pendingWire);
        minimap = new Minimap(this);
        getChildren().addAll(world, overlay, minimap);
        var clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setFocusTraversable(true);

        model.designProperty().addListener((obs, old, d) -> show(d));
        model.analysisProperty().addListener((obs, old, a) -> showAnalysis(a));
        model.selectionProperty().addListener((obs, old, now) -> showSelection(old, now));
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        addEventHandler(MouseEvent.MOUSE_CLICKED, this::clicked);
        addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        widthProperty().addListener((obs, o, n) -> minimap.redraw());
        heightProperty().addListener((obs, o, n) -> minimap.redraw());
        show(model.design());
    }

    /** A block id as it can appear in a CSS id: anything but letters, digits, '-' and '_' becomes '-'. */
    public static String cssId(String id) {
        return id.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    @Override
    protected void layoutChildren() {
        overlay.resize(getWidth(), getHeight());
        minimap.relocate(getWidth() - Minimap.W - 12, getHeight() - Minimap.H - 12);
    }

    // ---- following the design -----------------------------------------------------------------

    private void show(Design d) {
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
        minimap.redraw();
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
                minimap.redraw();
            }
        }
    };

    /** True when every node of the design is on the canvas (large designs are built over a few pulses). */
    public boolean isComplete() {
        return pending.isEmpty();
    }

    private static Position positionOf(Design d, String visibleId) {
        if (visibleId.startsWith(GROUP_PREFIX)) {
            return d.group(visibleId.substring(GROUP_PREFIX.length()))
                    .map(g -> d.position(g.blockIds().get(0))).orElse(new Position(0, 0));
        }
        return d.position(visibleId);
    }

    private String visible(String blockId) {
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

    private void route(WireNode w) {
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
    private void placeFrames(Design d) {
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

    private void showAnalysis(DesignAnalysis a) {
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
        minimap.redraw();
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

    private void showSelection(Set<String> old, Set<String> now) {
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

    // ---- coordinates and view ----------------------------------------------------------------

    Point2D toWorld(Point2D scenePoint) {
        return world.sceneToLocal(scenePoint);
    }

    public double zoom() {
        return scale.getX();
    }

    public void zoomBy(double factor, Point2D aroundLocal) {
        double s = Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale.getX() * factor));
        double f = s / scale.getX();
        translate.setX(aroundLocal.getX() - (aroundLocal.getX() - translate.getX()) * f);
        translate.setY(aroundLocal.getY() - (aroundLocal.getY() - translate.getY()) * f);
        scale.setX(s);
        scale.setY(s);
        minimap.redraw();
    }

    public void zoomBy(double factor) {
        zoomBy(factor, new Point2D(getWidth() / 2, getHeight() / 2));
    }

    public void panBy(double dx, double dy) {
        translate.setX(translate.getX() + dx);
        translate.setY(translate.getY() + dy);
        minimap.redraw();
    }

    /**
     * Bounds of all blocks and stage frames, in world coordinates: from the design's places (and
     * the nodes being dragged), so that it is right before nodes are made or laid out.
     */
    public Bounds contentBounds() {
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

    /** The visible part of the world. */
    Bounds viewportInWorld() {
        Point2D a = world.parentToLocal(0, 0);
        Point2D b = world.parentToLocal(getWidth(), getHeight());
        return new BoundingBox(a.getX(), a.getY(), b.getX() - a.getX(), b.getY() - a.getY());
    }

    /** Shows the whole design as large as it fits (at most 100 %), clear of the minimap where possible. */
    public void fitToView() {
        Bounds b = contentBounds();
        double w = getWidth();
        double h = getHeight();
        if (b.getWidth() <= 0 || w <= 0 || h <= 0) {
            return;
        }
        if (shownSpecs.size() == 1) {
            // a new design, only the image: at 100 %, at the top, with room below for the first blocks
            scale.setX(1);
            scale.setY(1);
            translate.setX((w - BlockNode.W) / 2 - b.getMinX());
            translate.setY(2 * MARGIN - b.getMinY());
            minimap.redraw();
            return;
        }
        double s = fitScale(b, w - 2 * MARGIN, h - 2 * MARGIN);
        double left = (w - b.getWidth() * s) / 2;
        double top = (h - b.getHeight() * s) / 2;
        // the minimap sits in the bottom-right corner: if the design would run under it, fit above it instead
        boolean underMinimap = left + b.getWidth() * s > w - Minimap.W - 12 && top + b.getHeight() * s > h - Minimap.H - 12;
        if (underMinimap && minimap.isVisible()) {
            double s2 = fitScale(b, w - 2 * MARGIN, h - Minimap.H - 2 * MARGIN);
            double s3 = fitScale(b, w - Minimap.W - 2 * MARGIN, h - 2 * MARGIN);
            if (s3 >= s2) {
                s = s3;
                left = (w - Minimap.W - 12 - b.getWidth() * s) / 2;
                top = (h - b.getHeight() * s) / 2;
            } else {
                s = s2;
                left = (w - b.getWidth() * s) / 2;
                top = MARGIN;
            }
        }
        scale.setX(s);
        scale.setY(s);
        translate.setX(left - b.getMinX() * s);
        translate.setY(top - b.getMinY() * s);
        minimap.redraw();
    }

    private static double fitScale(Bounds b, double w, double h) {
        return Math.max(MIN_SCALE, Math.min(1.0, Math.min(w / b.getWidth(), h / b.getHeight())));
    }

    /** Centres the view on a world point (minimap clicks). */
    void centerOn(Point2D worldPoint) {
        translate.setX(getWidth() / 2 - worldPoint.getX() * scale.getX());
        translate.setY(getHeight() / 2 - worldPoint.getY() * scale.getY());
        minimap.redraw();
    }

    /** Scrolls the view (without zooming) so that the block is in sight, e.g. when a problem is clicked. */
    public void reveal(String blockId) {
        BlockNode n = nodes.get(visible(blockId));
        if (n == null) {
            return;
        }
        Bounds view = viewportInWorld();
        if (!view.contains(n.getLayoutX(), n.getLayoutY()) || !view.contains(n.getLayoutX() + BlockNode.W, n.getLayoutY() + BlockNode.H)) {
            centerOn(new Point2D(n.getLayoutX() + BlockNode.W / 2, n.getLayoutY() + BlockNode.H / 2));
        }
    }

    public void setMinimapVisible(boolean on) {
        minimap.setVisible(on);
    }

    public boolean isMinimapVisible() {
        return minimap.isVisible();
    }

    Map<String, BlockNode> nodes() {
        return nodes;
    }

    /** How many block nodes (including the image and collapsed stages) the canvas shows. */
    public int nodeCount() {
        return nodes.size();
    }

    /** The world node (blocks, wires, frames) under the canvas's zoom and pan. */
    public Node content() {
        return world;
    }

    /**
     * A picture of one area of the design at 100 %, on white. Only what lies in the area is drawn
     * (the rest is hidden for the moment of the snapshot), so that a large design exported in
     * tiles costs each tile only its own blocks. Call on the FX thread.
     */
    public WritableImage snapshotOfDesign(Rectangle2D area) {
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
            // undo the zoom and pan: the viewport is then in design coordinates
            params.setTransform(world.getLocalToParentTransform().createInverse());
            params.setViewport(area);
            return world.snapshot(params, null);
        } catch (NonInvertibleTransformException e) {
            throw new IllegalStateException(e);
        } finally {
            hidden.forEach(n -> n.setVisible(true));
        }
    }

    // ---- palette drops -----------------------------------------------------------------------

    /**
     * While a palette block is dragged over the canvas: highlights the wire it would be inserted
     * on, and says which ("between s1b1-dense and s1b2-dense"), or null when it would just be placed.
     */
    public String dragOver(Point2D scenePoint) {
        WireNode w = contains(scenePoint) ? wireAt(scenePoint) : null;
        if (w != null && !visible(w.target()).equals(w.target())) {
            w = null; // a wire into a collapsed stage: expand it to insert there
        }
        if (highlighted != null && highlighted != w) {
            highlighted.getStyleClass().remove("wire-target");
        }
        if (w != null && !w.getStyleClass().contains("wire-target")) {
            w.getStyleClass().add("wire-target");
        }
        highlighted = w;
        return w == null ? null : "insert between " + w.source() + " and " + w.target();
    }

    public boolean contains(Point2D scenePoint) {
        Point2D local = sceneToLocal(scenePoint);
        return local.getX() >= 0 && local.getY() >= 0 && local.getX() <= getWidth() && local.getY() <= getHeight();
    }

    /** Places a block dropped from the palette; on a wire, it is inserted into that connection. */
    public String drop(BlockKind kind, Point2D scenePoint) {
        WireNode w = wireAt(scenePoint);
        dragOver(new Point2D(-1e9, -1e9));
        Point2D p = toWorld(scenePoint);
        Position at = new Position(Math.round(p.getX() - BlockNode.W / 2), Math.round(p.getY() - BlockNode.H / 2));
        if (w != null && visible(w.target()).equals(w.target())) {
            return model.insertOnConnection(kind, at, w.target(), w.inputIndex());
        }
        return model.addBlock(kind, at);
    }

    private WireNode wireAt(Point2D scenePoint) {
        Point2D p = toWorld(scenePoint);
        double tolerance = 10 / scale.getX();
        WireNode best = null;
        double bestDistance = tolerance;
        for (WireNode w : wires.values()) {
            double d = w.distanceTo(p);
            if (d < bestDistance) {
                bestDistance = d;
                best = w;
            }
        }
        return best;
    }

    // ---- mouse -------------------------------------------------------------------------------

    private BlockNode nodeOf(Node n) {
        while (n != null && n != this) {
            if (n instanceof BlockNode b) {
                return b;
            }
            n = n.getParent();
        }
        return null;
    }

    private String stageHeaderOf(Node n) {
        while (n != null && n != this) {
            Object group = n.getProperties().get(STAGE_HEADER);
            if (group != null) {
                return (String) group;
            }
            n = n.getParent();
        }
        return null;
    }

    private void pressed(MouseEvent e) {
        requestFocus();
        pressScene = new Point2D(e.getSceneX(), e.getSceneY());
        pressWorld = toWorld(pressScene);
        dragged = false;
        Node target = e.getPickResult().getIntersectedNode();
        if (minimap.isAncestorOf(target)) {
            return;
        }
        if (e.getButton() == MouseButton.MIDDLE || e.getButton() == MouseButton.SECONDARY) {
            mode = Mode.PAN;
            return;
        }
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        String stage = stageHeaderOf(target);
        if (stage != null) {
            shown.group(stage).ifPresent(g -> {
                if (e.isShiftDown() || e.isShortcutDown()) {
                    var ids = new java.util.LinkedHashSet<>(model.selection());
                    ids.addAll(g.blockIds());
                    model.select(ids);
                } else {
                    model.select(g.blockIds());
                }
            });
            startMove();
            return;
        }
        BlockNode node = nodeOf(target);
        if (node != null && target instanceof Circle port) {
            if (port == node.outputPort() && node.hasOutput()) {
                mode = Mode.CONNECT_FROM_OUTPUT;
                dragSource = node.blockId().startsWith(GROUP_PREFIX) ? lastOfGroup(node.blockId()) : node.blockId();
                showPendingWire(node.outputAnchor(), pressWorld);
                return;
            }
            if (node.inputPorts().contains(port) && !node.blockId().startsWith(GROUP_PREFIX)) {
                mode = Mode.CONNECT_FROM_INPUT;
                dragSource = node.blockId();
                dragInput = (Integer) port.getUserData();
                showPendingWire(node.inputAnchor(dragInput), pressWorld);
                return;
            }
        }
        if (node != null) {
            String id = node.blockId();
            boolean selectable = !id.equals(NetworkSpec.INPUT) && !id.startsWith(GROUP_PREFIX);
            if (e.isShiftDown() || e.isShortcutDown()) {
                if (selectable) {
                    model.toggleSelection(id);
                }
            } else if (!model.selection().contains(id)) {
                model.select(selectable ? List.of(id) : List.of());
            }
            startMove();
            if (!selectable) {
                moveStart.put(id, new Point2D(node.getLayoutX(), node.getLayoutY()));
            }
            return;
        }
        mode = Mode.RUBBER;
        if (!e.isShiftDown() && !e.isShortcutDown()) {
            model.select(List.of());
        }
        Point2D local = sceneToLocal(pressScene);
        rubberBand.setX(local.getX());
        rubberBand.setY(local.getY());
        rubberBand.setWidth(0);
        rubberBand.setHeight(0);
        rubberBand.setVisible(true);
    }

    private void startMove() {
        mode = Mode.MOVE;
        moveStart.clear();
        for (String sel : model.selection()) {
            BlockNode n = nodes.get(sel);
            if (n != null) {
                moveStart.put(sel, new Point2D(n.getLayoutX(), n.getLayoutY()));
            }
        }
    }

    /** The block of a collapsed stage whose output leaves the stage (what its output port carries). */
    private String lastOfGroup(String groupNodeId) {
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

    private void showPendingWire(Point2D fromWorld, Point2D toWorld) {
        Point2D a = world.localToParent(fromWorld);
        Point2D b = world.localToParent(toWorld);
        pendingWire.setStartX(a.getX());
        pendingWire.setStartY(a.getY());
        pendingWire.setEndX(b.getX());
        pendingWire.setEndY(b.getY());
        pendingWire.setVisible(true);
    }

    private void dragged(MouseEvent e) {
        Point2D scenePoint = new Point2D(e.getSceneX(), e.getSceneY());
        dragged = dragged || scenePoint.distance(pressScene) > 2;
        switch (mode) {
            case PAN -> {
                panBy(scenePoint.getX() - pressScene.getX(), scenePoint.getY() - pressScene.getY());
                pressScene = scenePoint;
            }
            case MOVE -> {
                Point2D w = toWorld(scenePoint);
                double dx = w.getX() - pressWorld.getX();
                double dy = w.getY() - pressWorld.getY();
                Set<WireNode> touched = new HashSet<>();
                moveStart.forEach((id, start) -> {
                    BlockNode n = nodes.get(id);
                    if (n != null) {
                        n.relocate(start.getX() + dx, start.getY() + dy);
                        touched.addAll(wiresAt.getOrDefault(id, List.of()));
                    }
                });
                touched.forEach(this::route);
                placeFrames(shown);
            }
            case RUBBER -> {
                Point2D a = sceneToLocal(pressScene);
                Point2D b = sceneToLocal(scenePoint);
                rubberBand.setX(Math.min(a.getX(), b.getX()));
                rubberBand.setY(Math.min(a.getY(), b.getY()));
                rubberBand.setWidth(Math.abs(a.getX() - b.getX()));
                rubberBand.setHeight(Math.abs(a.getY() - b.getY()));
            }
            case CONNECT_FROM_OUTPUT, CONNECT_FROM_INPUT -> {
                Point2D b = sceneToLocal(scenePoint);
                pendingWire.setEndX(b.getX());
                pendingWire.setEndY(b.getY());
            }
            default -> {
            }
        }
        e.consume();
    }

    private void released(MouseEvent e) {
        Point2D scenePoint = new Point2D(e.getSceneX(), e.getSceneY());
        switch (mode) {
            case MOVE -> commitMove(scenePoint);
            case RUBBER -> {
                rubberBand.setVisible(false);
                selectInRubberBand();
            }
            case CONNECT_FROM_OUTPUT -> {
                pendingWire.setVisible(false);
                var hit = portAt(scenePoint, true);
                if (hit != null && !hit.getKey().equals(dragSource)) {
                    model.connect(dragSource, hit.getKey(), hit.getValue());
                }
            }
            case CONNECT_FROM_INPUT -> {
                pendingWire.setVisible(false);
                var hit = portAt(scenePoint, false);
                if (hit != null && !hit.getKey().equals(dragSource)) {
                    model.connect(hit.getKey(), dragSource, dragInput);
                } else if (hit == null && dragged
                        && !shown.block(dragSource).map(b -> b.inputs().get(dragInput).isEmpty()).orElse(true)) {
                    model.disconnect(dragSource, dragInput);
                }
            }
            case PAN -> minimap.redraw();
            default -> {
            }
        }
        mode = Mode.NONE;
    }

    private void commitMove(Point2D scenePoint) {
        Point2D w = toWorld(scenePoint);
        double dx = Math.round(w.getX() - pressWorld.getX());
        double dy = Math.round(w.getY() - pressWorld.getY());
        if (!dragged || (dx == 0 && dy == 0)) {
            moveStart.forEach((id, start) -> {
                BlockNode n = nodes.get(id);
                if (n != null) {
                    n.relocate(start.getX(), start.getY());
                }
            });
            return;
        }
        Map<String, Position> to = new HashMap<>();
        Design d = shown;
        moveStart.forEach((id, start) -> {
            if (id.startsWith(GROUP_PREFIX)) {
                d.group(id.substring(GROUP_PREFIX.length()))
                        .ifPresent(g -> g.blockIds().forEach(m -> to.put(m, d.position(m).plus(dx, dy))));
            } else {
                to.put(id, new Position(start.getX() + dx, start.getY() + dy));
            }
        });
        model.moveBlocks(to);
    }

    private void selectInRubberBand() {
        Point2D a = toWorld(localToScene(rubberBand.getX(), rubberBand.getY()));
        Point2D b = toWorld(localToScene(rubberBand.getX() + rubberBand.getWidth(), rubberBand.getY() + rubberBand.getHeight()));
        var box = new BoundingBox(a.getX(), a.getY(), b.getX() - a.getX(), b.getY() - a.getY());
        if (box.getWidth() < 1 && box.getHeight() < 1) {
            return;
        }
        List<String> ids = new ArrayList<>(model.selection());
        for (var e : nodes.entrySet()) {
            String id = e.getKey();
            if (id.equals(NetworkSpec.INPUT) || id.startsWith(GROUP_PREFIX)) {
                continue;
            }
            BlockNode n = e.getValue();
            if (box.intersects(n.getLayoutX(), n.getLayoutY(), BlockNode.W, BlockNode.H) && !ids.contains(id)) {
                ids.add(id);
            }
        }
        model.select(ids);
    }

    /** The block and port under a scene point: an input port (target) or an output port (source). */
    private Map.Entry<String, Integer> portAt(Point2D scenePoint, boolean input) {
        Point2D p = toWorld(scenePoint);
        double tolerance = Math.max(BlockNode.PORT_RADIUS + 4, 12 / scale.getX());
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

    private void clicked(MouseEvent e) {
        if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !dragged) {
            BlockNode node = nodeOf(e.getPickResult().getIntersectedNode());
            if (node != null && node.blockId().startsWith(GROUP_PREFIX)) {
                model.setCollapsed(node.blockId().substring(GROUP_PREFIX.length()), false);
            }
        }
    }

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() == 0 && e.getDeltaX() == 0) {
            return;
        }
        if (e.isShiftDown() || e.isShortcutDown()) {
            panBy(e.getDeltaX(), e.getDeltaY());
        } else {
            double factor = Math.pow(1.0015, e.getDeltaY());
            zoomBy(factor, sceneToLocal(e.getSceneX(), e.getSceneY()));
        }
        e.consume();
    }
}
