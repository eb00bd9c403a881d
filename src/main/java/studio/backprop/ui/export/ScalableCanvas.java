package studio.backprop.ui.export;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.transform.Scale;

/**
 * A canvas that can hold more device pixels than the space it takes: with a pixel scale s, a canvas laid out as
 * w × h units holds (s·w) × (s·h) pixels and is shown scaled by 1/s. A snapshot taken at scale s then copies those
 * pixels one to one, so a picture exported at 2× or 4× has sharp lines and text. Shown on screen the scale is 1.
 *
 * <p>Views draw through {@link #graphics()}, in units, whatever the scale.
 */
public class ScalableCanvas extends Canvas {

    private double pixelScale = 1;
    private double logicalWidth;
    private double logicalHeight;

    /**
     * Sizes the canvas to {@code width × height} units.
     *
     * @return true when the size changed (the content must be drawn again)
     */
    public boolean resizeTo(double width, double height) {
        if (width == logicalWidth && height == logicalHeight) {
            return false;
        }
        logicalWidth = width;
        logicalHeight = height;
        applySize();
        return true;
    }

    /** Device pixels per unit: 1 on screen, the export scale while a picture is taken. Clears the content. */
    public void setPixelScale(double scale) {
        if (!(scale > 0)) {
            throw new IllegalArgumentException("the pixel scale must be positive, got " + scale);
        }
        pixelScale = scale;
        getTransforms().setAll(scale == 1 ? new Scale[0] : new Scale[] {new Scale(1 / scale, 1 / scale, 0, 0)});
        applySize();
    }

    public double pixelScale() {
        return pixelScale;
    }

    /** The width in units (what the view sees). */
    public double logicalWidth() {
        return logicalWidth;
    }

    /** The height in units. */
    public double logicalHeight() {
        return logicalHeight;
    }

    /** The graphics context with its transform set so that drawing is in units. */
    public GraphicsContext graphics() {
        GraphicsContext gc = getGraphicsContext2D();
        gc.setTransform(pixelScale, 0, 0, pixelScale, 0, 0);
        return gc;
    }

    private void applySize() {
        setWidth(Math.ceil(logicalWidth * pixelScale));
        setHeight(Math.ceil(logicalHeight * pixelScale));
    }
}
