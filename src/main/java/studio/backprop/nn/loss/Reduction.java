package studio.backprop.nn.loss;

/**
 * How a loss turns its per-element (or per-example) terms into one number: their mean or their sum.
 *
 * <p>What "mean" divides by depends on the loss and is stated in its {@link Loss#describe()}: element-wise
 * losses (MSE, MAE, binary cross-entropy, hinge) divide by N·outputs, losses over distributions (categorical
 * cross-entropy, KL divergence) sum over classes and divide by N.
 */
public enum Reduction {
    MEAN, SUM;

    /** The factor that turns a sum over {@code count} terms into this reduction: 1/count for MEAN, 1 for SUM. */
    double factor(int count) {
        return this == MEAN ? 1.0 / count : 1.0;
    }

    /** The factor that turns a mean over {@code count} terms into this reduction: 1 for MEAN, count for SUM. */
    double fromMean(int count) {
        return this == MEAN ? 1.0 : count;
    }

    /** "mean over batch and outputs" style words for descriptions. */
    String over(String what) {
        return (this == MEAN ? "mean" : "sum") + " over " + what;
    }
}
