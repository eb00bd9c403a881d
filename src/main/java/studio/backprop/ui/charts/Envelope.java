package studio.backprop.ui.charts;

import java.util.Arrays;
import studio.backprop.train.Series;

/**
 * A series reduced to one entry per pixel column: how many points fell in the column, the first and last of them,
 * their minimum and maximum, and their smallest positive value (for a log scale). Drawing from an envelope costs
 * O(columns) however many points the series holds.
 *
 * <p>Point {@code i} of the series sits at x = {@code x0 + i·dx} and falls in column
 * ⌊(x − xMin) / (xMax − xMin) · columns⌋ (x = xMax goes to the last column; points outside are left out). The
 * envelope is updated incrementally: a series only grows, so as long as the columns and the x mapping stay the
 * same, each update reads only the points appended since the last one. A series that shrank or was replaced
 * (a reset, a restored session) is detected and read again from the start.
 *
 * <p>Thread: not thread-safe; the JavaFX application thread uses it.
 */
public final class Envelope {

    private int columns;
    private double x0;
    private double dx;
    private double xMin;
    private double xMax;
    private int[] count = new int[0];
    private float[] first = new float[0];
    private float[] last = new float[0];
    private float[] min = new float[0];
    private float[] max = new float[0];
    private float[] minPositive = new float[0];
    private int scanned;
    private float lastSeen;

    /**
     * Brings the envelope up to date with {@code series}.
     *
     * @param x0   x of the series' first point
     * @param dx   x distance between consecutive points (&gt; 0)
     * @param xMin x at the left edge of the first column
     * @param xMax x at the right edge of the last column (&gt; xMin)
     * @return how many points were read by this update (the appended ones, or all after a change of mapping)
     */
    public int update(Series.View series, double x0, double dx, double xMin, double xMax, int columns) {
        if (!sameMapping(x0, dx, xMin, xMax, columns) || !continues(series)) {
            reset(x0, dx, xMin, xMax, columns);
        }
        int from = scanned;
        float[] values = series.values();
        int size = series.size();
        double perX = columns / (xMax - xMin);
        for (int i = from; i < size; i++) {
            double x = x0 + i * dx;
            int col = (int) Math.floor((x - xMin) * perX);
            if (col == columns && x <= xMax) {
                col = columns - 1;
            }
            if (col >= 0 && col < columns) {
                add(col, values[i]);
            }
        }
        scanned = size;
        lastSeen = size == 0 ? Float.NaN : values[size - 1];
        return size - from;
    }

    private boolean sameMapping(double x0, double dx, double xMin, double xMax, int columns) {
        return columns == this.columns && x0 == this.x0 && dx == this.dx && xMin == this.xMin && xMax == this.xMax;
    }

    /** True when the series is the one already read with points appended (checked on its last point read). */
    private boolean continues(Series.View series) {
        if (series.size() < scanned) {
            return false;
        }
        return scanned == 0 || Float.floatToIntBits(series.values()[scanned - 1]) == Float.floatToIntBits(lastSeen);
    }

    private void reset(double x0, double dx, double xMin, double xMax, int columns) {
        if (!(dx > 0) || !(xMax > xMin) || columns < 0) {
            throw new IllegalArgumentException("an envelope needs dx > 0, xMax > xMin and columns ≥ 0; got dx=" + dx
                    + ", x=[" + xMin + ", " + xMax + "], columns=" + columns);
        }
        this.x0 = x0;
        this.dx = dx;
        this.xMin = xMin;
        this.xMax = xMax;
        this.columns = columns;
        if (count.length != columns) {
            count = new int[columns];
            first = new float[columns];
            last = new float[columns];
            min = new float[columns];
            max = new float[columns];
            minPositive = new float[columns];
        } else {
            Arrays.fill(count, 0);
        }
        scanned = 0;
        lastSeen = Float.NaN;
    }

    private void add(int col, float v) {
        if (Float.isNaN(v)) {
            return;
        }
        if (count[col]++ == 0) {
            first[col] = v;
            min[col] = v;
            max[col] = v;
            minPositive[col] = v > 0 ? v : Float.NaN;
        } else {
            min[col] = Math.min(min[col], v);
            max[col] = Math.max(max[col], v);
            if (v > 0 && !(minPositive[col] <= v)) {
                minPositive[col] = v;
            }
        }
        last[col] = v;
    }

    public int columns() {
        return columns;
    }

    /** Points (not NaN) in column {@code c}. */
    public int count(int c) {
        return count[c];
    }

    public float first(int c) {
        return first[c];
    }

    public float last(int c) {
        return last[c];
    }

    public float min(int c) {
        return min[c];
    }

    public float max(int c) {
        return max[c];
    }

    /** The smallest value &gt; 0 in column {@code c}, or NaN when it holds none. */
    public float minPositive(int c) {
        return minPositive[c];
    }

    /** Points read into the envelope so far (including NaNs and points outside the columns). */
    public int scanned() {
        return scanned;
    }
}
