package studio.backprop.train.metrics;

import java.util.Locale;
import studio.backprop.tensor.Tensor;

/**
 * Regression errors of predictions ŷ against targets y over n values:
 * <ul>
 *   <li>MSE = (1/n) Σ (y − ŷ)²;</li>
 *   <li>MAE = (1/n) Σ |y − ŷ|;</li>
 *   <li>R² = 1 − SS_res / SS_tot with SS_res = Σ (y − ŷ)² and SS_tot = Σ (y − ȳ)²: 1 for a perfect fit, 0 for
 *       always predicting the mean ȳ, negative for worse. When all targets are equal SS_tot = 0 and R² is 0/0:
 *       it is NaN (printed "n/a"), not a guessed 0 or 1.</li>
 * </ul>
 * Values are taken in double in row-major order; {@link RegressionAccumulator} gives the same numbers batch by
 * batch.
 *
 * @param count number of values n
 * @param mse   mean squared error
 * @param mae   mean absolute error
 * @param r2    coefficient of determination, NaN when every target is the same
 */
public record RegressionMetrics(long count, double mse, double mae, double r2) {

    /**
     * The metrics of predictions against targets of the same shape.
     *
     * @throws IllegalArgumentException for no values, different shapes, or a value that is not finite
     */
    public static RegressionMetrics of(Tensor predictions, Tensor targets) {
        Inputs.notEmpty("regression metrics", targets.size());
        RegressionAccumulator all = new RegressionAccumulator();
        all.add(predictions, targets);
        return all.result();
    }

    /** The metrics of predictions against targets of the same length. */
    public static RegressionMetrics of(double[] predictions, double[] targets) {
        Inputs.notEmpty("regression metrics", targets.length);
        RegressionAccumulator all = new RegressionAccumulator();
        all.add(predictions, targets);
        return all.result();
    }

    /** One line: "n = 4, MSE = 0.3750, MAE = 0.5000, R² = 0.9486". */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "n = %d, MSE = %s, MAE = %s, R² = %s", count, MetricsText.number(mse),
                MetricsText.number(mae), MetricsText.number(r2));
    }
}
