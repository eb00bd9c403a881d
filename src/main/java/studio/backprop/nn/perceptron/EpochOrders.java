package studio.backprop.nn.perceptron;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import studio.backprop.tensor.Rng;

/**
 * The order in which each epoch visits the samples, as 0-based sample indices.
 *
 * <p>Shuffled order: one engine {@link Rng} seeded with the config's seed serves the whole run; epoch e uses the
 * e-th permutation drawn from it, each drawn by a Fisher–Yates pass over the listed order
 * (for i = n−1 down to 1: swap entry i with entry {@code nextInt(i + 1)}). Permutations are kept once
 * drawn, so stepping back and forth or resetting never changes them.
 */
final class EpochOrders {

    private final OrderMode mode;
    private final int sampleCount;
    private final int[] fixedOrder;
    private final Rng random;
    private final List<int[]> shuffled = new ArrayList<>();

    EpochOrders(PerceptronConfig config, int sampleCount) {
        this.mode = config.orderMode();
        this.sampleCount = sampleCount;
        this.fixedOrder = mode == OrderMode.EXPLICIT
                ? explicitOrder(config.explicitOrderOneBased(), sampleCount)
                : listedOrder(sampleCount);
        this.random = new Rng(config.seed());
    }

    /** The 0-based sample indices of epoch {@code epoch} (counted from 1), in visiting order. */
    int[] forEpoch(int epoch) {
        if (mode != OrderMode.SHUFFLED) {
            return fixedOrder.clone();
        }
        while (shuffled.size() < epoch) {
            shuffled.add(nextPermutation());
        }
        return shuffled.get(epoch - 1).clone();
    }

    private int[] nextPermutation() {
        int[] order = listedOrder(sampleCount);
        for (int i = sampleCount - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    private static int[] listedOrder(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    /**
     * Converts a 1-based order to 0-based indices. The order must be a permutation of all samples: an epoch
     * that skipped a sample could end without updates while that sample is still misclassified, and
     * "converged" would then be false. Numbers below 1 and repeats were already refused by the config.
     */
    private static int[] explicitOrder(List<Integer> oneBased, int n) {
        for (int number : oneBased) {
            if (number > n) {
                throw new IllegalArgumentException("the sample order " + Words.list(oneBased) + " names sample "
                        + number + ", but there " + (n == 1 ? "is only 1 sample" : "are only " + n
                        + " samples (numbered 1 to " + n + ")"));
            }
        }
        TreeSet<Integer> missing = new TreeSet<>();
        for (int number = 1; number <= n; number++) {
            missing.add(number);
        }
        missing.removeAll(oneBased);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the sample order " + Words.list(oneBased) + " leaves out sample"
                    + (missing.size() == 1 ? " " : "s ") + Words.and(List.copyOf(missing))
                    + "; every epoch must visit each sample exactly once");
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = oneBased.get(i) - 1;
        }
        return order;
    }
}
