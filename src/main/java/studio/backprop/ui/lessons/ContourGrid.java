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
        this.n = n;
        this.xMin = f.xMin();
        this.xMax = f.xMax();
        this.yMin = f.yMin();
        this.yMax = f.yMax();
        float[] xs = new float[n * n];
        float[] ys = new float[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                xs[j * n + i] = (float) (xMin + (i + 0.5) / n * (xMax - xMin));
                ys[j * n + i] = (float) (yMin + (j + 0.5) / n * (yMax - yMin));
            }
        }
        values = f.values(xs, ys);
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

    int band(int i, int j) {
        return bands[j * n + i];
    }
}
