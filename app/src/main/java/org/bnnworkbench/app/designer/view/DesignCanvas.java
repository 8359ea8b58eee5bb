package org.bnnworkbench.app.designer.view;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
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
 * wire under the pointer (inserted there).
 */
public final class DesignCanvas extends Pane {

    private static final double MIN_SCALE = 0.05;
    private static final double MAX_SCALE = 3;
    private static final String GROUP_PREFIX = "group:";

    private final DesignerModel model;
    private final Pane world = new Pane();
    private final Group wireLayer = new Group();
    private final Pane blockLayer = new Pane();
    private final Pane overlay = new Pane();
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final Translate translate = new Translate(40, 40);
    private final Map<String, BlockNode> nodes = new LinkedHashMap<>();
    private final List<WireNode> wires = new ArrayList<>();
    private final Rectangle rubberBand = new Rectangle();
    private final Line pendingWire = new Line();
    private final Minimap minimap;
    private Map<String, String> visibleOf = Map.of();

    private enum Mode { NONE, RUBBER, MOVE, PAN, CONNECT_FROM_OUTPUT, CONNECT_FROM_INPUT }

    private Mode mode = Mode.NONE;
    private Point2D pressScene;
    private Point2D pressWorld;
    private String dragSource;
    private int dragInput;
    private final Map<String, Point2D> moveStart = new HashMap<>();
    private WireNode highlighted;

    public DesignCanvas(DesignerModel model) {
        this.model = model;
        setId("design-canvas");
        getStyleClass().add("design-canvas");
        world.getTransforms().addAll(translate, scale);
        world.getChildren().addAll(wireLayer, blockLayer);
        world.setManaged(false);
        blockLayer.setManaged(false);
        rubberBand.getStyleClass().add("rubber-band");
        rubberBand.setVisible(false);
        pendingWire.getStyleClass().add("pending-wire");
        pendingWire.setVisible(false);
        overlay.setMouseTransparent(true);
        overlay.getChildren().addAll(rubberBand, pendingWire);
        minimap = new Minimap(this);
        getChildren().addAll(world, overlay, minimap);
        var clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setFocusTraversable(true);

        model.designProperty().addListener((obs, old, d) -> rebuild(d));
        model.analysisProperty().addListener((obs, old, a) -> showAnalysis(a));
        model.selection().addListener((javafx.collections.SetChangeListener<String>) c -> showSelection());
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        addEventHandler(MouseEvent.MOUSE_CLICKED, this::clicked);
        addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        rebuild(model.design());
    }

    @Override
    protected void layoutChildren() {
        overlay.resize(getWidth(), getHeight());
        minimap.autosize();
        minimap.relocate(getWidth() - minimap.prefWidth(-1) - 12, getHeight() - minimap.prefHeight(-1) - 12);
        minimap.redraw();
    }

    // ---- building the scene graph from the design ---------------------------------------------

    private void rebuild(Design d) {
        Map<String, String> visible = new HashMap<>();
        Set<String> hidden = new HashSet<>();
        for (StageGroup g : d.groups()) {
            if (g.collapsed()) {
                for (String id : g.blockIds()) {
                    visible.put(id, GROUP_PREFIX + g.name());
                    hidden.add(id);
                }
            }
        }
        visibleOf = visible;
        Map<String, BlockNode> next = new LinkedHashMap<>();
        next.put(NetworkSpec.INPUT, reuse(NetworkSpec.INPUT, "input", List.of(), "image " + d.spec().input()));
        for (Block b : d.blocks()) {
            if (hidden.contains(b.id())) {
                continue;
            }
            BlockKind kind = BlockKinds.of(b);
            next.put(b.id(), reuse(b.id(), b.kind(), kind.inputNames(), kind.title()));
        }
        for (StageGroup g : d.groups()) {
            if (g.collapsed()) {
                String id = GROUP_PREFIX + g.name();
                BlockNode n = reuse(id, "group", List.of("in"), g.name());
                n.setTitle(g.name() + " (" + g.blockIds().size() + ")");
                next.put(id, n);
            }
        }
        nodes.keySet().removeIf(id -> !next.containsKey(id));
        nodes.putAll(next);
        blockLayer.getChildren().setAll(nodes.values());
        for (var e : nodes.entrySet()) {
            String id = e.getKey();
            Position p = id.startsWith(GROUP_PREFIX) ? groupPosition(d, id.substring(GROUP_PREFIX.length()))
                    : d.position(id);
            e.getValue().relocate(p.x(), p.y());
        }
        nodes.get(NetworkSpec.INPUT).setTitle("input " + d.spec().input());
        rebuildWires(d);
        showSelection();
        showAnalysis(model.analysisProperty().get());
        minimap.redraw();
    }

