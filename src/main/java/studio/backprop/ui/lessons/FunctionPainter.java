package studio.backprop.ui.lessons;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Draws one panel of a descent lesson: a curve f(x) or a surface f(x, y) as contour bands, and descent paths on
 * it (a line through the iterates, a ring at the start, a dot at the end), with a title, a subtitle and a legend.
 */
final class FunctionPainter {

    /** A path to draw and how. */
    record Trace(DescentPath path, Color colour, String label) {
    }

    private static final int GRID = 200;
    private static final int CURVE_SAMPLES = 240;
    private final Map<Objective, ContourGrid> grids = new EnumMap<>(Objective.class);
    private final Map<ImageKey, Image> images = new HashMap<>();

    private ContourGrid customGrid;
    private boolean customDark;
    private Image customImage;

    private record ImageKey(Objective f, boolean dark) {
    }

    /**
     * Paints the panel into the rectangle (x, y, w, h) and returns its plot frame (for mapping clicks).
     */
    Frame paint(GraphicsContext g, double x, double y, double w, double h, Objective f, List<Trace> traces,
                String title, String subtitle, Ink ink, double k) {
        double top = y + (subtitle == null ? 22 : 36) * k;
        double left = x + 40 * k;
        double bottom = y + h - 32 * k;
        double right = x + w - 10 * k;
        Frame frame;
        if (f.dimensions() == 2) {
            double side = Math.max(10, Math.min(right - left, bottom - top));
            double x0 = left + Math.max(0, (right - left - side) / 2);
            frame = new Frame(x0, top, side, side, f.xMin(), f.xMax(), f.yMin(), f.yMax());
            drawContours(g, frame, f, ink);
        } else {
            frame = curveFrame(f, left, top, Math.max(10, right - left), Math.max(10, bottom - top));
            drawCurve(g, frame, f, ink, k);
        }
        finish(g, frame, traces, f.dimensions() == 2, title, subtitle, "x", f.dimensions() == 2 ? "y" : "f(x)",
                x, y, ink, k);
        return frame;
    }

    /**
     * Paints a surface given as a computed grid (a loss over two parameters) with paths on it into (x, y, w, h).
     */
    Frame paintGrid(GraphicsContext g, double x, double y, double w, double h, ContourGrid grid, List<Trace> traces,
                    String title, String subtitle, String xName, String yName, Ink ink, double k) {
        double top = y + (subtitle == null ? 22 : 36) * k;
        double left = x + 40 * k;
        double side = Math.max(10, Math.min(x + w - 10 * k - left, y + h - 32 * k - top));
        Frame frame = new Frame(left + Math.max(0, (x + w - 10 * k - left - side) / 2), top, side, side, grid.xMin,
                grid.xMax, grid.yMin, grid.yMax);
        if (grid != customGrid || ink.dark() != customDark) {
            customImage = contourImage(grid, ink);
            customGrid = grid;
            customDark = ink.dark();
        }
        g.drawImage(customImage, frame.left(), frame.top(), frame.width(), frame.height());
        finish(g, frame, traces, true, title, subtitle, xName, yName, x, y, ink, k);
        return frame;
    }

    private static void finish(GraphicsContext g, Frame frame, List<Trace> traces, boolean surface, String title,
                               String subtitle, String xName, String yName, double x, double y, Ink ink, double k) {
        frame.drawAxes(g, ink, k, xName, yName);
        frame.clip(g);
        for (Trace trace : traces) {
            drawPath(g, frame, surface, trace, k);
        }
        g.restore();
        drawLegend(g, frame, traces, ink, k);
        g.setFill(ink.text());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFont(Font.font("System", FontWeight.BOLD, 12 * k));
        g.fillText(title, x + 8 * k, y + 4 * k);
        if (subtitle != null) {
            g.setFont(Font.font("System", 11 * k));
            g.fillText(subtitle, x + 8 * k, y + 19 * k);
        }
    }

    private static Frame curveFrame(Objective f, double left, double top, double width, double height) {
        float[] values = f.values(curveXs(f), null);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double pad = 0.08 * Math.max(max - min, 1e-6);
        return new Frame(left, top, width, height, f.xMin(), f.xMax(), min - pad, max + pad);
    }

    private static float[] curveXs(Objective f) {
        float[] xs = new float[CURVE_SAMPLES + 1];
        for (int i = 0; i <= CURVE_SAMPLES; i++) {
            xs[i] = (float) (f.xMin() + (f.xMax() - f.xMin()) * i / CURVE_SAMPLES);
        }
        return xs;
    }

