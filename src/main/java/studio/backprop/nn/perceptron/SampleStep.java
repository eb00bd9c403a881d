package studio.backprop.nn.perceptron;

/**
 * One row of a perceptron trace table: what happened when one sample was presented.
 *
 * <p>The perceptron computes z = w·x + b and ŷ = threshold(z), then applies the rule
 * w ← w + η(y − ŷ)x, b ← b + η(y − ŷ). The update happens exactly when the error y − ŷ is not 0; when it
 * is 0 the "after" values are the "before" values.
 *
 * @param epoch         the epoch, counted from 1
 * @param step          the position of this sample within its epoch, counted from 1
 * @param sampleIndex   which sample, counted from 0 (see {@link #sampleNumber()} for the 1-based number)
 * @param x             the sample's inputs
 * @param z             the net input w·x + b with the weights before the update
 * @param predicted     the output ŷ
 * @param label         the target y
 * @param error         y − ŷ
 * @param updated       whether w and b changed
 * @param weightsBefore w before this sample
 * @param biasBefore    b before this sample
 * @param weightsAfter  w after the rule was applied
 * @param biasAfter     b after the rule was applied
 */
public record SampleStep(int epoch, int step, int sampleIndex, Vec x, double z, int predicted, int label,
                         int error, boolean updated, Vec weightsBefore, double biasBefore, Vec weightsAfter,
                         double biasAfter) {

    /** The sample number as exercise sheets count it, from 1. */
    public int sampleNumber() {
        return sampleIndex + 1;
    }
}
