package studio.backprop.nn.perceptron;

/**
 * The summary of one finished epoch of perceptron training.
 *
 * <p>Under the perceptron rule w ← w + η(y − ŷ)x with η &gt; 0, a sample causes an update exactly when it
 * is misclassified (y ≠ ŷ), so the number of updates equals the number of errors; {@link #errors()} is
 * there so that trace screens can use the word their exercise uses. An epoch with no update means every
 * sample was classified correctly with unchanged weights: training has converged.
 *
 * @param epoch         the epoch, counted from 1
 * @param samples       how many samples were presented
 * @param updates       how many samples changed w and b
 * @param weightsBefore w at the start of the epoch
 * @param biasBefore    b at the start of the epoch
 * @param weightsAfter  w at the end of the epoch
 * @param biasAfter     b at the end of the epoch
 */
public record EpochSummary(int epoch, int samples, int updates, Vec weightsBefore, double biasBefore,
                           Vec weightsAfter, double biasAfter) {

    /** The number of misclassified samples in this epoch; equal to {@link #updates()}. */
    public int errors() {
        return updates;
    }
}
