package studio.backprop.ui.editor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.SetChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import studio.backprop.nn.Network;
import studio.backprop.nn.ShapeReport;
import studio.backprop.spec.LayerCatalog;
import studio.backprop.spec.LayerSpec;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.ui.export.ExportMenu;
import studio.backprop.ui.export.Exportable;

/**
 * The network drawn as boxes and curves on a sheet that zooms and pans. It observes the {@link EditorViewModel}
 * and redraws when the document changes; every gesture ends in one call of a view-model action (so in one
 * undoable command). The gestures themselves live in {@link CanvasGestures}.
 *
 * <p>Drop a palette entry to add a layer; drag from a box's right port to another box to connect; drag boxes to
 * move them (all selected ones together); drag the background for a selection rectangle, with the right or middle
 * button (or scroll) to pan; ctrl+wheel zooms. Keys: Delete, ctrl+A/C/V/Z/Y (ctrl+shift+Z), +/−/0, arrows.
 */
public final class EditorCanvas extends Region implements Exportable {

    private final EditorViewModel vm;
    private final Sheet sheet = new Sheet();
    private final Group wires = new Group();
    private final Group labels = new Group();
    private final Group overlay = new Group();
    private final Map<String, LayerNode> nodes = new LinkedHashMap<>();
    private final List<Connection> connections = new ArrayList<>();
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final CanvasNotice notice = new CanvasNotice();

    public EditorCanvas(EditorViewModel vm) {
        this.vm = vm;
        getStyleClass().add("editor-canvas");
        getStylesheets().add(EditorCanvas.class.getResource("editor.css").toExternalForm());
        setId("editor-canvas");
        setFocusTraversable(true);
        sheet.getTransforms().add(scale);
        // Room around the drawing, so an exported picture does not end at the last box's edge.
        sheet.setPadding(new javafx.geometry.Insets(0, 40, 40, 0));
        sheet.getChildren().addAll(wires, labels, overlay);
        getChildren().addAll(sheet, notice);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        scale.xProperty().bind(vm.zoomProperty());
        scale.yProperty().bind(vm.zoomProperty());
        vm.compilationProperty().addListener((o, was, now) -> {
            redraw();
            if (was == null || anotherNetwork(was.document(), now.document())) {
                fitLater = true;
            }
        });
        fitLater = true;
        vm.selection().addListener((SetChangeListener<String>) c -> showSelection());
        installDrop();
        installNotices();
        new CanvasGestures(this, vm).install();
        exportMenu();
        redraw();
    }

