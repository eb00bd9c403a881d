package studio.backprop.ui.editor;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.shape.CubicCurve;

/** One drawn connection: a curve from an output port to an input port, labelled with the tensor shape it carries. */
final class Connection {

    private final String source;
    private final String target;
    private final CubicCurve curve = new CubicCurve();
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

    /** Places the curve between two port centres, in sheet coordinates, and the label at its middle. */
    void place(Point2D from, Point2D to) {
        double bend = Math.max(40, Math.abs(to.getX() - from.getX()) / 2);
        curve.setStartX(from.getX());
        curve.setStartY(from.getY());
        curve.setControlX1(from.getX() + bend);
        curve.setControlY1(from.getY());
        curve.setControlX2(to.getX() - bend);
        curve.setControlY2(to.getY());
        curve.setEndX(to.getX());
        curve.setEndY(to.getY());
        double w = label.prefWidth(-1);
        double h = label.prefHeight(w);
        label.resizeRelocate((from.getX() + to.getX() - w) / 2, (from.getY() + to.getY() - h) / 2, w, h);
    }

    String source() {
        return source;
    }

    String target() {
        return target;
    }

    CubicCurve curve() {
        return curve;
    }

    Label label() {
        return label;
    }
}
