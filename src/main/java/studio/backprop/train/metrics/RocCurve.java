package studio.backprop.train.metrics;

import studio.backprop.tensor.Tensor;

/**
 * The receiver operating characteristic of binary scores (higher score = more likely positive, label 1).
 *
 * <p>Sweeping the threshold t over the distinct scores from the highest down and calling every example with
 * score ≥ t positive gives the points (FPR, TPR) = (FP/N, TP/P), where P and N count the positive and negative
 * labels. The curve starts at (0, 0) (threshold +∞, nothing called positive) and ends at (1, 1) (the lowest score,
 * everything positive). Examples with equal scores change class together, so a tie between a positive and a
 * negative is one diagonal segment.
 *
 * <p>AUC is the area under these points by the trapezoid rule, AUC = Σ_k (FPR_k − FPR_{k−1}) · (TPR_k + TPR_{k−1})
 * / 2. It equals the Mann–Whitney probability that a random positive scores above a random negative, a tie counting
 * half: AUC = (#{s⁺ > s⁻} + ½ #{s⁺ = s⁻}) / (P · N). The sum is taken over whole counts and divided once, so
 * the two agree to rounding.
 */
public final class RocCurve {

    private final double[] fpr;
    private final double[] tpr;
    private final double[] thresholds;
    private final long positives;
    private final long negatives;
    private final double auc;

    private RocCurve(ScoreSweep sweep) {
        int n = sweep.steps() + 1;
        fpr = new double[n];
        tpr = new double[n];
        thresholds = new double[n];
        thresholds[0] = Double.POSITIVE_INFINITY;
        positives = sweep.positives;
        negatives = sweep.negatives;
        long twiceArea = 0;
        for (int k = 1; k < n; k++) {
            long tp = sweep.tp[k - 1];
            long fp = sweep.fp[k - 1];
            long prevTp = k == 1 ? 0 : sweep.tp[k - 2];
            long prevFp = k == 1 ? 0 : sweep.fp[k - 2];
            twiceArea += (fp - prevFp) * (tp + prevTp);
            thresholds[k] = sweep.thresholds[k - 1];
            fpr[k] = (double) fp / negatives;
            tpr[k] = (double) tp / positives;
        }
        auc = twiceArea / (2.0 * positives * negatives);
    }

    /**
     * The ROC of scores against labels 0/1.
     *
     * @throws IllegalArgumentException for empty input, different lengths, a label other than 0/1, a score that is
     *                                  not finite, or labels all of one class
     */
    public static RocCurve of(double[] scores, int[] labels) {
        Inputs.sameLength("ROC", scores.length, labels.length);
        Inputs.notEmpty("ROC", labels.length);
        Inputs.binaryLabels("ROC", labels);
        Inputs.finite("ROC", "score", scores);
        bothClasses(labels);
        return new RocCurve(ScoreSweep.of(scores, labels));
    }

    /** The ROC of scores (N) or (N × 1) against labels 0/1. */
    public static RocCurve of(Tensor scores, int[] labels) {
        return of(Inputs.binaryScores("ROC", scores), labels);
    }

    /** The ROC of scores (N) or (N × 1) against a target tensor of 0/1 of shape (N) or (N × 1). */
    public static RocCurve of(Tensor scores, Tensor labels) {
        return of(scores, Inputs.targets("ROC", labels, 2));
    }

    private static void bothClasses(int[] labels) {
        int positive = 0;
        for (int label : labels) {
            positive += label;
        }
        if (positive == 0 || positive == labels.length) {
            throw new IllegalArgumentException("ROC needs both positive and negative examples; all "
                    + labels.length + " labels are " + (positive == 0 ? 0 : 1));
        }
    }

    /** Number of points, including (0, 0) and (1, 1). */
    public int size() {
        return fpr.length;
    }

    /** False-positive rates FP/N, from 0 up to 1. */
    public double[] falsePositiveRates() {
        return fpr.clone();
    }

    /** True-positive rates (recall) TP/P, from 0 up to 1. */
    public double[] truePositiveRates() {
        return tpr.clone();
    }

    /** The threshold of each point (score ≥ threshold is positive); the first is +∞. */
    public double[] thresholds() {
        return thresholds.clone();
    }

    public long positives() {
        return positives;
    }

    public long negatives() {
        return negatives;
    }

    /** Area under the curve by the trapezoid rule (= Mann–Whitney probability, ties half). */
    public double auc() {
        return auc;
    }
}
