package studio.backprop.ui.lessons.generative;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import studio.backprop.ui.export.ExportBackground;
import studio.backprop.ui.export.Exportable;
import studio.backprop.ui.export.ScalableCanvas;

/** A lesson view drawn on one canvas, redrawn on resize and at the export scale. Subclasses say what to draw. */
abstract class CanvasView extends Region implements Exportable {

    private final ScalableCanvas canvas = new ScalableCanvas();
    private final String exportName;
    private GenerativeInk ink = GenerativeInk.LIGHT;

    CanvasView(String exportName, double width, double height) {
        this.exportName = exportName;
        getStyleClass().add(exportName);
        getChildren().add(canvas);
        setMinSize(120, 120);
        setPrefSize(width, height);
    }

    /** Draws the view in units of {@code w × h}, over the ink's background. */
    protected abstract void paint(GraphicsContext g, double w, double h);

    /** The colours and type size to draw with. */
    protected final GenerativeInk ink() {
        return ink;
    }

    /** Dark or light colours, presenter-sized type or not; redraws. */
    final void setLook(boolean dark, boolean presenter) {
        ink = new GenerativeInk(dark, presenter ? 1.5 : 1);
        redraw();
    }

    final void redraw() {
        GraphicsContext g = canvas.graphics();
        double w = canvas.logicalWidth();
        double h = canvas.logicalHeight();
        g.setFill(ink.background());
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
        GenerativeInk shown = ink;
        ink = ink.withDark(background.darkColours(shown.dark()));
        canvas.setPixelScale(scale);
        redraw();
        return new Picture(this, () -> {
            ink = shown;
            canvas.setPixelScale(1);
            redraw();
        });
    }
}
