package studio.backprop.ui.training;

import java.util.List;

/**
 * The rectangle of the data plane a plot shows: x1 from {@code xMin} to {@code xMax}, x2 from {@code yMin} to
 * {@code yMax}.
 */
public record Extent(double xMin, double xMax, double yMin, double yMax) {

    /** The Playground's plane, [−6, 6] on both axes, where every generated set fits. */
    public static final Extent DEFAULT = new Extent(-6, 6, -6, 6);

    public Extent {
        if (!(xMax > xMin && yMax > yMin)) {
            throw new IllegalArgumentException("an extent needs min < max on both axes");
        }
    }

    /** The default plane, grown symmetrically to whole units when points fall outside it. */
    public static Extent around(List<DataPoint> points) {
        double reach = 6;
        for (DataPoint p : points) {
            reach = Math.max(reach, Math.max(Math.abs(p.x()), Math.abs(p.y())));
        }
        double r = Math.ceil(reach);
        return r == 6 ? DEFAULT : new Extent(-r, r, -r, r);
    }

    /**
     * A plane for a fixed set of points (a picture of a session): the Playground's plane when they spread over it
     * (some coordinate at 3 or beyond), otherwise a square centred on them with half their span, at least half a
     * unit, as margin on each side, so the four points of a logic gate in [0, 1]² fill the plot instead of sitting
     * in the middle of [−6, 6]².
     */
    public static Extent fitting(List<DataPoint> points) {
        if (points.isEmpty() || points.stream().anyMatch(p -> Math.max(Math.abs(p.x()), Math.abs(p.y())) >= 3)) {
            return around(points);
        }
        double x0 = points.stream().mapToDouble(DataPoint::x).min().orElseThrow();
        double x1 = points.stream().mapToDouble(DataPoint::x).max().orElseThrow();
        double y0 = points.stream().mapToDouble(DataPoint::y).min().orElseThrow();
        double y1 = points.stream().mapToDouble(DataPoint::y).max().orElseThrow();
        double span = Math.max(x1 - x0, y1 - y0);
        double half = span / 2 + Math.max(0.5, span / 2);
        double cx = (x0 + x1) / 2;
        double cy = (y0 + y1) / 2;
        return new Extent(cx - half, cx + half, cy - half, cy + half);
    }

    public double width() {
        return xMax - xMin;
    }

    public double height() {
        return yMax - yMin;
    }

    /** The largest absolute coordinate on either axis (used to scale the input features' colours). */
    public double reach() {
        return Math.max(Math.max(Math.abs(xMin), Math.abs(xMax)), Math.max(Math.abs(yMin), Math.abs(yMax)));
    }
}
