package studio.backprop.ui.editor;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import studio.backprop.nn.Network;

/**
 * The mouse and keyboard on the {@link EditorCanvas}. Gestures show their progress on the canvas (boxes follow
 * the mouse, a rubber-band line or rectangle) and end in a single view-model action, so one drag is one command.
 */
final class CanvasGestures {

    private static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REDO = new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REDO_SHIFT = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination PASTE = new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination ALL = new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN);
    private static final double ARROW_STEP = 10;

    private final EditorCanvas canvas;
    private final EditorViewModel vm;
    private Point2D bandStart;
    private Rectangle band;
    private Point2D panLast;

    CanvasGestures(EditorCanvas canvas, EditorViewModel vm) {
        this.canvas = canvas;
        this.vm = vm;
    }

    /** Background gestures (selection rectangle, pan, wheel) and keys. */
    void install() {
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        canvas.setOnScroll(e -> {
            if (e.isShortcutDown()) {
                canvas.zoomAt(e.getDeltaY() > 0 ? 1.1 : 1 / 1.1, e.getX(), e.getY());
            } else {
                canvas.pan(e.getDeltaX(), e.getDeltaY());
            }
            e.consume();
        });
        canvas.addEventHandler(KeyEvent.KEY_PRESSED, this::key);
    }

    private void pressed(MouseEvent e) {
        canvas.requestFocus();
        if (e.getButton() == MouseButton.PRIMARY) {
            bandStart = canvas.toSheet(e.getSceneX(), e.getSceneY());
            band = new Rectangle(bandStart.getX(), bandStart.getY(), 0, 0);
            band.getStyleClass().add("rubber-band");
            canvas.overlay().getChildren().add(band);
        } else {
            panLast = new Point2D(e.getSceneX(), e.getSceneY());
        }
    }

    private void dragged(MouseEvent e) {
        if (band != null) {
            Bounds b = box(bandStart, canvas.toSheet(e.getSceneX(), e.getSceneY()));
            band.setX(b.getMinX());
            band.setY(b.getMinY());
            band.setWidth(b.getWidth());
            band.setHeight(b.getHeight());
        } else if (panLast != null) {
            canvas.pan(e.getSceneX() - panLast.getX(), e.getSceneY() - panLast.getY());
            panLast = new Point2D(e.getSceneX(), e.getSceneY());
        }
    }

    private void released(MouseEvent e) {
        if (band != null) {
            Bounds b = box(bandStart, canvas.toSheet(e.getSceneX(), e.getSceneY()));
            canvas.overlay().getChildren().remove(band);
            band = null;
            boolean add = e.isShiftDown() || e.isShortcutDown();
            if (!add) {
                vm.clearSelection();
            }
            canvas.nodes().forEach((name, node) -> {
                if (b.getWidth() > 2 && node.getBoundsInParent().intersects(b)) {
                    vm.selection().add(name);
                }
            });
        }
        panLast = null;
    }

    private static Bounds box(Point2D a, Point2D b) {
        return new BoundingBox(Math.min(a.getX(), b.getX()), Math.min(a.getY(), b.getY()),
                Math.abs(a.getX() - b.getX()), Math.abs(a.getY() - b.getY()));
    }

    private void key(KeyEvent e) {
        boolean handled = true;
        if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
            vm.deleteSelection();
        } else if (UNDO.match(e)) {
            vm.undo();
        } else if (REDO.match(e) || REDO_SHIFT.match(e)) {
            vm.redo();
        } else if (COPY.match(e)) {
            vm.copy();
        } else if (PASTE.match(e)) {
            vm.paste();
        } else if (ALL.match(e)) {
            vm.selectAll();
        } else if (e.getCode() == KeyCode.ESCAPE) {
            vm.clearSelection();
        } else if (e.getCode() == KeyCode.PLUS || e.getCode() == KeyCode.EQUALS || e.getCode() == KeyCode.ADD) {
            vm.zoomIn();
        } else if (e.getCode() == KeyCode.MINUS || e.getCode() == KeyCode.SUBTRACT) {
            vm.zoomOut();
        } else if (e.getCode() == KeyCode.DIGIT0 || e.getCode() == KeyCode.NUMPAD0) {
            vm.resetZoom();
        } else if (e.getCode() == KeyCode.F && !e.isShortcutDown()) {
            canvas.fitToWindow();
        } else if (e.getCode().isArrowKey()) {
            double dx = e.getCode() == KeyCode.LEFT ? -ARROW_STEP : e.getCode() == KeyCode.RIGHT ? ARROW_STEP : 0;
            double dy = e.getCode() == KeyCode.UP ? -ARROW_STEP : e.getCode() == KeyCode.DOWN ? ARROW_STEP : 0;
            vm.moveLayers(List.copyOf(vm.selection()), dx, dy);
        } else {
            handled = false;
        }
        if (handled) {
            e.consume();
        }
    }

    /** Click to select (shift/ctrl to add), drag to move the selection, drag from the output port to connect. */
    static void forNode(EditorCanvas canvas, EditorViewModel vm, LayerNode node) {
        new NodeDrag(canvas, vm, node).install();
        new Wire(canvas, vm, node).install();
    }

    /** Moving boxes: they follow the mouse, and the release becomes one move command. */
    private static final class NodeDrag {
        private final EditorCanvas canvas;
        private final EditorViewModel vm;
        private final LayerNode node;
        private Point2D start;
        private Set<String> moving = Set.of();

        NodeDrag(EditorCanvas canvas, EditorViewModel vm, LayerNode node) {
            this.canvas = canvas;
            this.vm = vm;
            this.node = node;
        }

        void install() {
            node.setOnMousePressed(e -> {
                canvas.requestFocus();
                if (e.isShiftDown() || e.isShortcutDown()) {
                    vm.select(node.name(), true);
                } else if (!vm.selection().contains(node.name())) {
                    vm.select(node.name(), false);
                }
                start = canvas.toSheet(e.getSceneX(), e.getSceneY());
                moving = vm.selection().stream().filter(n -> !n.equals(Network.INPUT)).collect(Collectors.toSet());
                e.consume();
            });
            node.setOnMouseDragged(e -> {
                Point2D d = canvas.toSheet(e.getSceneX(), e.getSceneY()).subtract(start);
                moving.forEach(n -> {
                    LayerNode box = canvas.node(n);
                    if (box != null) {
                        box.setTranslateX(d.getX());
                        box.setTranslateY(d.getY());
                    }
                });
                canvas.placeConnections();
                e.consume();
            });
            node.setOnMouseReleased(e -> {
                Point2D d = canvas.toSheet(e.getSceneX(), e.getSceneY()).subtract(start);
                if (!moving.isEmpty() && (Math.abs(d.getX()) >= 1 || Math.abs(d.getY()) >= 1)) {
                    vm.moveLayers(moving, d.getX(), d.getY());
                }
                moving.forEach(n -> {
                    LayerNode box = canvas.node(n);
                    if (box != null) {
                        box.setTranslateX(0);
                        box.setTranslateY(0);
                    }
                });
                canvas.placeConnections();
                moving = Set.of();
                e.consume();
            });
        }
    }

    /** Connecting: a line follows the mouse from the output port; releasing over a box connects to it. */
    private static final class Wire {
        private final EditorCanvas canvas;
        private final EditorViewModel vm;
        private final LayerNode node;
        private Line line;

        Wire(EditorCanvas canvas, EditorViewModel vm, LayerNode node) {
            this.canvas = canvas;
            this.vm = vm;
            this.node = node;
        }

        void install() {
            node.outPort().setOnMousePressed(e -> {
                canvas.requestFocus();
                Point2D from = canvas.toSheet(e.getSceneX(), e.getSceneY());
                line = new Line(from.getX(), from.getY(), from.getX(), from.getY());
                line.getStyleClass().add("wire");
                line.setMouseTransparent(true);
                canvas.overlay().getChildren().add(line);
                e.consume();
            });
            node.outPort().setOnMouseDragged(e -> {
                if (line != null) {
                    Point2D to = canvas.toSheet(e.getSceneX(), e.getSceneY());
                    line.setEndX(to.getX());
                    line.setEndY(to.getY());
                }
                e.consume();
            });
            node.outPort().setOnMouseReleased(e -> {
                if (line != null) {
                    canvas.overlay().getChildren().remove(line);
                    line = null;
                    LayerNode target = canvas.nodeAt(canvas.toSheet(e.getSceneX(), e.getSceneY()));
                    if (target != null && target != node) {
                        vm.connect(node.name(), target.name());
                    }
                }
                e.consume();
            });
        }
    }
}
