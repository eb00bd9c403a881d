package studio.backprop.ui.lessons;

import java.util.List;
import studio.backprop.data.HoldOut;
import studio.backprop.data.KFold;
import studio.backprop.data.Thermometer;
import studio.backprop.tensor.Rng;

/**
 * The data-handling lesson's computations: which rows a seeded train / validation / test split sends where (through
 * the engine's splitter), the folds of k-fold cross-validation, min-max and standard scaling of a numeric column,
 * and the one-hot, ordinal and thermometer encodings of an ordered column, on a small table of flats.
 */
public final class DataHandlingModel {

    /** The ordered levels of the table's condition column, lowest first. */
    public static final List<String> CONDITIONS = List.of("poor", "fair", "good", "excellent");
    /** The table: floor area in m² and condition of twelve flats. */
    public static final double[] AREAS = {48, 95, 62, 130, 75, 54, 110, 88, 67, 142, 59, 101};
    public static final List<String> CONDITION_OF = List.of("fair", "good", "poor", "excellent", "good", "fair",
            "good", "poor", "excellent", "good", "fair", "poor");

    private DataHandlingModel() {
    }

    /**
     * The part (0 train, 1 validation, 2 test) of each of {@code n} rows under the seeded split training makes
     * ({@link HoldOut}); the test rows are never seen by training nor used to choose a model. The training fraction
     * is what validation and test leave.
     */
    public static int[] split(int n, double train, double validation, double test, long seed) {
        return split(n, validation, test, false, seed);
    }

    /** As training splits n rows: by a seeded shuffle, or ({@code last}) taking the last rows as they are. */
    public static int[] split(int n, double validation, double test, boolean last, long seed) {
        return HoldOut.of(n, validation, test < 1e-9 ? 0 : test, last, seed).partOfEachRow();
    }

    /** The fold of each of {@code n} rows under seeded k-fold cross-validation. */
    public static int[] folds(int n, int k, long seed) {
        return KFold.assign(n, k, new Rng(seed));
    }

    /** (v − min)/(max − min); a constant column gives 0. */
    public static double[] minMax(double[] v) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = max > min ? (v[i] - min) / (max - min) : 0;
        }
        return out;
    }

    /** (v − mean)/std with the population standard deviation; a constant column gives v − mean. */
    public static double[] standard(double[] v) {
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= v.length;
        double var = 0;
        for (double x : v) {
            var += (x - mean) * (x - mean);
        }
        double std = Math.sqrt(var / v.length);
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = std > 0 ? (v[i] - mean) / std : v[i] - mean;
        }
        return out;
    }

    /** The position of a condition in the order (the ordinal encoding). */
    public static int ordinal(String condition) {
        return CONDITIONS.indexOf(condition);
    }

    /** One bit per level, 1 for the row's level. */
    public static float[] oneHot(String condition) {
        float[] bits = new float[CONDITIONS.size()];
        bits[ordinal(condition)] = 1f;
        return bits;
    }

    /** The engine's thermometer encoding of the condition. */
    public static float[] thermometer(String condition) {
        return Thermometer.encode(condition, CONDITIONS);
    }
}