    private static void drawCurve(GraphicsContext g, Frame frame, Objective f, Ink ink, double k) {
        float[] xs = curveXs(f);
        float[] values = f.values(xs, null);
        g.setStroke(ink.text());
        g.setLineWidth(1.5 * k);
        g.beginPath();
        for (int i = 0; i < xs.length; i++) {
            if (i == 0) {
                g.moveTo(frame.px(xs[i]), frame.py(values[i]));
            } else {
                g.lineTo(frame.px(xs[i]), frame.py(values[i]));
            }
        }
        g.stroke();
    }

    private void drawContours(GraphicsContext g, Frame frame, Objective f, Ink ink) {
        Image image = images.computeIfAbsent(new ImageKey(f, ink.dark()),
                key -> contourImage(grids.computeIfAbsent(f, o -> new ContourGrid(o, GRID)), ink));
        boolean smooth = g.isImageSmoothing();
        g.setImageSmoothing(true);
        g.drawImage(image, frame.left(), frame.top(), frame.width(), frame.height());
        g.setImageSmoothing(smooth);
    }

    /**
     * The contour map as a picture one pixel per grid cell: each cell in its band's colour, and cells where the band
     * changes towards a neighbour in the line colour, which draws the contour lines. Drawn once per surface and
     * colour scheme, then scaled onto the plot.
     */
    private static Image contourImage(ContourGrid grid, Ink ink) {
        WritableImage image = new WritableImage(grid.n, grid.n);
        PixelWriter pixels = image.getPixelWriter();
        Color line = ink.level(0).interpolate(ink.axis(), 0.55);
        for (int j = 0; j < grid.n; j++) {
            for (int i = 0; i < grid.n; i++) {
                int band = grid.band(i, j);
                boolean edge = i + 1 < grid.n && grid.band(i + 1, j) != band
                        || j + 1 < grid.n && grid.band(i, j + 1) != band;
                Color fill = ink.level(band / (double) (ContourGrid.BANDS - 1));
                pixels.setColor(i, grid.n - 1 - j, edge ? fill.interpolate(line, 0.6) : fill);
            }
        }
        return image;
    }

    private static void drawPath(GraphicsContext g, Frame frame, boolean surface, Trace trace, double k) {
        List<double[]> points = trace.path().points();
        List<Double> values = trace.path().values();
        int n = points.size();
        double[] xs = new double[n];
        double[] ys = new double[n];
        int shown = 0;
        for (int i = 0; i < n; i++) {
            double[] p = points.get(i);
            double py = surface ? p[1] : values.get(i);
            if (!Double.isFinite(p[0]) || !Double.isFinite(py)) {
                break;
            }
            xs[shown] = frame.px(p[0]);
            ys[shown] = frame.py(py);
            shown++;
        }
        if (shown == 0) {
            return;
        }
        g.setStroke(trace.colour());
        g.setFill(trace.colour());
        g.setLineWidth(1.6 * k);
        g.strokePolyline(xs, ys, shown);
        double dot = 2.2 * k;
        if (shown <= 80) {
            for (int i = 1; i < shown; i++) {
                g.fillOval(xs[i] - dot, ys[i] - dot, 2 * dot, 2 * dot);
            }
        }
        double ring = 5 * k;
        g.strokeOval(xs[0] - ring, ys[0] - ring, 2 * ring, 2 * ring);
        double end = 3.6 * k;
        g.fillOval(xs[shown - 1] - end, ys[shown - 1] - end, 2 * end, 2 * end);
    }

    private static void drawLegend(GraphicsContext g, Frame frame, List<Trace> traces, Ink ink, double k) {
        List<Trace> named = traces.stream().filter(t -> t.label() != null).toList();
        if (named.isEmpty()) {
            return;
        }
        Font font = Font.font("System", 10.5 * k);
        g.setFont(font);
        double row = 14 * k;
        double width = 0;
        for (Trace t : named) {
            width = Math.max(width, TextWidth.of(t.label(), font));
        }
        width += 22 * k;
        double x = frame.left() + frame.width() - width - 6 * k;
        double y = frame.top() + 6 * k;
        g.setFill(ink.background().deriveColor(0, 1, 1, 0.85));
        g.fillRect(x, y, width, row * named.size() + 6 * k);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < named.size(); i++) {
            double cy = y + 3 * k + row * (i + 0.5);
            g.setStroke(named.get(i).colour());
            g.setLineWidth(2.5 * k);
            g.strokeLine(x + 4 * k, cy, x + 16 * k, cy);
            g.setFill(ink.text());
            g.fillText(named.get(i).label(), x + 20 * k, cy);
        }
    }
}
