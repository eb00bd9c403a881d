package studio.backprop.ui.editor;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.shape.HLineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.VLineTo;

/**
 * One drawn connection: a curve from an output port to an input port, labelled with the tensor shape it carries.
 * Wires that would cross boxes take a lane instead: one into an earlier column (a wrapped layout's next band) runs
 * through the gap between the two bands; one that skips columns on the same row (a residual connection) runs in a
 * lane above the row.
 */
final class Connection {

    private final String source;
    private final String target;
    private final Path curve = new Path();
    private final Label label = new Label();

    Connection(String source, String target, int[] shape, Runnable disconnect) {
        this.source = source;
        this.target = target;
        curve.getStyleClass().add("connection");
        if (shape == null) {
            curve.getStyleClass().add("unknown");
        }
        label.setText(ShapeText.of(shape));
        label.getStyleClass().add("shape-label");
        label.setId("shape-" + source + "-" + target);
        // The menu is made on request: a network of thirty layers redraws all its connections after every edit.
        offerMenu(curve, disconnect);
        offerMenu(label, disconnect);
        // A click on a connection must not start a rubber band on the background.
        curve.setOnMousePressed(javafx.event.Event::consume);
        label.setOnMousePressed(javafx.event.Event::consume);
    }

    /** A still right click (as on the app's other views) or the keyboard's menu key opens the wire's menu. */
    private void offerMenu(Node target, Runnable disconnect) {
        target.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.SECONDARY && e.isStillSincePress()) {
                menu(disconnect).show(target, e.getScreenX(), e.getScreenY());
                e.consume();
            }
        });
        target.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            if (e.isKeyboardTrigger()) {
                menu(disconnect).show(target, e.getScreenX(), e.getScreenY());
            }
            e.consume();
        });
    }

    private ContextMenu menu(Runnable disconnect) {
        MenuItem remove = new MenuItem("Disconnect " + source + " → " + target);
        // Layer names are shown as written: an underscore is not a keyboard mnemonic here.
        remove.setMnemonicParsing(false);
        remove.setOnAction(e -> disconnect.run());
        return new ContextMenu(remove);
    }

    /** Places the curve between two port centres, in sheet coordinates, and the label on it. */
    void place(Point2D from, Point2D to) {
        double labelX;
        double labelY;
        if (to.getX() < from.getX() + STUB) {
            // Wires of different lengths through the same gap take different lanes, so they and their labels part.
            long span = Math.round((from.getX() - to.getX()) / AutoLayout.WRAPPED_COLUMN);
            double gapY = (from.getY() + to.getY()) / 2 + (span % 3 - 1) * 14;
            curve.getElements().setAll(new MoveTo(from.getX(), from.getY()), new HLineTo(from.getX() + STUB),
                    new VLineTo(gapY), new HLineTo(to.getX() - STUB), new VLineTo(to.getY()), new HLineTo(to.getX()));
            labelX = (from.getX() + to.getX()) / 2 + (span % 3 - 1) * 60;
            labelY = gapY;
        } else if (Math.abs(to.getY() - from.getY()) < 1 && to.getX() - from.getX() > AutoLayout.COLUMN * 1.5) {
            double laneY = from.getY() - LANE;
            curve.getElements().setAll(new MoveTo(from.getX(), from.getY()),
                    new CubicCurveTo(from.getX() + STUB, from.getY(), from.getX() + STUB, laneY,
                            from.getX() + 2 * STUB, laneY),
                    new HLineTo(to.getX() - 2 * STUB),
                    new CubicCurveTo(to.getX() - STUB, laneY, to.getX() - STUB, to.getY(), to.getX(), to.getY()));
            labelX = (from.getX() + to.getX()) / 2;
            labelY = laneY;
        } else {
            double bend = Math.max(40, Math.abs(to.getX() - from.getX()) / 2);
            curve.getElements().setAll(new MoveTo(from.getX(), from.getY()), new CubicCurveTo(from.getX() + bend,
                    from.getY(), to.getX() - bend, to.getY(), to.getX(), to.getY()));
            labelX = (from.getX() + to.getX()) / 2;
            labelY = (from.getY() + to.getY()) / 2;
        }
        double w = label.prefWidth(-1);
        double h = label.prefHeight(w);
        label.resizeRelocate(labelX - w / 2, labelY - h / 2, w, h);
    }

    /** How far a routed wire runs straight out of a port before it turns. */
    private static final double STUB = 22;
    /** How far above its row a wire that skips columns runs. */
    static final double LANE = 72;

    String source() {
        return source;
    }

    String target() {
        return target;
    }

    Path curve() {
        return curve;
    }

    Label label() {
        return label;
    }
}
