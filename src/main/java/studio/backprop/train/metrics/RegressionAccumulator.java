package studio.backprop.train.metrics;

import java.util.Arrays;
import studio.backprop.tensor.Shapes;
import studio.backprop.tensor.Tensor;

/**
 * Running regression metrics over batches: {@link #add} one batch of predictions and targets at a time, then
 * {@link #result()}. The sums run over the values in the order they arrive, so any split into batches gives
 * exactly the numbers of {@link RegressionMetrics#of} on the whole data.
 *
 * <p>SS_tot = Σ (y − ȳ)² is kept by Welford's update (mean_n = mean_{n−1} + (y − mean_{n−1}) / n, M2 += (y −
 * mean_{n−1})(y − mean_n)) because Σy² − n·ȳ² loses every digit when the targets are large and close together.
 */
public final class RegressionAccumulator {

    private long count;
    private double squaredError;
    private double absoluteError;
    private double targetMean;
    private double targetM2;

    /** Adds a batch; predictions and targets must have the same shape. Nothing is added if the batch is refused. */
    public void add(Tensor predictions, Tensor targets) {
        if (!Arrays.equals(predictions.shape(), targets.shape())) {
            throw new IllegalArgumentException("regression metrics: predictions have shape "
                    + Shapes.str(predictions.shape()) + " but targets have shape " + Shapes.str(targets.shape())
                    + "; they must be the same" + (predictions.size() == targets.size()
                            ? " (reshape the targets to match)" : ""));
        }
        add(predictions.toDoubleArray(), targets.toDoubleArray());
    }

    /** Adds a batch of predictions and targets of the same length. */
    public void add(double[] predictions, double[] targets) {
        Inputs.sameLength("regression metrics", predictions.length, targets.length);
        Inputs.finite("regression metrics", "prediction", predictions);
        Inputs.finite("regression metrics", "target", targets);
        for (int i = 0; i < targets.length; i++) {
            double error = targets[i] - predictions[i];
            squaredError += error * error;
            absoluteError += Math.abs(error);
            count++;
            double delta = targets[i] - targetMean;
            targetMean += delta / count;
            targetM2 += delta * (targets[i] - targetMean);
        }
    }

    /** Values added so far. */
    public long count() {
        return count;
    }

    /**
     * MSE, MAE and R² of everything added so far.
     *
     * @throws IllegalStateException when nothing has been added
     */
    public RegressionMetrics result() {
        if (count == 0) {
            throw new IllegalStateException("regression metrics: nothing added yet (the input is empty)");
        }
        double r2 = targetM2 == 0 ? Double.NaN : 1 - squaredError / targetM2;
        return new RegressionMetrics(count, squaredError / count, absoluteError / count, r2);
    }
}