    private BlockNode reuse(String id, String kind, List<String> inputs, String description) {
        BlockNode n = nodes.get(id);
        if (n != null && n.getStyleClass().contains("kind-" + kind) && n.inputPorts().size() == inputs.size()) {
            return n;
        }
        BlockNode created = new BlockNode(id, kind, inputs, !kind.equals("classifier"));
        created.setUserData(description);
        return created;
    }

    private static Position groupPosition(Design d, String group) {
        return d.groups().stream().filter(g -> g.name().equals(group)).findFirst()
                .map(g -> d.position(g.blockIds().get(0))).orElse(new Position(0, 0));
    }

    private void rebuildWires(Design d) {
        wires.clear();
        for (Block b : d.blocks()) {
            String target = visibleOf.getOrDefault(b.id(), b.id());
            for (int k = 0; k < b.inputs().size(); k++) {
                String in = b.inputs().get(k);
                if (in.isEmpty()) {
                    continue;
                }
                String source = visibleOf.getOrDefault(in, in);
                if (source.equals(target) || !nodes.containsKey(source) || !nodes.containsKey(target)) {
                    continue;
                }
                WireNode w = new WireNode(b.id(), k);
                w.setId("wire-" + b.id() + "-" + k);
                BlockNode to = nodes.get(target);
                int port = target.equals(b.id()) ? k : 0;
                w.connect(nodes.get(source).outputAnchor(), to.inputAnchor(port));
                wires.add(w);
            }
        }
        wireLayer.getChildren().setAll(wires);
    }

