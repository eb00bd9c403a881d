package studio.backprop.train.metrics;

import studio.backprop.tensor.Tensor;

/**
 * Turning network outputs and targets into class indices, with the course conventions.
 *
 * <ul>
 *   <li>Multi-class: the predicted class of row n of an (N × C) matrix of probabilities or logits is
 *       ŷ_n = argmax_j s_nj, indices from 0, a tie going to the lowest index (softmax is monotone, so logits and
 *       probabilities give the same class).</li>
 *   <li>Binary: ŷ_n = 1 iff p_n ≥ t, with t = 0.5 by default; p = t exactly is class 1.</li>
 * </ul>
 */
public final class Labels {

    /** The course threshold for binary probabilities: class 1 iff p ≥ 0.5. */
    public static final double DEFAULT_THRESHOLD = 0.5;

    private Labels() {
    }

    /**
     * The predicted class of each row of an (N × C) score matrix (ties to the lowest index).
     *
     * @throws IllegalArgumentException for a score that is not a matrix, has no rows or holds NaN or ±∞
     */
    public static int[] argMax(Tensor scores) {
        Inputs.scoreMatrix("argmax", scores);
        Inputs.notEmpty("argmax", scores.dim(0));
        if (scores.dim(1) == 0) {
            throw new IllegalArgumentException("argmax: the score matrix has no columns (no classes)");
        }
        float[] index = scores.argMax(1).toArray();
        int[] out = new int[index.length];
        for (int i = 0; i < index.length; i++) {
            out[i] = (int) index[i];
        }
        return out;
    }

    /** Binary classes from probabilities (N) or (N × 1) at the default threshold: 1 iff p ≥ 0.5. */
    public static int[] threshold(Tensor probabilities) {
        return threshold(probabilities, DEFAULT_THRESHOLD);
    }

    /**
     * Binary classes from scores (N) or (N × 1): 1 iff s ≥ threshold. Any finite threshold is allowed, so logits
     * work with threshold 0.
     */
    public static int[] threshold(Tensor scores, double threshold) {
        Inputs.finiteThreshold("threshold", threshold);
        double[] values = Inputs.binaryScores("threshold", scores);
        Inputs.notEmpty("threshold", values.length);
        return threshold(values, threshold);
    }

    static int[] threshold(double[] scores, double threshold) {
        int[] out = new int[scores.length];
        for (int i = 0; i < scores.length; i++) {
            out[i] = scores[i] >= threshold ? 1 : 0;
        }
        return out;
    }

    /**
     * Class indices from a target tensor: (N) or (N × 1) whole numbers, or (N × classes) one-hot rows.
     *
     * @throws IllegalArgumentException for another shape, a fractional value, a row that is not one-hot, or an
     *                                  index outside 0 .. classes − 1
     */
    public static int[] fromTargets(Tensor targets, int classes) {
        Inputs.classCount("targets", classes);
        int[] out = Inputs.targets("targets", targets, classes);
        Inputs.notEmpty("targets", out.length);
        return out;
    }
}
