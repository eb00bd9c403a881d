package studio.backprop.ui.lessons;

/**
 * A surface sampled on an n × n grid over its window (one element-wise engine pass), with each cell's contour band:
 * band = ⌊B·t⌋ for t = ln(1 + f − f_min) / ln(1 + f_max − f_min), so the bands are dense near the minimum, where
 * descent spends its time, and sparse up the walls.
 */
final class ContourGrid {

    /** How many contour bands the colour scale has. */
    static final int BANDS = 14;

    final int n;
    final double xMin;
    final double xMax;
    final double yMin;
    final double yMax;
    /** f at the centre of cell (i, j), row j from the bottom: values[j·n + i]. */
    final float[] values;
    /** The band of each cell, 0 (lowest) to BANDS − 1. */
    final int[] bands;

    ContourGrid(Objective f, int n) {
        this(f.values(cellXs(n, f.xMin(), f.xMax()), cellYs(n, f.yMin(), f.yMax())), n, f.xMin(), f.xMax(), f.yMin(),
                f.yMax());
    }

    /** A grid of values already computed at the cell centres {@link #cellXs} and {@link #cellYs}. */
    ContourGrid(float[] values, int n, double xMin, double xMax, double yMin, double yMax) {
        this.n = n;
        this.xMin = xMin;
        this.xMax = xMax;
        this.yMin = yMin;
        this.yMax = yMax;
        this.values = values;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        bands = new int[values.length];
        double span = Math.log1p(Math.max(max - min, 1e-12));
        for (int c = 0; c < values.length; c++) {
            double t = Math.log1p(values[c] - min) / span;
            bands[c] = Math.min(BANDS - 1, (int) (t * BANDS));
        }
    }

    /** The x of each cell centre, row by row from the bottom: index j·n + i. */
    static float[] cellXs(int n, double xMin, double xMax) {
        float[] xs = new float[n * n];
        for (int c = 0; c < xs.length; c++) {
            xs[c] = (float) (xMin + (c % n + 0.5) / n * (xMax - xMin));
        }
        return xs;
    }

    /** The y of each cell centre, index j·n + i. */
    static float[] cellYs(int n, double yMin, double yMax) {
        float[] ys = new float[n * n];
        for (int c = 0; c < ys.length; c++) {
            ys[c] = (float) (yMin + (c / n + 0.5) / n * (yMax - yMin));
        }
        return ys;
    }

    int band(int i, int j) {
        return bands[j * n + i];
    }
}
