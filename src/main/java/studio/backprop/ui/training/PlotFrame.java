package studio.backprop.ui.training;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The square plot area of a {@link DecisionBoundaryView} inside its canvas, the mapping between data and pixel
 * coordinates, and the axes (ticks, numbers, x1 and x2).
 */
final class PlotFrame {

    static final double LEFT = 34;
    static final double TOP = 28;
    static final double RIGHT = 12;
    static final double BOTTOM = 30;
    static final Font SMALL = Font.font("System", 10);

    final double x0;
    final double y0;
    final double side;
    final Extent extent;
    /** The type and margin scale: 1, or larger in presenter mode. */
    final double k;
    final Font small;

    PlotFrame(double width, double height, Extent extent, double k) {
        this.k = k;
        this.side = Math.max(10, Math.min(width - (LEFT + RIGHT) * k, height - (TOP + BOTTOM) * k));
        this.x0 = LEFT * k + Math.max(0, (width - (LEFT + RIGHT) * k - side) / 2);
        this.y0 = TOP * k;
        this.extent = extent;
        this.small = k == 1 ? SMALL : Font.font("System", 10 * k);
    }

    double px(double x) {
        return x0 + (x - extent.xMin()) / extent.width() * side;
    }

    double py(double y) {
        return y0 + (extent.yMax() - y) / extent.height() * side;
    }

    double dataX(double px) {
        return extent.xMin() + (px - x0) / side * extent.width();
    }

    double dataY(double py) {
        return extent.yMax() - (py - y0) / side * extent.height();
    }

    /** Data units per pixel (the axes share one scale on a square extent). */
    double dataPerPixel() {
        return extent.width() / side;
    }

    boolean contains(double px, double py) {
        return px >= x0 && px <= x0 + side && py >= y0 && py <= y0 + side;
    }

    void drawAxes(GraphicsContext gc, PlotInk ink) {
        gc.setStroke(ink.axis());
        gc.setLineWidth(1);
        gc.strokeRect(x0 + 0.5, y0 + 0.5, side - 1, side - 1);
        gc.setFont(small);
        gc.setFill(ink.text());
        double step = niceStep(extent.width() / 6);
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.TOP);
        for (double v = Math.ceil(extent.xMin() / step) * step; v <= extent.xMax() + 1e-9; v += step) {
            double x = Math.round(px(v)) + 0.5;
            gc.strokeLine(x, y0 + side, x, y0 + side + 4 * k);
            gc.fillText(label(v), x, y0 + side + 5 * k);
        }
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.setTextBaseline(VPos.CENTER);
        for (double v = Math.ceil(extent.yMin() / step) * step; v <= extent.yMax() + 1e-9; v += step) {
            double y = Math.round(py(v)) + 0.5;
            gc.strokeLine(x0 - 4 * k, y, x0, y);
            gc.fillText(label(v), x0 - 6 * k, y);
        }
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.TOP);
        gc.fillText("x1", x0 + side / 2, y0 + side + 17 * k);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.BOTTOM);
        gc.fillText("x2", 4 * k, y0 - 3 * k);
    }

    static double niceStep(double rough) {
        double p = Math.pow(10, Math.floor(Math.log10(rough)));
        double m = rough / p;
        return (m < 1.5 ? 1 : m < 3 ? 2 : m < 7 ? 5 : 10) * p;
    }

    static String label(double v) {
        double r = Math.abs(v) < 1e-9 ? 0 : v;
        return r == Math.rint(r) ? String.valueOf((long) r) : String.format(Locale.ROOT, "%.1f", r);
    }
}