    private void showAnalysis(DesignAnalysis a) {
        if (a == null) {
            return;
        }
        Map<String, String> problems = new HashMap<>();
        for (SpecException p : a.problems()) {
            if (p.blockId() != null) {
                problems.merge(p.blockId(), p.getMessage(), (x, y) -> x + "\n" + y);
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
            if (id.equals(NetworkSpec.INPUT) || id.startsWith(GROUP_PREFIX)) {
                continue;
            }
            n.setProblem(problems.get(id));
            n.setCost(a.blocks().get(id), maxBytes, maxOps, String.valueOf(n.getUserData()));
        }
    }

    private void showSelection() {
        for (var e : nodes.entrySet()) {
            e.getValue().setSelected(model.selection().contains(e.getKey()));
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

    /** Bounds of everything on the canvas, in world coordinates. */
    Bounds contentBounds() {
        return blockLayer.getBoundsInParent();
    }

    /** The visible part of the world. */
    Bounds viewportInWorld() {
        Point2D a = world.parentToLocal(0, 0);
        Point2D b = world.parentToLocal(getWidth(), getHeight());
        return new javafx.geometry.BoundingBox(a.getX(), a.getY(), b.getX() - a.getX(), b.getY() - a.getY());
    }

    public void fitToView() {
        Bounds b = contentBounds();
        if (b.isEmpty() || getWidth() <= 0 || getHeight() <= 0) {
            return;
        }
        double s = Math.min(1.2, 0.92 * Math.min(getWidth() / b.getWidth(), getHeight() / b.getHeight()));
        s = Math.max(MIN_SCALE, s);
        scale.setX(s);
        scale.setY(s);
        translate.setX((getWidth() - b.getWidth() * s) / 2 - b.getMinX() * s);
        translate.setY((getHeight() - b.getHeight() * s) / 2 - b.getMinY() * s);
        minimap.redraw();
    }

    /** Centres the view on a world point (minimap clicks). */
    void centerOn(Point2D worldPoint) {
        translate.setX(getWidth() / 2 - worldPoint.getX() * scale.getX());
        translate.setY(getHeight() / 2 - worldPoint.getY() * scale.getY());
        minimap.redraw();
    }

    Map<String, BlockNode> nodes() {
        return nodes;
    }

    /** The world node, for exporting the design as a picture. */
    public Node content() {
        return world;
    }

    // ---- palette drops -----------------------------------------------------------------------

    /** While a palette block is dragged over the canvas: highlight the wire it would be inserted on. */
    public void dragOver(Point2D scenePoint) {
        WireNode w = wireAt(scenePoint);
        if (highlighted != null && highlighted != w) {
            highlighted.getStyleClass().remove("wire-target");
        }
        if (w != null && !w.getStyleClass().contains("wire-target")) {
            w.getStyleClass().add("wire-target");
        }
        highlighted = w;
    }

    public boolean contains(Point2D scenePoint) {
        Point2D local = sceneToLocal(scenePoint);
        return local.getX() >= 0 && local.getY() >= 0 && local.getX() <= getWidth() && local.getY() <= getHeight();
    }

    /** Places a block dropped from the palette; on a wire, it is inserted into that connection. */
    public String drop(BlockKind kind, Point2D scenePoint) {
        dragOver(new Point2D(-1e9, -1e9));
        if (model.design().family() != null) {
            return null;
        }
        Point2D p = toWorld(scenePoint);
        Position at = new Position(p.getX() - BlockNode.W / 2, p.getY() - BlockNode.H / 2);
        WireNode w = wireAt(scenePoint);
        if (w != null) {
            return model.insertOnConnection(kind, at, w.target(), w.inputIndex());
        }
        return model.addBlock(kind, at);
    }

    private WireNode wireAt(Point2D scenePoint) {
        Point2D p = toWorld(scenePoint);
        double tolerance = 10 / scale.getX();
        WireNode best = null;
        double bestDistance = tolerance;
        for (WireNode w : wires) {
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

    private void pressed(MouseEvent e) {
        requestFocus();
        pressScene = new Point2D(e.getSceneX(), e.getSceneY());
        pressWorld = toWorld(pressScene);
        Node target = e.getPickResult().getIntersectedNode();
        if (minimap.isAncestorOf(target)) {
            return;
        }
        if (e.getButton() == MouseButton.MIDDLE || e.getButton() == MouseButton.SECONDARY) {
            mode = Mode.PAN;
            return;
        }
        BlockNode node = nodeOf(target);
        boolean bound = model.design().family() != null;
        if (node != null && target instanceof Circle port && !bound) {
            if (port == node.outputPort()) {
                mode = Mode.CONNECT_FROM_OUTPUT;
                dragSource = node.blockId();
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
            if (e.isShiftDown() || e.isShortcutDown()) {
                model.toggleSelection(id);
            } else if (!model.selection().contains(id)) {
                model.select(List.of(id));
            }
            mode = Mode.MOVE;
            moveStart.clear();
            for (String sel : model.selection()) {
                BlockNode n = nodes.get(sel);
                if (n != null) {
                    moveStart.put(sel, new Point2D(n.getLayoutX(), n.getLayoutY()));
                }
            }
            if (id.equals(NetworkSpec.INPUT) || id.startsWith(GROUP_PREFIX)) {
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
        switch (mode) {
            case PAN -> {
                panBy(scenePoint.getX() - pressScene.getX(), scenePoint.getY() - pressScene.getY());
                pressScene = scenePoint;
            }
            case MOVE -> {
                Point2D w = toWorld(scenePoint);
                double dx = w.getX() - pressWorld.getX();
                double dy = w.getY() - pressWorld.getY();
                moveStart.forEach((id, start) -> {
                    BlockNode n = nodes.get(id);
                    if (n != null) {
                        n.relocate(start.getX() + dx, start.getY() + dy);
                    }
                });
                rebuildWiresFromNodes();
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

    /** Moves wire ends with the blocks being dragged (positions are committed on release). */
    private void rebuildWiresFromNodes() {
        for (WireNode w : wires) {
            Block b = model.design().block(w.target()).orElse(null);
            if (b == null) {
                continue;
            }
            String source = visibleOf.getOrDefault(b.inputs().get(w.inputIndex()), b.inputs().get(w.inputIndex()));
            String target = visibleOf.getOrDefault(b.id(), b.id());
            BlockNode from = nodes.get(source);
            BlockNode to = nodes.get(target);
            if (from != null && to != null) {
                w.connect(from.outputAnchor(), to.inputAnchor(target.equals(b.id()) ? w.inputIndex() : 0));
            }
        }
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
                if (hit != null) {
                    model.connect(dragSource, hit.getKey(), hit.getValue());
                }
            }
            case CONNECT_FROM_INPUT -> {
                pendingWire.setVisible(false);
                var hit = portAt(scenePoint, false);
                if (hit != null) {
                    model.connect(hit.getKey(), dragSource, dragInput);
                } else if (!model.design().block(dragSource).map(b -> b.inputs().get(dragInput).isEmpty()).orElse(true)) {
                    model.disconnect(dragSource, dragInput);
                }
            }
            default -> {
            }
        }
        mode = Mode.NONE;
    }

    private void commitMove(Point2D scenePoint) {
        Point2D w = toWorld(scenePoint);
        double dx = w.getX() - pressWorld.getX();
        double dy = w.getY() - pressWorld.getY();
        if (Math.abs(dx) < 0.5 && Math.abs(dy) < 0.5) {
            return;
        }
        Map<String, Position> to = new HashMap<>();
        Design d = model.design();
        moveStart.forEach((id, start) -> {
            if (id.startsWith(GROUP_PREFIX)) {
                String group = id.substring(GROUP_PREFIX.length());
                d.groups().stream().filter(g -> g.name().equals(group)).findFirst()
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
        var box = new javafx.geometry.BoundingBox(a.getX(), a.getY(), b.getX() - a.getX(), b.getY() - a.getY());
        List<String> ids = new ArrayList<>(model.selection());
        for (var e : nodes.entrySet()) {
            String id = e.getKey();
            if (id.equals(NetworkSpec.INPUT) || id.startsWith(GROUP_PREFIX)) {
                continue;
            }
            if (box.intersects(e.getValue().getBoundsInParent()) && !ids.contains(id)) {
                ids.add(id);
            }
        }
        model.select(ids);
    }

    /** The block and port under a scene point: an input port (target) or an output port (source). */
    private Map.Entry<String, Integer> portAt(Point2D scenePoint, boolean input) {
        Point2D p = toWorld(scenePoint);
        double tolerance = Math.max(10, 10 / scale.getX());
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
            } else if (n.getChildren().contains(n.outputPort()) && n.outputAnchor().distance(p) <= tolerance) {
                return Map.entry(n.blockId(), 0);
            }
        }
        // dropping on the body of a block with one free input connects to that input
        for (BlockNode n : nodes.values()) {
            if (input && n.getBoundsInParent().contains(p) && !n.blockId().startsWith(GROUP_PREFIX)
                    && !n.inputPorts().isEmpty()) {
                Block b = model.design().block(n.blockId()).orElse(null);
                if (b != null) {
                    int free = b.inputs().indexOf("");
                    return Map.entry(n.blockId(), free >= 0 ? free : 0);
                }
            }
            if (!input && n.getBoundsInParent().contains(p) && n.getChildren().contains(n.outputPort())) {
                return Map.entry(n.blockId(), 0);
            }
        }
        return null;
    }

    private void clicked(MouseEvent e) {
        if (e.getClickCount() == 2) {
            BlockNode node = nodeOf(e.getPickResult().getIntersectedNode());
            if (node != null && node.blockId().startsWith(GROUP_PREFIX)) {
                model.setCollapsed(node.blockId().substring(GROUP_PREFIX.length()), false);
            }
        }
    }

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() == 0) {
            return;
        }
        if (e.isShiftDown()) {
            panBy(e.getDeltaX(), e.getDeltaY());
        } else {
            double factor = Math.pow(1.0015, e.getDeltaY());
            zoomBy(factor, sceneToLocal(e.getSceneX(), e.getSceneY()));
        }
        e.consume();
    }
}
