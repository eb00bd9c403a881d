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
