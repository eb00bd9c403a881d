package studio.backprop.data;

import studio.backprop.tensor.Rng;

/**
 * k-fold cross-validation: the sample indices 0 … n − 1 shuffled with a seed and dealt into k folds whose sizes
 * differ by at most one (the first n mod k folds take one more). Round i validates on fold i and trains on the rest,
 * so every sample is validated on exactly once.
 */
public final class KFold {

    private KFold() {
    }

    /** The fold (0 … k − 1) of every sample. */
    public static int[] assign(int n, int k, Rng rng) {
        if (k < 2 || k > n) {
            throw new IllegalArgumentException("k-fold needs 2 ≤ k ≤ the number of samples (" + n + "); got k = "
                    + k);
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] fold = new int[n];
        int base = n / k;
        int extra = n % k;
        int at = 0;
        for (int f = 0; f < k; f++) {
            int size = base + (f < extra ? 1 : 0);
            for (int s = 0; s < size; s++) {
                fold[order[at++]] = f;
            }
        }
        return fold;
    }
}
