package studio.backprop.train;

import java.util.Arrays;

/**
 * Counts what a training loop needs to know at the end of an epoch and to decide when to stop: the running totals
 * of the epoch (summed step loss, steps, correctly classified and seen samples), early stopping (the lowest
 * validation loss so far and the epochs since it), the rule's convergence, and the best weights kept for
 * keep-best.
 *
 * <p>{@link #copy()} and {@link #restore} move all of it at once, so stepping back and restoring a session take the
 * same path.
 */
final class EpochTally {

    /**
     * Everything a tally holds, as values: the epoch's totals, the early-stopping counters, convergence, and the
     * best weights (one array per parameter, or null when none are kept) with the epoch they are from (from 1) and
     * the epoch whose weights were put back when training finished (0 when none were).
     */
    record State(double lossSum, int batches, long correct, long seen, float bestValidLoss,
                 int epochsWithoutImprovement, boolean converged, float[][] bestWeights, int bestEpoch,
                 int restoredBestEpoch) {

        /** The totals of an epoch and its early-stopping counters, with nothing converged and no best weights. */
        static State counters(double lossSum, int batches, long correct, long seen, float bestValidLoss,
                              int epochsWithoutImprovement) {
            return new State(lossSum, batches, correct, seen, bestValidLoss, epochsWithoutImprovement, false, null, 0,
                    0);
        }
    }

    /** Σ of the step losses of this epoch, in double so long epochs do not lose small losses. */
    private double lossSum;
    private int batches;
    private long correct;
    private long seen;
    private float bestValidLoss;
    private int epochsWithoutImprovement;
    private boolean converged;
    private float[][] bestWeights;
    private int bestEpoch;
    private int restoredBestEpoch;

    EpochTally() {
        reset();
    }

    /** Back to the start of training: nothing counted, no best validation loss, nothing kept. */
    void reset() {
        restore(State.counters(0, 0, 0, 0, Float.POSITIVE_INFINITY, 0));
    }

    /** Counts one step's loss. */
    void addBatch(float loss) {
        lossSum += loss;
        batches++;
    }

    /** Counts the classification of one step's samples: {@code right} of {@code samples} were right. */
    void addClassified(long right, int samples) {
        correct += right;
        seen += samples;
    }

    /** The mean step loss of the epoch (0 before any step). */
    float meanLoss() {
        return (float) (lossSum / Math.max(1, batches));
    }

    /** The fraction of the epoch's samples classified right, NaN when none were counted (regression). */
    float accuracy() {
        return seen == 0 ? Float.NaN : (float) correct / seen;
    }

    /** Starts the totals of the next epoch; the early-stopping counters and the best weights stay. */
    void startEpoch() {
        lossSum = 0;
        batches = 0;
        correct = 0;
        seen = 0;
    }

    /**
     * Takes an epoch's validation loss: a new lowest one starts the patience count again, any other counts one more
     * epoch without improvement.
     *
     * @return whether the loss is the lowest so far
     */
    boolean improved(float validLoss) {
        if (validLoss < bestValidLoss) {
            bestValidLoss = validLoss;
            epochsWithoutImprovement = 0;
            return true;
        }
        epochsWithoutImprovement++;
        return false;
    }

    /** Whether {@code patience} (above 0) epochs in a row went by without a lower validation loss. */
    boolean outOfPatience(int patience) {
        return patience > 0 && epochsWithoutImprovement >= patience;
    }

    /** The buffers of the best weights so far, for copying the new best into, or null when none are kept. */
    float[][] bestWeights() {
        return bestWeights;
    }

    /** Keeps {@code weights} as the best ones, those of epoch {@code epoch} (from 1). */
    void keepBest(float[][] weights, int epoch) {
        bestWeights = weights;
        bestEpoch = epoch;
    }

    /** Whether best weights older than the {@code epochs} completed are kept, to be put back. */
    boolean bestIsEarlierThan(int epochs) {
        return bestWeights != null && bestEpoch < epochs;
    }

    /** Notes that the best weights were put back. */
    void bestRestored() {
        restoredBestEpoch = bestEpoch;
    }

    int restoredBestEpoch() {
        return restoredBestEpoch;
    }

    void setConverged() {
        converged = true;
    }

    boolean converged() {
        return converged;
    }

    /** A copy of everything counted (the best weights deep-copied), for stepping back or a checkpoint. */
    State copy() {
        return new State(lossSum, batches, correct, seen, bestValidLoss, epochsWithoutImprovement, converged,
                deepCopy(bestWeights), bestEpoch, restoredBestEpoch);
    }

    /** Goes back to a copy; the copy itself is not shared, so it can be restored again. */
    void restore(State s) {
        lossSum = s.lossSum();
        batches = s.batches();
        correct = s.correct();
        seen = s.seen();
        bestValidLoss = s.bestValidLoss();
        epochsWithoutImprovement = s.epochsWithoutImprovement();
        converged = s.converged();
        bestWeights = deepCopy(s.bestWeights());
        bestEpoch = s.bestEpoch();
        restoredBestEpoch = s.restoredBestEpoch();
    }

    private static float[][] deepCopy(float[][] weights) {
        return weights == null ? null : Arrays.stream(weights).map(float[]::clone).toArray(float[][]::new);
    }
}
