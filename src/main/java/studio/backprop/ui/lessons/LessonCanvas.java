package studio.backprop.ui.lessons;

import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import studio.backprop.ui.export.ExportBackground;
import studio.backprop.ui.export.Exportable;
import studio.backprop.ui.export.ScalableCanvas;

/**
 * A lesson's drawing: a region holding a canvas that is redrawn (at most once per pulse) when its content, size,
 * colours or presenter mode change, and that exports through the common PNG path at any scale, in the colours that
 * suit the picture's background.
 */
abstract class LessonCanvas extends Region implements Exportable {

    /** How much larger type and strokes are in presenter mode. */
    static final double PRESENTER_SCALE = 1.5;

    private final ScalableCanvas canvas = new ScalableCanvas();
    private final String exportName;
    private boolean dark;
    private boolean presenter;
    private Ink exportInk;
    private boolean dirty = true;

    LessonCanvas(String exportName, double prefWidth, double prefHeight) {
        this.exportName = exportName;
        canvas.setManaged(false);
        getChildren().add(canvas);
        setMinSize(120, 100);
        setPrefSize(prefWidth, prefHeight);
        getStyleClass().add("lesson-canvas");
        applyBackground();
    }

    /** Draws the content in a {@code width × height} area, type and strokes scaled by {@code k}. */
    protected abstract void draw(GraphicsContext g, double width, double height, Ink ink, double k);

    /** Marks the drawing for a redraw at the next pulse. */
    final void invalidate() {
        dirty = true;
        requestLayout();
    }

    void setDark(boolean on) {
        dark = on;
        applyBackground();
        invalidate();
    }

    void setPresenter(boolean on) {
        presenter = on;
        invalidate();
    }

    /** The type scale: 1, or larger in presenter mode. */
    double scale() {
        return presenter ? PRESENTER_SCALE : 1;
    }

    private void applyBackground() {
        setBackground(Background.fill(Ink.of(dark).background()));
    }

    @Override
    protected void layoutChildren() {
        if (canvas.resizeTo(Math.floor(getWidth()), Math.floor(getHeight()))) {
            dirty = true;
        }
        if (dirty) {
            paint();
        }
    }

    /** Draws now. */
    final void paint() {
        dirty = false;
        GraphicsContext g = canvas.graphics();
        double w = canvas.logicalWidth();
        double h = canvas.logicalHeight();
        Ink ink = exportInk != null ? exportInk : Ink.of(dark);
        if (exportInk == null) {
            g.setFill(ink.background());
            g.fillRect(0, 0, w, h);
        } else {
            g.clearRect(0, 0, w, h); // the picture's own background shows through
        }
        if (w > 20 && h > 20) {
            draw(g, w, h, ink, scale());
        }
    }

    @Override
    public Picture prepareExport(double pixelScale, ExportBackground background) {
        Background fill = getBackground();
        exportInk = Ink.of(background.darkColours(dark));
        setBackground(null);
        canvas.resizeTo(Math.floor(getWidth()), Math.floor(getHeight()));
        canvas.setPixelScale(pixelScale);
        paint();
        return new Picture(this, () -> {
            exportInk = null;
            setBackground(fill);
            canvas.setPixelScale(1);
            paint();
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
