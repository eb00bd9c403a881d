package studio.backprop.train.metrics;

/**
 * Top-k accuracy: the share of examples whose true class is among the k classes with the highest scores. An
 * example's rank is the number of classes scored strictly higher than its true class, so a tie counts in its
 * favour; top-1 accuracy is the usual accuracy when there are no ties.
 */
public final class TopK {

    private TopK() {
    }

    /**
     * @param scores  N × classes scores, row-major
     * @param classes the number of classes
     * @param actual  the N true classes
     * @param k       1 ≤ k
     * @throws IllegalArgumentException in words when the sizes disagree, k is below 1 or a class is out of range
     */
    public static double accuracy(float[] scores, int classes, int[] actual, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("top-k accuracy needs k ≥ 1, got " + k);
        }
        if (classes < 1 || scores.length != actual.length * classes) {
            throw new IllegalArgumentException("top-k accuracy: " + scores.length + " scores do not make "
                    + actual.length + " rows of " + classes + " classes");
        }
        if (actual.length == 0) {
            return Double.NaN;
        }
        long hits = 0;
        for (int i = 0; i < actual.length; i++) {
            int t = actual[i];
            if (t < 0 || t >= classes) {
                throw new IllegalArgumentException("top-k accuracy: example " + (i + 1) + " has class " + t
                        + ", outside 0 … " + (classes - 1));
            }
            float mine = scores[i * classes + t];
            int higher = 0;
            for (int c = 0; c < classes; c++) {
                if (scores[i * classes + c] > mine) {
                    higher++;
                }
            }
            if (higher < k) {
                hits++;
            }
        }
        return (double) hits / actual.length;
    }
}
