package studio.backprop.ui.cnn;

/**
 * Turns a drawn digit into an input the way MNIST's digits were made: the ink's bounding box is scaled (keeping its
 * aspect ratio) to fit a 20 × 20 box, and that box is placed in a 28 × 28 field so that the ink's centre of mass sits
 * at the field's centre (14, 14). Intensities are then divided by their maximum, so the strongest ink is 1 as in
 * MNIST's [0, 1] digits.
 *
 * <p>A pure function over plain arrays: no toolkit, tested on its own.
 */
public final class DigitPreprocessing {

    /** The side of the field, as MNIST's. */
    public static final int FIELD = 28;
    /** The side of the box the ink's larger side is scaled to. */
    public static final int BOX = 20;
    /** Ink at or below this counts as paper. */
    static final float PAPER = 1e-3f;

    private DigitPreprocessing() {
    }

    /**
     * The MNIST-style 28 × 28 input (row-major, values in [0, 1]) for an n × n ink raster, or null when there is no
     * ink at all.
     *
     * @param ink  n·n values ≥ 0, row-major
     * @param side n
     */
    public static float[] toMnist(float[] ink, int side) {
        if (ink.length != side * side) {
            throw new IllegalArgumentException("a " + side + "×" + side + " raster needs " + side * side
                    + " values, got " + ink.length);
        }
        int top = side;
        int left = side;
        int bottom = -1;
        int right = -1;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                if (ink[y * side + x] > PAPER) {
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
            }
        }
        if (bottom < 0) {
            return null;
        }
        int h = bottom - top + 1;
        int w = right - left + 1;
        double scale = (double) BOX / Math.max(h, w);
        int outH = Math.max(1, (int) Math.round(h * scale));
        int outW = Math.max(1, (int) Math.round(w * scale));
        float[] boxed = resample(ink, side, top, left, h, w, outH, outW);
        return centreByMass(boxed, outH, outW);
    }

    /**
     * Area-averaging resample of the h × w window at (top, left) to outH × outW: each output pixel is the mean of
     * the source area it covers, fractional pixels weighted by their overlap (separable: rows, then columns).
     */
    static float[] resample(float[] src, int side, int top, int left, int h, int w, int outH, int outW) {
        double[][] wy = overlaps(h, outH);
        double[][] wx = overlaps(w, outW);
        double[] rows = new double[outH * w];
        for (int oy = 0; oy < outH; oy++) {
            for (int sy = 0; sy < h; sy++) {
                double k = wy[oy][sy];
                if (k != 0) {
                    for (int sx = 0; sx < w; sx++) {
                        rows[oy * w + sx] += k * src[(top + sy) * side + left + sx];
                    }
                }
            }
        }
        float[] out = new float[outH * outW];
        for (int oy = 0; oy < outH; oy++) {
            for (int ox = 0; ox < outW; ox++) {
                double sum = 0;
                for (int sx = 0; sx < w; sx++) {
                    sum += wx[ox][sx] * rows[oy * w + sx];
                }
                out[oy * outW + ox] = (float) sum;
            }
        }
        return out;
    }

    /**
     * w[o][s]: the share of output cell o (covering [o·n/m, (o+1)·n/m) of the source axis) that source cell s
     * occupies; each row sums to 1.
     */
    private static double[][] overlaps(int n, int m) {
        double[][] w = new double[m][n];
        double step = (double) n / m;
        for (int o = 0; o < m; o++) {
            double from = o * step;
            double to = from + step;
            for (int s = (int) Math.floor(from); s < n && s < to; s++) {
                double overlap = Math.min(to, s + 1) - Math.max(from, s);
                if (overlap > 0) {
                    w[o][s] = overlap / step;
                }
            }
        }
        return w;
    }

    /**
     * Places the h × w box in the 28 × 28 field so that its centre of mass (over pixel centres, y + ½ and x + ½)
     * lands as near (14, 14) as a whole-pixel shift allows, then divides by the maximum.
     */
    static float[] centreByMass(float[] box, int h, int w) {
        double mass = 0;
        double my = 0;
        double mx = 0;
        float max = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float v = box[y * w + x];
                mass += v;
                my += v * (y + 0.5);
                mx += v * (x + 0.5);
                max = Math.max(max, v);
            }
        }
        int dy = (int) Math.round(FIELD / 2.0 - my / mass);
        int dx = (int) Math.round(FIELD / 2.0 - mx / mass);
        float[] out = new float[FIELD * FIELD];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int ty = y + dy;
                int tx = x + dx;
                if (ty >= 0 && ty < FIELD && tx >= 0 && tx < FIELD) {
                    out[ty * FIELD + tx] = Math.min(1f, box[y * w + x] / max);
                }
            }
        }
        return out;
    }
}
