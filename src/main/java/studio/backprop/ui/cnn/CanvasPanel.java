package studio.backprop.ui.cnn;

import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import studio.backprop.ui.export.ExportBackground;
import studio.backprop.ui.export.Exportable;
import studio.backprop.ui.export.ScalableCanvas;

/**
 * What every panel of the CNN page drawn on a canvas shares: the canvas, the ink that suits the theme, drawing only
 * while shown (a hidden panel notes that it must be drawn again), and a sharp export at any scale over any
 * background. A panel says how it paints in {@link #paintNow()}.
 */
abstract class CanvasPanel extends Region implements Exportable {

    static final Color LIGHT_INK = Color.rgb(30, 30, 30);
    static final Color DARK_INK = Color.rgb(230, 230, 230);

    protected final ScalableCanvas canvas = new ScalableCanvas();
    /** The colour of text and lines: dark on a light theme, light on a dark one. */
    protected Color ink = LIGHT_INK;
    private boolean active = true;
    private boolean stale;

    CanvasPanel() {
        getChildren().add(canvas);
    }

    /** Paints the panel now, at the canvas's pixel scale. */
    protected abstract void paintNow();

    /** Whether the panel is on screen; a hidden panel only notes that it must be drawn again when shown. */
    public void setActive(boolean on) {
        active = on;
        if (on && stale) {
            draw();
        }
    }

    /** Draws the panel if it is shown, or remembers to when it is. */
    void draw() {
        if (!active) {
            stale = true;
            return;
        }
        stale = false;
        paintNow();
    }

    /** Dark or light ink, to suit the theme. */
    public void setDarkColours(boolean dark) {
        ink = dark ? DARK_INK : LIGHT_INK;
        draw();
    }

    @Override
    public Node exportNode() {
        return this;
    }

    @Override
    public Picture prepareExport(double scale, ExportBackground background) {
        Color shown = ink;
        ink = background.darkColours(shown.getBrightness() > 0.5) ? DARK_INK : LIGHT_INK;
        canvas.setPixelScale(scale);
        paintNow();
        return new Picture(this, () -> {
            ink = shown;
            canvas.setPixelScale(1);
            draw();
        });
    }
}
