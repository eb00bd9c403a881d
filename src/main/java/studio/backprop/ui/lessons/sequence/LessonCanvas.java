package studio.backprop.ui.lessons.sequence;

import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import studio.backprop.ui.export.ExportBackground;
import studio.backprop.ui.export.Exportable;
import studio.backprop.ui.export.ScalableCanvas;

/**
 * A lesson picture drawn on a canvas: redrawn when resized or given new data, photographed sharp at 2× and 4×,
 * in light or dark ink. Subclasses only paint, in units.
 */
abstract class LessonCanvas extends Region implements Exportable {

    private final ScalableCanvas canvas = new ScalableCanvas();
    private final String exportName;
    private boolean dark;

    LessonCanvas(String exportName, double prefWidth, double prefHeight) {
        this.exportName = exportName;
        getChildren().add(canvas);
        setMinSize(160, 120);
        setPrefSize(prefWidth, prefHeight);
    }

    /** Draws the picture into a w × h area; the area is cleared first. */
    abstract void paint(GraphicsContext g, double w, double h);

    void setDark(boolean on) {
        dark = on;
        redraw();
    }

    /** Ink for text and lines on the current background. */
    Color ink() {
        return dark ? Color.gray(0.92) : Color.gray(0.12);
    }

    Color faint() {
        return dark ? Color.gray(0.55) : Color.gray(0.6);
    }

    final void redraw() {
        GraphicsContext g = canvas.graphics();
        g.clearRect(0, 0, canvas.logicalWidth(), canvas.logicalHeight());
        paint(g, canvas.logicalWidth(), canvas.logicalHeight());
    }

    /** Text centred on (x, y). */
    void centred(GraphicsContext g, String text, double x, double y, double size) {
        g.setFont(Font.font(size));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, x, y);
    }

    /** Text starting at (x, y), baseline centred. */
    void left(GraphicsContext g, String text, double x, double y, double size) {
        g.setFont(Font.font(size));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, x, y);
    }

    @Override
    protected void layoutChildren() {
        if (canvas.resizeTo(getWidth(), getHeight())) {
            redraw();
        }
    }

    @Override
    public Picture prepareExport(double scale, ExportBackground background) {
        boolean shown = dark;
        dark = background.darkColours(shown);
        canvas.setPixelScale(scale);
        redraw();
        return new Picture(this, () -> {
            dark = shown;
            canvas.setPixelScale(1);
            redraw();
        });
    }

    @Override
    public Node exportNode() {
        return this;
    }

    @Override
    public String exportName() {
        return exportName;
    }
}
