package studio.backprop.train.metrics;

import studio.backprop.tensor.Tensor;

/**
 * The precision–recall curve of binary scores (label 1 positive) and its average precision.
 *
 * <p>Sweeping the threshold t over the distinct scores from the highest down and calling every example with
 * score ≥ t positive gives, at the k-th threshold, precision P_k = TP_k / (TP_k + FP_k) and recall
 * R_k = TP_k / P (P = number of positive labels). At least one example is called positive at every threshold, so
 * P_k always exists; equal scores enter together, as one point. No artificial end point is added: the first point
 * belongs to the highest score, the last to the lowest (where R = 1).
 *
 * <p>Average precision is the step-wise sum AP = Σ_k (R_k − R_{k−1}) · P_k with R_0 = 0 (as scikit-learn's
 * {@code average_precision_score}): each gain in recall is weighted by the precision reached there, with no
 * interpolation between points.
 */
public final class PrecisionRecallCurve {

    private final double[] precision;
    private final double[] recall;
    private final double[] thresholds;
    private final long positives;
    private final double averagePrecision;

    private PrecisionRecallCurve(ScoreSweep sweep) {
        int n = sweep.steps();
        precision = new double[n];
        recall = new double[n];
        thresholds = sweep.thresholds.clone();
        positives = sweep.positives;
        double ap = 0;
        double previousRecall = 0;
        for (int k = 0; k < n; k++) {
            long tp = sweep.tp[k];
            precision[k] = (double) tp / (tp + sweep.fp[k]);
            recall[k] = (double) tp / positives;
            ap += (recall[k] - previousRecall) * precision[k];
            previousRecall = recall[k];
        }
        averagePrecision = ap;
    }

    /**
     * The curve of scores against labels 0/1.
     *
     * @throws IllegalArgumentException for empty input, different lengths, a label other than 0/1, a score that is
     *                                  not finite, or no positive label (recall would be 0/0)
     */
    public static PrecisionRecallCurve of(double[] scores, int[] labels) {
        Inputs.sameLength("precision-recall", scores.length, labels.length);
        Inputs.notEmpty("precision-recall", labels.length);
        Inputs.binaryLabels("precision-recall", labels);
        Inputs.finite("precision-recall", "score", scores);
        int positive = 0;
        for (int label : labels) {
            positive += label;
        }
        if (positive == 0) {
            throw new IllegalArgumentException("precision-recall needs at least one positive example; all "
                    + labels.length + " labels are 0");
        }
        return new PrecisionRecallCurve(ScoreSweep.of(scores, labels));
    }

    /** The curve of scores (N) or (N × 1) against labels 0/1. */
    public static PrecisionRecallCurve of(Tensor scores, int[] labels) {
        return of(Inputs.binaryScores("precision-recall", scores), labels);
    }

    /** The curve of scores (N) or (N × 1) against a target tensor of 0/1 of shape (N) or (N × 1). */
    public static PrecisionRecallCurve of(Tensor scores, Tensor labels) {
        return of(scores, Inputs.targets("precision-recall", labels, 2));
    }

    /** Number of points (one per distinct score). */
    public int size() {
        return precision.length;
    }

    /** Precision at each threshold, highest threshold first. */
    public double[] precisions() {
        return precision.clone();
    }

    /** Recall at each threshold, highest threshold first (non-decreasing, ending at 1). */
    public double[] recalls() {
        return recall.clone();
    }

    /** The distinct scores, highest first; point k calls score ≥ thresholds[k] positive. */
    public double[] thresholds() {
        return thresholds.clone();
    }

    public long positives() {
        return positives;
    }

    /** AP = Σ_k (R_k − R_{k−1}) · P_k, R_0 = 0. */
    public double averagePrecision() {
        return averagePrecision;
    }
}
