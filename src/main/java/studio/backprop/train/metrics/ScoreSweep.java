package studio.backprop.train.metrics;

import java.util.Arrays;

/**
 * The threshold sweep behind the ROC and precision–recall curves. For each distinct score t, from the highest down,
 * everything with score ≥ t is called positive; tp[k] and fp[k] count the positives and negatives so called at the
 * k-th threshold. Equal scores enter together, so a tie is one step of the curve, never an order-dependent
 * staircase.
 */
final class ScoreSweep {

    final double[] thresholds;
    final long[] tp;
    final long[] fp;
    final long positives;
    final long negatives;

    private ScoreSweep(double[] thresholds, long[] tp, long[] fp, long positives, long negatives) {
        this.thresholds = thresholds;
        this.tp = tp;
        this.fp = fp;
        this.positives = positives;
        this.negatives = negatives;
    }

    /** Scores (finite) and labels (0 or 1), already checked by the caller. */
    static ScoreSweep of(double[] scores, int[] labels) {
        int p = 0;
        for (int label : labels) {
            p += label;
        }
        double[] pos = new double[p];
        double[] neg = new double[labels.length - p];
        int a = 0;
        int b = 0;
        for (int i = 0; i < labels.length; i++) {
            // + 0.0 turns −0.0 into 0.0 so the two zeros are one threshold
            if (labels[i] == 1) {
                pos[a++] = scores[i] + 0.0;
            } else {
                neg[b++] = scores[i] + 0.0;
            }
        }
        Arrays.sort(pos);
        Arrays.sort(neg);
        return merge(pos, neg);
    }

    /** Walks both ascending arrays from the top, taking every score equal to the current threshold at once. */
    private static ScoreSweep merge(double[] pos, double[] neg) {
        int n = pos.length + neg.length;
        double[] thresholds = new double[n];
        long[] tp = new long[n];
        long[] fp = new long[n];
        int i = pos.length - 1;
        int j = neg.length - 1;
        int k = 0;
        long t = 0;
        long f = 0;
        while (i >= 0 || j >= 0) {
            double score = Math.max(i >= 0 ? pos[i] : Double.NEGATIVE_INFINITY,
                    j >= 0 ? neg[j] : Double.NEGATIVE_INFINITY);
            for (; i >= 0 && pos[i] == score; i--) {
                t++;
            }
            for (; j >= 0 && neg[j] == score; j--) {
                f++;
            }
            thresholds[k] = score;
            tp[k] = t;
            fp[k] = f;
            k++;
        }
        return new ScoreSweep(Arrays.copyOf(thresholds, k), Arrays.copyOf(tp, k), Arrays.copyOf(fp, k),
                pos.length, neg.length);
    }

    int steps() {
        return thresholds.length;
    }
}
