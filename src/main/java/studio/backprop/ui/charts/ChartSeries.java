package studio.backprop.ui.charts;

import studio.backprop.train.Series;

/**
 * One named line of a chart: the trainer's shared values (read in place, never copied) and where they sit on the
 * x axis: point {@code i} at x = {@code x0 + i·dx}.
 */
public record ChartSeries(String name, SeriesRole role, Series.View values, double x0, double dx) {

    public ChartSeries {
        if (!(dx > 0)) {
            throw new IllegalArgumentException("the x step of series '" + name + "' must be > 0, got " + dx);
        }
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
