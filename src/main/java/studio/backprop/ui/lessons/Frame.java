package studio.backprop.ui.lessons;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A plot area inside a canvas and its mapping between data coordinates (x to the right, y up) and pixels, with
 * axes whose ticks fall on round numbers.
 *
 * @param left   the pixel x of the plot's left edge
 * @param top    the pixel y of the plot's top edge
 * @param width  the plot's width in pixels
 * @param height the plot's height in pixels
 */
record Frame(double left, double top, double width, double height, double xMin, double xMax, double yMin,
             double yMax) {

    double px(double x) {
        return left + (x - xMin) / (xMax - xMin) * width;
    }

    double py(double y) {
        return top + (yMax - y) / (yMax - yMin) * height;
    }

    double dataX(double px) {
        return xMin + (px - left) / width * (xMax - xMin);
    }

    double dataY(double py) {
        return yMax - (py - top) / height * (yMax - yMin);
    }

    boolean contains(double px, double py) {
        return px >= left && px <= left + width && py >= top && py <= top + height;
    }

    /** Clips drawing to the plot area until {@code g.restore()}. */
    void clip(GraphicsContext g) {
        g.save();
        g.beginPath();
        g.rect(left, top, width, height);
        g.clip();
    }

    /** The frame, tick marks and tick numbers on both axes, and the axis names. */
    void drawAxes(GraphicsContext g, Ink ink, double k, String xName, String yName) {
        Font font = Font.font("System", 10 * k);
        g.setFont(font);
        g.setStroke(ink.axis());
        g.setLineWidth(k);
        g.strokeRect(left, top, width, height);
        g.setFill(ink.text());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        double step = niceStep(xMax - xMin);
        for (double t = Math.ceil(xMin / step) * step; t <= xMax + 1e-9; t += step) {
            double x = px(t);
            g.strokeLine(x, top + height, x, top + height + 4 * k);
            g.fillText(tick(t, step), x, top + height + 5 * k);
        }
        g.fillText(xName, left + width / 2, top + height + 17 * k);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        step = niceStep(yMax - yMin);
        for (double t = Math.ceil(yMin / step) * step; t <= yMax + 1e-9; t += step) {
            double y = py(t);
            g.strokeLine(left - 4 * k, y, left, y);
            g.fillText(tick(t, step), left - 5 * k, y);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(yName, left + 4 * k, top + 3 * k);
    }

    /** A round tick spacing giving about five ticks over {@code range}: 1, 2 or 5 times a power of ten. */
    static double niceStep(double range) {
        double raw = range / 5;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double unit = raw / power;
        return (unit < 1.5 ? 1 : unit < 3.5 ? 2 : unit < 7.5 ? 5 : 10) * power;
    }

    private static String tick(double value, double step) {
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        String s = String.format(Locale.ROOT, "%." + decimals + "f", Math.abs(value) < step / 2 ? 0 : value);
        return s.replace('-', '−');
    }
}
