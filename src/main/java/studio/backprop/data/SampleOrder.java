package studio.backprop.data;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import studio.backprop.tensor.Rng;

/**
 * The order in which each epoch visits the samples, as 0-based sample indices: the one implementation the training
 * loop and {@link Batches} share.
 *
 * <ul>
 *   <li>{@link Mode#LISTED}: 0, 1, …, N−1 every epoch.</li>
 *   <li>{@link Mode#SHUFFLED}: every {@link #nextEpoch} permutes the previous epoch's order in place with one
 *       Fisher–Yates pass of the caller's {@link Rng} ({@link Rng#shuffle}); the first epoch permutes 0, 1, …, N−1.
 *       An epoch's order therefore depends on the generator's state <em>and</em> the previous order; a checkpoint
 *       keeps both ({@link #current()}, {@link #restore}).</li>
 *   <li>{@link Mode#EXPLICIT}: the order an exercise sheet gives, numbered from 1 ("3, 4, 1, 2"), every epoch. It
 *       must name every sample exactly once: an epoch that skipped a sample could end without a perceptron update
 *       while that sample is still misclassified, and "converged" would be false.</li>
 * </ul>
 *
 * <p>Not thread-safe: the trainer's thread (or the command line's) owns it.
 */
public final class SampleOrder {

    /** How the samples are ordered within an epoch. */
    public enum Mode { LISTED, SHUFFLED, EXPLICIT }

    private final Mode mode;
    private final int[] explicit;
    private int[] order;

    private SampleOrder(Mode mode, int samples, int[] explicit) {
        if (samples < 1) {
            throw new IllegalArgumentException("there are no samples to order: the training set is empty");
        }
        this.mode = mode;
        this.explicit = explicit;
        this.order = explicit != null ? explicit.clone() : identity(samples);
    }

    /** The samples as listed, every epoch. */
    public static SampleOrder listed(int samples) {
        return new SampleOrder(Mode.LISTED, samples, null);
    }

    /** A fresh seeded permutation every epoch (see the class comment for how it is drawn). */
    public static SampleOrder shuffled(int samples) {
        return new SampleOrder(Mode.SHUFFLED, samples, null);
    }

    /**
     * The given order every epoch.
     *
     * @param oneBased sample numbers counted from 1, each sample exactly once, e.g. 3, 4, 1, 2
     * @throws IllegalArgumentException in words when the order is empty, names a number below 1 or beyond the last
     *                                  sample, names a sample twice, or leaves one out
     */
    public static SampleOrder explicit(List<Integer> oneBased, int samples) {
        return new SampleOrder(Mode.EXPLICIT, samples, zeroBased(oneBased, samples));
    }

    /** An order of the given mode; {@code oneBased} is read only for {@link Mode#EXPLICIT}. */
    public static SampleOrder of(Mode mode, List<Integer> oneBased, int samples) {
        return switch (mode) {
            case LISTED -> listed(samples);
            case SHUFFLED -> shuffled(samples);
            case EXPLICIT -> explicit(oneBased, samples);
        };
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    private static int[] zeroBased(List<Integer> oneBased, int samples) {
        if (oneBased == null || oneBased.isEmpty()) {
            throw new IllegalArgumentException("the explicit sample order is empty; name every sample once, "
                    + "counting from 1, e.g. 3, 4, 1, 2");
        }
        String written = oneBased.stream().map(String::valueOf).collect(Collectors.joining(", "));
        boolean[] seen = new boolean[samples];
        for (Integer n : oneBased) {
            if (n == null || n < 1) {
                throw new IllegalArgumentException("the sample order " + written + " contains " + n
                        + ", which is not a sample number; samples are numbered from 1");
            }
            if (n > samples) {
                throw new IllegalArgumentException("the sample order " + written + " names sample " + n + ", but "
                        + (samples == 1 ? "there is only 1 sample" : "there are only " + samples
                        + " samples (numbered 1 to " + samples + ")"));
            }
            if (seen[n - 1]) {
                throw new IllegalArgumentException("the sample order " + written + " names sample " + n
                        + " more than once; each sample must appear exactly once");
            }
            seen[n - 1] = true;
        }
        TreeSet<Integer> missing = new TreeSet<>();
        for (int n = 1; n <= samples; n++) {
            if (!seen[n - 1]) {
                missing.add(n);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the sample order " + written + " leaves out sample"
                    + (missing.size() == 1 ? " " : "s ") + and(new ArrayList<>(missing))
                    + "; every epoch must visit each sample exactly once");
        }
        int[] order = new int[oneBased.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = oneBased.get(i) - 1;
        }
        return order;
    }

    /** "2", "2 and 4", "1, 2 and 4". */
    private static String and(List<Integer> numbers) {
        String head = numbers.subList(0, numbers.size() - 1).stream().map(String::valueOf)
                .collect(Collectors.joining(", "));
        return head.isEmpty() ? String.valueOf(numbers.get(0)) : head + " and " + numbers.get(numbers.size() - 1);
    }

    /**
     * Draws the order of the next epoch: a new permutation when shuffling (from {@code rng}, which may be null for
     * the other modes), the same order otherwise.
     */
    public void nextEpoch(Rng rng) {
        switch (mode) {
            case SHUFFLED -> rng.shuffle(order);
            case EXPLICIT -> order = explicit.clone();
            case LISTED -> {
                // the listed order never changes
            }
        }
    }

    public Mode mode() {
        return mode;
    }

    /** The current epoch's order (a copy), for checkpoints. */
    public int[] current() {
        return order.clone();
    }

    /**
     * Restores a checkpointed order.
     *
     * @throws IllegalArgumentException when it does not visit as many samples as this order does
     */
    public void restore(int[] saved) {
        if (saved.length != order.length) {
            throw new IllegalArgumentException("the saved sample order has " + saved.length + " entries but the data "
                    + "has " + order.length + " samples");
        }
        order = saved.clone();
    }

    /** Number of samples one epoch visits. */
    public int size() {
        return order.length;
    }

    /** The 0-based sample index at a position of this epoch. */
    public int sampleAt(int position) {
        return order[position];
    }

    /**
     * Copies the rows of the samples at positions [from, from + rows) of this epoch, in that order:
     * {@code target[r·width … (r+1)·width − 1] = source[order[from + r]·width …]}. Modifies {@code target} only.
     *
     * @param source one row of {@code width} values per sample, samples in their stored order
     * @param target at least rows·width values
     */
    public void copyRows(float[] source, int width, int from, int rows, float[] target) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(source, order[from + r] * width, target, r * width, width);
        }
    }
}
