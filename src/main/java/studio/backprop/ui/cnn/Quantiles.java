package studio.backprop.ui.cnn;

/**
 * A distribution summarised by a few quantiles, as a band chart over time draws it: the minimum, the 7th, 16th,
 * 31st percentiles, the median, the 69th, 84th, 93rd percentiles and the maximum (for a normal distribution the
 * bands are about ±1.5σ, ±1σ, ±½σ).
 *
 * <p>The q-quantile of n sorted values v₀ ≤ … ≤ vₙ₋₁ is interpolated linearly at position q·(n − 1).
 */
public final class Quantiles {

    /** The percentiles kept, in [0, 1]. */
    public static final double[] LEVELS = {0, 0.07, 0.16, 0.31, 0.5, 0.69, 0.84, 0.93, 1};

    private Quantiles() {
    }

    /** The values at {@link #LEVELS} of {@code values} (not modified); NaN for none. */
    public static double[] of(float[] values) {
        double[] out = new double[LEVELS.length];
        if (values.length == 0) {
            java.util.Arrays.fill(out, Double.NaN);
            return out;
        }
        float[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        for (int i = 0; i < LEVELS.length; i++) {
            double at = LEVELS[i] * (sorted.length - 1);
            int lo = (int) Math.floor(at);
            int hi = Math.min(sorted.length - 1, lo + 1);
            out[i] = sorted[lo] + (at - lo) * (sorted[hi] - sorted[lo]);
        }
        return out;
    }

    /** The element-wise difference a − b of two equally long arrays. */
    public static float[] difference(float[] a, float[] b) {
        float[] d = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }
}
