package studio.backprop.ui.charts;

import studio.backprop.train.Series;

/**
 * One named line of a chart: the trainer's shared values (read in place, never copied) and where they sit on the
 * x axis: point {@code i} at x = {@code x0 + i·dx}.
 *
 * @param ink the colour of a kept run drawn beside the current one ({@link ChartPalette#run(int)}), or −1 for the
 *            role's own colour
 */
public record ChartSeries(String name, SeriesRole role, Series.View values, double x0, double dx, int ink) {

    public ChartSeries {
        if (!(dx > 0)) {
            throw new IllegalArgumentException("the x step of series '" + name + "' must be > 0, got " + dx);
        }
    }

    /** A series of the current run, in its role's colour. */
    public ChartSeries(String name, SeriesRole role, Series.View values, double x0, double dx) {
        this(name, role, values, x0, dx, -1);
    }

    /** True for a kept run's series, drawn in the run's own colour. */
    public boolean overlaid() {
        return ink >= 0;
    }

    /** x of point {@code i}. */
    public double x(int i) {
        return x0 + i * dx;
    }

    /** The point nearest to {@code x}, or -1 for an empty series. */
    public int nearest(double x) {
        if (values.size() == 0) {
            return -1;
        }
        long i = Math.round((x - x0) / dx);
        return (int) Math.max(0, Math.min(values.size() - 1, i));
    }
}