    /** A still right click on the background (not on a box or a connection) offers to export the network. */
    private void exportMenu() {
        ContextMenu menu = new ContextMenu(ExportMenu.item(ExportMenu.EXPORT, this, this));
        addEventHandler(javafx.scene.input.MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == javafx.scene.input.MouseButton.SECONDARY && e.isStillSincePress()
                    && (e.getTarget() == this || e.getTarget() == sheet)) {
                menu.show(this, e.getScreenX(), e.getScreenY());
                e.consume();
            }
        });
    }

    /** Refusals and replaced wires show beside the pointer, where the gesture ended. */
    private void installNotices() {
        addEventFilter(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> anchorNotice(e.getSceneX(), e.getSceneY()));
        addEventFilter(javafx.scene.input.DragEvent.DRAG_DROPPED, e -> anchorNotice(e.getSceneX(), e.getSceneY()));
        addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getTarget() != notice) {
                notice.dismiss();
            }
        });
        vm.noticeProperty().addListener((o, was, now) -> {
            if (now != null) {
                notice.show(now);
            }
        });
    }

    private void anchorNotice(double sceneX, double sceneY) {
        Point2D at = sceneToLocal(sceneX, sceneY);
        notice.anchorAt(at.getX(), at.getY());
    }

    /** The message shown on the canvas after a refused or replacing edit (hidden when there is none). */
    public javafx.scene.control.Label notice() {
        return notice;
    }

    private void installDrop() {
        setOnDragOver(e -> {
            if (e.getDragboard().hasString() && LayerCatalog.type(e.getDragboard().getString()) != null) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            String type = e.getDragboard().hasString() ? e.getDragboard().getString() : null;
            boolean ok = type != null && LayerCatalog.type(type) != null;
            if (ok) {
                Point2D at = toSheet(e.getSceneX(), e.getSceneY());
                vm.addLayer(type, at.getX() - LayerNode.WIDTH / 2, at.getY() - 20);
                requestFocus();
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    /** Rebuilds boxes and connections from the view model (boxes are kept and updated, not recreated). */
    private void redraw() {
        NetworkDocument doc = vm.document();
        Map<String, Point2D> at = vm.positionsProperty().get();
        Map<String, ShapeReport.NodeShape> shapes = vm.shapesProperty().get();
        Map<String, LayerNode> old = new HashMap<>(nodes);
        nodes.clear();
        LayerNode input = old.containsKey(Network.INPUT) ? old.remove(Network.INPUT) : newNode(Network.INPUT);
        input.showInput(doc.inputShape(), vm.selection().contains(Network.INPUT));
        place(input, at.get(Network.INPUT));
        for (LayerSpec l : doc.layers()) {
            LayerNode node = old.containsKey(l.name()) ? old.remove(l.name()) : newNode(l.name());
            node.show(l, shapes.get(l.name()), vm.problemsOf(l.name()), vm.selection().contains(l.name()));
            place(node, at.get(l.name()));
        }
        sheet.getChildren().removeAll(old.values());
        rebuildConnections(doc, shapes);
        sheet.requestLayout();
    }

    private LayerNode newNode(String name) {
        LayerNode node = new LayerNode(name, name.equals(Network.INPUT));
        sheet.getChildren().add(sheet.getChildren().indexOf(overlay), node);
        CanvasGestures.forNode(this, vm, node);
        return node;
    }

    private void place(LayerNode node, Point2D at) {
        nodes.put(node.name(), node);
        node.setTranslateX(0);
        node.setTranslateY(0);
        node.relocate(at.getX(), at.getY());
    }

    private void rebuildConnections(NetworkDocument doc, Map<String, ShapeReport.NodeShape> shapes) {
        connections.clear();
        for (LayerSpec l : doc.layers()) {
            for (String in : l.inputs()) {
                if (nodes.containsKey(in)) {
                    int[] shape = in.equals(Network.INPUT) ? doc.inputShape()
                            : shapes.containsKey(in) ? shapes.get(in).outputShape() : null;
                    connections.add(new Connection(in, l.name(), shape, () -> vm.disconnect(in, l.name())));
                }
            }
        }
        wires.getChildren().setAll(connections.stream().map(Connection::curve).toList());
        labels.getChildren().setAll(connections.stream().map(Connection::label).toList());
    }

    /** Moves every connection to where its boxes are now (after layout, and during a drag). */
    void placeConnections() {
        for (Connection c : connections) {
            c.place(portOf(nodes.get(c.source()), true), portOf(nodes.get(c.target()), false));
        }
    }

    private static Point2D portOf(LayerNode node, boolean output) {
        double h = node.getHeight() > 0 ? node.getHeight() : node.prefHeight(-1);
        double x = node.getLayoutX() + node.getTranslateX() + (output ? LayerNode.WIDTH : 0);
        return new Point2D(x, node.getLayoutY() + node.getTranslateY() + h / 2);
    }

    private void showSelection() {
        NetworkDocument doc = vm.document();
        nodes.forEach((name, node) -> {
            LayerSpec l = doc.layer(name);
            if (l == null) {
                node.showInput(doc.inputShape(), vm.selection().contains(name));
            } else {
                node.show(l, vm.shapesProperty().get().get(name), vm.problemsOf(name), vm.selection().contains(name));
            }
        });
    }

    /** A point of the scene in sheet coordinates (where layer positions live). */
    Point2D toSheet(double sceneX, double sceneY) {
        return sheet.sceneToLocal(sceneX, sceneY);
    }

    /** The box under a sheet point, or null. */
    LayerNode nodeAt(Point2D sheetPoint) {
        for (LayerNode n : nodes.values()) {
            if (n.getBoundsInParent().contains(sheetPoint)) {
                return n;
            }
        }
        return null;
    }

    /** The box drawing a node ("input" or a layer name), or null. */
    public LayerNode node(String name) {
        return nodes.get(name);
    }

    /** The shape label on the connection from source to target, or null. */
    public javafx.scene.control.Label shapeLabel(String source, String target) {
        return connections.stream().filter(c -> c.source().equals(source) && c.target().equals(target))
                .map(Connection::label).findFirst().orElse(null);
    }

    Map<String, LayerNode> nodes() {
        return nodes;
    }

    Group overlay() {
        return overlay;
    }

    Pane sheet() {
        return sheet;
    }

    /** Shifts the view of the sheet by (dx, dy) screen pixels. */
    void pan(double dx, double dy) {
        sheet.setTranslateX(sheet.getTranslateX() + dx);
        sheet.setTranslateY(sheet.getTranslateY() + dy);
    }

    /** Zooms keeping the sheet point under (localX, localY) of the canvas where it is. */
    void zoomAt(double factor, double localX, double localY) {
        double before = vm.zoomProperty().get();
        vm.setZoom(before * factor);
        double after = vm.zoomProperty().get();
        double px = (localX - sheet.getTranslateX()) / before;
        double py = (localY - sheet.getTranslateY()) / before;
        sheet.setTranslateX(localX - px * after);
        sheet.setTranslateY(localY - py * after);
    }

    @Override
    protected void layoutChildren() {
        sheet.autosize();
        sheet.relocate(0, 0);
        notice.place(getWidth(), getHeight());
        if (fitLater && getWidth() > 0 && getHeight() > 0) {
            fitLater = false;
            if (!fits()) {
                fitToWindow();
            }
        }
    }

    /** Set when another network was opened: its drawing is fitted to the window at the next layout if too large. */
    private boolean fitLater;

    /**
     * True when a network was opened rather than edited: no layer of {@code now} was in {@code before}, or an
     * empty sheet received several layers at once (one added layer is an edit).
     */
    private static boolean anotherNetwork(NetworkDocument before, NetworkDocument now) {
        return before.layers().isEmpty() ? now.layers().size() > 1
                : now.layers().stream().noneMatch(l -> before.layer(l.name()) != null);
    }

    /** The boxes' extent on the sheet: min x, min y, max x, max y (unzoomed). */
    private double[] extent() {
        double[] e = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (LayerNode n : nodes.values()) {
            double h = n.getHeight() > 0 ? n.getHeight() : n.prefHeight(-1);
            e[0] = Math.min(e[0], n.getLayoutX());
            e[1] = Math.min(e[1], n.getLayoutY());
            e[2] = Math.max(e[2], n.getLayoutX() + LayerNode.WIDTH);
            e[3] = Math.max(e[3], n.getLayoutY() + h);
        }
        if (!connections.isEmpty()) {
            Bounds w = wires.getBoundsInParent();
            e[0] = Math.min(e[0], w.getMinX());
            e[1] = Math.min(e[1], w.getMinY());
            e[2] = Math.max(e[2], w.getMaxX());
            e[3] = Math.max(e[3], w.getMaxY());
        }
        return e;
    }

    /** The zoom the sheet is drawn at now. */
    public double scaleOfSheet() {
        return scale.getX();
    }

    /** True when the whole drawing shows at the current zoom and pan. */
    boolean fits() {
        double[] e = extent();
        double z = vm.zoomProperty().get();
        return nodes.isEmpty() || (sheet.getTranslateX() + e[0] * z >= 0 && sheet.getTranslateY() + e[1] * z >= 0
                && sheet.getTranslateX() + e[2] * z <= getWidth() && sheet.getTranslateY() + e[3] * z <= getHeight());
    }

    /** Zooms (never above 100 %) and pans so the whole network shows, with a margin (the toolbar's Fit, F). */
    public void fitToWindow() {
        if (nodes.isEmpty() || getWidth() <= 0 || getHeight() <= 0) {
            return;
        }
        double[] e = extent();
        double margin = 16;
        double zoom = Math.min(1, Math.min((getWidth() - 2 * margin) / (e[2] - e[0]),
                (getHeight() - 2 * margin) / (e[3] - e[1])));
        vm.setZoom(zoom);
        double z = vm.zoomProperty().get();
        sheet.setTranslateX(margin - e[0] * z);
        sheet.setTranslateY(margin - e[1] * z);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 900;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 560;
    }

    /** The whole network (not just the visible part), at the current zoom. */
    @Override
    public Node exportNode() {
        return sheet;
    }

    @Override
    public String exportName() {
        return "network";
    }

    /** The zoomed, panned drawing surface; places the connections once the boxes have their sizes. */
    private final class Sheet extends Pane {
        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            placeConnections();
        }
    }
}
