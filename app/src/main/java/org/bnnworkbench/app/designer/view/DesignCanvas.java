package org.bnnworkbench.app.designer.view;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.WritableImage;
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
import org.bnnworkbench.app.designer.model.Design;
import org.bnnworkbench.app.designer.model.Position;
import org.bnnworkbench.engine.spec.BlockKind;
import org.bnnworkbench.engine.spec.NetworkSpec;

/**
 * The canvas: blocks and wires in a zoomable, pannable world. Click selects, Shift/Ctrl-click adds
 * to the selection, dragging on empty space draws a rubber band, dragging blocks moves them (one
 * undoable move), dragging from an output port to an input port connects them, and dragging from a
 * connected input port to empty space disconnects it. Wheel zooms around the pointer; the middle
 * or right button pans. Blocks dropped from the palette land where they are dropped, or on the
 * wire under the pointer (inserted there). Stages are framed; a collapsed stage is one node.
 * What is drawn is a {@link DesignScene}; the canvas adds the zoom and pan, the minimap and the
 * gestures, which it turns into edits of the view model.
 */
public final class DesignCanvas extends Pane {

    static final String GROUP_PREFIX = DesignScene.GROUP_PREFIX;
    static final String STAGE_HEADER = "stage-header";
    private static final double MIN_SCALE = 0.05;
    private static final double MAX_SCALE = 3;
    private static final double MARGIN = 24;

    private final DesignerModel model;
    private final DesignScene scene;
    private final Pane overlay = new Pane();
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final Translate translate = new Translate(40, 40);
    private final Rectangle rubberBand = new Rectangle();
    private final Line pendingWire = new Line();
    private final Minimap minimap;

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
        minimap = new Minimap(this);
        scene = new DesignScene(model, this::sceneChanged);
        scene.getTransforms().addAll(translate, scale);
        rubberBand.getStyleClass().add("rubber-band");
        rubberBand.setVisible(false);
        pendingWire.getStyleClass().add("pending-wire");
        pendingWire.setVisible(false);
        overlay.setMouseTransparent(true);
        overlay.setManaged(false);
        overlay.getChildren().addAll(rubberBand, pendingWire);
        getChildren().addAll(scene, overlay, minimap);
        var clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setFocusTraversable(true);

        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        addEventHandler(MouseEvent.MOUSE_CLICKED, this::clicked);
        addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        widthProperty().addListener((obs, o, n) -> minimap.redraw());
        heightProperty().addListener((obs, o, n) -> minimap.redraw());
    }

    private void sceneChanged() {
        if (scene != null) { // the scene draws the first design while it is being made
            minimap.redraw();
        }
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

    // ---- coordinates and view ----------------------------------------------------------------

    Point2D toWorld(Point2D scenePoint) {
        return scene.sceneToLocal(scenePoint);
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

    /** Bounds of all blocks and stage frames, in design coordinates. */
    public Bounds contentBounds() {
        return scene.contentBounds();
    }

    /** The visible part of the world. */
    Bounds viewportInWorld() {
        Point2D a = scene.parentToLocal(0, 0);
        Point2D b = scene.parentToLocal(getWidth(), getHeight());
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
        if (scene.nodes().size() == 1 && scene.isComplete()) {
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
        BlockNode n = scene.nodes().get(scene.visible(blockId));
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
        return scene.nodes();
    }

    /** True when every node of the design is on the canvas (large designs are built over a few pulses). */
    public boolean isComplete() {
        return scene.isComplete();
    }

    /** How many block nodes (including the image and collapsed stages) the canvas shows. */
    public int nodeCount() {
        return scene.nodes().size();
    }

    /** The blocks, wires and frames, under the canvas's zoom and pan. */
    public Node content() {
        return scene;
    }

    /**
     * A picture of one area of the design at 100 %, on white; only what lies in the area is drawn,
     * so that a large design exported in tiles costs each tile only its own blocks. Call on the FX thread.
     */
    public WritableImage snapshotOfDesign(Rectangle2D area) {
        return scene.snapshotOf(area);
    }

    // ---- palette drops -----------------------------------------------------------------------

    /**
     * While a palette block is dragged over the canvas: highlights the wire it would be inserted
     * on, and says which ("between s1b1-dense and s1b2-dense"), or null when it would just be placed.
     */
    public String dragOver(Point2D scenePoint) {
        WireNode w = contains(scenePoint) ? wireAt(scenePoint) : null;
        if (w != null && !scene.visible(w.target()).equals(w.target())) {
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
        if (w != null && scene.visible(w.target()).equals(w.target())) {
            return model.insertOnConnection(kind, at, w.target(), w.inputIndex());
        }
        return model.addBlock(kind, at);
    }

    private WireNode wireAt(Point2D scenePoint) {
        Point2D p = toWorld(scenePoint);
        double tolerance = 10 / scale.getX();
        WireNode best = null;
        double bestDistance = tolerance;
        for (WireNode w : scene.wires()) {
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
            scene.shown().group(stage).ifPresent(g -> {
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
                dragSource = node.blockId().startsWith(GROUP_PREFIX) ? scene.lastOfGroup(node.blockId()) : node.blockId();
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
            BlockNode n = scene.nodes().get(sel);
            if (n != null) {
                moveStart.put(sel, new Point2D(n.getLayoutX(), n.getLayoutY()));
            }
        }
    }

    private void showPendingWire(Point2D fromWorld, Point2D toWorld) {
        Point2D a = scene.localToParent(fromWorld);
        Point2D b = scene.localToParent(toWorld);
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
                    BlockNode n = scene.nodes().get(id);
                    if (n != null) {
                        n.relocate(start.getX() + dx, start.getY() + dy);
                        touched.addAll(scene.wiresAt().getOrDefault(id, List.of()));
                    }
                });
                touched.forEach(scene::route);
                scene.placeFrames(scene.shown());
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
                var hit = scene.portAt(toWorld(scenePoint), portTolerance(), true);
                if (hit != null && !hit.getKey().equals(dragSource)) {
                    model.connect(dragSource, hit.getKey(), hit.getValue());
                }
            }
            case CONNECT_FROM_INPUT -> {
                pendingWire.setVisible(false);
                var hit = scene.portAt(toWorld(scenePoint), portTolerance(), false);
                if (hit != null && !hit.getKey().equals(dragSource)) {
                    model.connect(hit.getKey(), dragSource, dragInput);
                } else if (hit == null && dragged
                        && !scene.shown().block(dragSource).map(b -> b.inputs().get(dragInput).isEmpty()).orElse(true)) {
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
                BlockNode n = scene.nodes().get(id);
                if (n != null) {
                    n.relocate(start.getX(), start.getY());
                }
            });
            return;
        }
        Map<String, Position> to = new HashMap<>();
        Design d = scene.shown();
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
        for (var e : scene.nodes().entrySet()) {
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

    /** How near a port the pointer must be, in design units: a few pixels on screen at any zoom. */
    private double portTolerance() {
        return Math.max(BlockNode.PORT_RADIUS + 4, 12 / scale.getX());
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
