package studio.backprop.ui.training;

import javafx.scene.Cursor;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/**
 * Drawing on a plot with the mouse: a click (or a drag) adds points of the class chosen by the dataset's
 * {@link DatasetViewModel#drawToolProperty() drawing tool}; with the erase tool, or the right button, it removes
 * the points under the pointer.
 */
public final class PointDrawing {

    /** Points within this many pixels of the pointer are erased. */
    static final double ERASE_PIXELS = 12;
    /** A drag adds a point every this many pixels. */
    private static final double DRAG_SPACING_PIXELS = 14;

    private final DecisionBoundaryView view;
    private final DatasetViewModel data;
    private double lastX = Double.NaN;
    private double lastY = Double.NaN;

    private PointDrawing(DecisionBoundaryView view, DatasetViewModel data) {
        this.view = view;
        this.data = data;
    }

    /** Lets the user draw on {@code view} into {@code data}. */
    public static void attach(DecisionBoundaryView view, DatasetViewModel data) {
        PointDrawing drawing = new PointDrawing(view, data);
        view.setCursor(Cursor.CROSSHAIR);
        view.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> drawing.act(e, true));
        view.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> drawing.act(e, false));
    }

    private void act(MouseEvent e, boolean press) {
        double[] at = view.toData(e.getX(), e.getY());
        if (at == null || !data.drawable()) {
            return;
        }
        int tool = data.drawToolProperty().get();
        if (e.getButton() == MouseButton.SECONDARY || tool == DatasetViewModel.ERASE) {
            data.erase(at[0], at[1], ERASE_PIXELS * view.dataPerPixel());
            return;
        }
        if (press || Math.hypot(e.getX() - lastX, e.getY() - lastY) >= DRAG_SPACING_PIXELS) {
            data.addPoint(at[0], at[1], Math.min(tool, data.classNames().size() - 1));
            lastX = e.getX();
            lastY = e.getY();
        }
    }
}
