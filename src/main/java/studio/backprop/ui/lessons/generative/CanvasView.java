package studio.backprop.ui.lessons.generative;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import studio.backprop.ui.export.ExportBackground;
import studio.backprop.ui.export.Exportable;
import studio.backprop.ui.export.ScalableCanvas;

/** A lesson view drawn on one canvas, redrawn on resize and at the export scale. Subclasses say what to draw. */
abstract class CanvasView extends Region implements Exportable {

    private final ScalableCanvas canvas = new ScalableCanvas();
    private final String exportName;

    CanvasView(String exportName, double width, double height) {
        this.exportName = exportName;
        getStyleClass().add(exportName);
        getChildren().add(canvas);
        setMinSize(120, 120);
        setPrefSize(width, height);
    }

    /** Draws the view in units on a white background of {@code w × h}. */
    protected abstract void paint(GraphicsContext g, double w, double h);

    final void redraw() {
        GraphicsContext g = canvas.graphics();
        double w = canvas.logicalWidth();
        double h = canvas.logicalHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        paint(g, w, h);
    }

    @Override
    protected void layoutChildren() {
        if (canvas.resizeTo(getWidth(), getHeight())) {
            redraw();
        }
    }

    @Override
    public javafx.scene.Node exportNode() {
        return this;
    }

    @Override
    public String exportName() {
        return exportName;
    }

    @Override
    public Picture prepareExport(double scale, ExportBackground background) {
        canvas.setPixelScale(scale);
        redraw();
        return new Picture(this, () -> {
            canvas.setPixelScale(1);
            redraw();
        });
    }
}
