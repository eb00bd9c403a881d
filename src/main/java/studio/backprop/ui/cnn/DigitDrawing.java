package studio.backprop.ui.cnn;

import java.util.ArrayList;
import java.util.List;

/**
 * The strokes of a digit drawn with the mouse, in the unit square (x right, y down, both in [0, 1]), each with the
 * brush radius it was drawn with; undo takes back the last stroke. {@link #ink(int)} rasterises them and
 * {@link #input()} gives the network's 28 × 28 input through {@link DigitPreprocessing}.
 *
 * <p>No toolkit here; the pad view feeds it points.
 */
public final class DigitDrawing {

    /** One stroke: points as x0, y0, x1, y1, … in the unit square; radius in units of the square's side. */
    private record Stroke(List<double[]> points, double radius) {
    }

    /** The raster the strokes are drawn on before preprocessing: fine enough that a thin stroke keeps its shape. */
    public static final int RASTER = 112;

    private final List<Stroke> strokes = new ArrayList<>();
    private Stroke current;

    /** Starts a stroke at (x, y) with the brush radius (a fraction of the side). */
    public void begin(double x, double y, double radius) {
        current = new Stroke(new ArrayList<>(), radius);
        strokes.add(current);
        current.points().add(new double[] {clamp(x), clamp(y)});
    }

    /** Extends the stroke being drawn to (x, y); ignored when none is. */
    public void extend(double x, double y) {
        if (current != null) {
            current.points().add(new double[] {clamp(x), clamp(y)});
        }
    }

    /** Ends the stroke being drawn. */
    public void end() {
        current = null;
    }

    /** Takes back the last stroke; false when there is none. */
    public boolean undo() {
        current = null;
        return !strokes.isEmpty() && strokes.remove(strokes.size() - 1) != null;
    }

    public void clear() {
        current = null;
        strokes.clear();
    }

    public boolean isEmpty() {
        return strokes.isEmpty();
    }

    public int strokeCount() {
        return strokes.size();
    }

    /** Every stroke's points (copies) and radius, for drawing: {radius, x0, y0, x1, y1, …}. */
    public List<double[]> strokes() {
        List<double[]> out = new ArrayList<>();
        for (Stroke s : strokes) {
            double[] flat = new double[1 + 2 * s.points().size()];
            flat[0] = s.radius();
            for (int i = 0; i < s.points().size(); i++) {
                flat[1 + 2 * i] = s.points().get(i)[0];
                flat[2 + 2 * i] = s.points().get(i)[1];
            }
            out.add(flat);
        }
        return out;
    }

    /**
     * The strokes on an n × n raster: a pixel's ink is 1 inside the brush around a stroke's segments, falling off
     * linearly to 0 over one pixel at the edge (so strokes are smooth, not jagged).
     */
    public float[] ink(int n) {
        float[] out = new float[n * n];
        for (Stroke s : strokes) {
            List<double[]> p = s.points();
            double r = s.radius() * n;
            for (int i = 0; i < p.size(); i++) {
                double[] a = p.get(Math.max(0, i - 1));
                double[] b = p.get(i);
                paintSegment(out, n, a[0] * n, a[1] * n, b[0] * n, b[1] * n, r);
            }
        }
        return out;
    }

    /** The network's input (28 × 28, MNIST-style), or null while nothing is drawn. */
    public float[] input() {
        return isEmpty() ? null : DigitPreprocessing.toMnist(ink(RASTER), RASTER);
    }

    private static void paintSegment(float[] out, int n, double ax, double ay, double bx, double by, double r) {
        int x0 = Math.max(0, (int) Math.floor(Math.min(ax, bx) - r - 1));
        int x1 = Math.min(n - 1, (int) Math.ceil(Math.max(ax, bx) + r + 1));
        int y0 = Math.max(0, (int) Math.floor(Math.min(ay, by) - r - 1));
        int y1 = Math.min(n - 1, (int) Math.ceil(Math.max(ay, by) + r + 1));
        double dx = bx - ax;
        double dy = by - ay;
        double len2 = dx * dx + dy * dy;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                double px = x + 0.5 - ax;
                double py = y + 0.5 - ay;
                double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / len2));
                double ex = px - t * dx;
                double ey = py - t * dy;
                double d = Math.sqrt(ex * ex + ey * ey);
                float v = (float) Math.max(0, Math.min(1, r + 0.5 - d));
                out[y * n + x] = Math.max(out[y * n + x], v);
            }
        }
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
