package studio.backprop.nn.perceptron;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The immutable settings of a perceptron training run. Start from {@link #defaults()} and change one
 * setting at a time with the {@code withX} methods; each returns a new configuration.
 *
 * <p>Defaults: learning rate η = 1, labels {0, 1}, zero initial weights, initial bias 0, samples in listed
 * order, seed 0, at most 100 epochs.
 *
 * <p>Checks that need the training set (weight vector length, order naming samples that exist, labels in
 * the convention) are made when a {@link PerceptronTrainer} is created.
 *
 * @param learningRate          η in w ← w + η(y − ŷ)x; a finite number &gt; 0
 * @param labels                the label convention and with it the threshold function
 * @param initialWeights        the starting w, or {@code null} for zeros of the right length
 * @param initialBias           the starting b
 * @param orderMode             how samples are ordered within an epoch
 * @param seed                  the seed of the shuffle; used only when {@code orderMode} is SHUFFLED
 * @param explicitOrderOneBased the sample numbers (counted from 1) of the explicit order; empty unless
 *                              {@code orderMode} is EXPLICIT
 * @param epochCap              the largest number of epochs to run; at least 1
 */
public record PerceptronConfig(double learningRate, LabelConvention labels, Vec initialWeights,
                               double initialBias, OrderMode orderMode, long seed,
                               List<Integer> explicitOrderOneBased, int epochCap) {

    /** The epoch cap of {@link #defaults()}. */
    public static final int DEFAULT_EPOCH_CAP = 100;

    /** Validates every setting that can be judged without the training set. */
    public PerceptronConfig {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("the learning rate η must be a finite number greater than 0, but was "
                    + describe(learningRate));
        }
        if (labels == null) {
            throw new IllegalArgumentException("a label convention is needed: {0, 1} or {-1, +1}");
        }
        if (initialWeights != null && !initialWeights.isFinite()) {
            throw new IllegalArgumentException("the initial weights " + initialWeights
                    + " must all be finite numbers");
        }
        if (!Double.isFinite(initialBias)) {
            throw new IllegalArgumentException("the initial bias must be a finite number, but was "
                    + describe(initialBias));
        }
        if (orderMode == null) {
            throw new IllegalArgumentException("a sample order mode is needed: as listed, shuffled or explicit");
        }
        explicitOrderOneBased = checkOrder(orderMode, explicitOrderOneBased);
        if (epochCap < 1) {
            throw new IllegalArgumentException("the epoch cap must be at least 1, but was " + epochCap);
        }
    }

    /** η = 1, labels {0, 1}, zero weights, bias 0, listed order, seed 0, cap {@value #DEFAULT_EPOCH_CAP}. */
    public static PerceptronConfig defaults() {
        return new PerceptronConfig(1.0, LabelConvention.ZERO_ONE, null, 0.0, OrderMode.AS_LISTED, 0L,
                List.of(), DEFAULT_EPOCH_CAP);
    }

    /** The same settings with learning rate η. */
    public PerceptronConfig withLearningRate(double eta) {
        return new PerceptronConfig(eta, labels, initialWeights, initialBias, orderMode, seed,
                explicitOrderOneBased, epochCap);
    }

    /** The same settings with another label convention. */
    public PerceptronConfig withLabels(LabelConvention convention) {
        return new PerceptronConfig(learningRate, convention, initialWeights, initialBias, orderMode, seed,
                explicitOrderOneBased, epochCap);
    }

    /** The same settings starting from weights w and bias b. */
    public PerceptronConfig withInitialWeights(Vec w, double b) {
        if (w == null) {
            throw new IllegalArgumentException("initial weights are needed; use withZeroInitialWeights() for zeros");
        }
        return new PerceptronConfig(learningRate, labels, w, b, orderMode, seed, explicitOrderOneBased, epochCap);
    }

    /** The same settings starting from zero weights and bias 0. */
    public PerceptronConfig withZeroInitialWeights() {
        return new PerceptronConfig(learningRate, labels, null, 0.0, orderMode, seed, explicitOrderOneBased,
                epochCap);
    }

    /** The same settings visiting the samples in listed order. */
    public PerceptronConfig withListedOrder() {
        return new PerceptronConfig(learningRate, labels, initialWeights, initialBias, OrderMode.AS_LISTED, seed,
                List.of(), epochCap);
    }

    /** The same settings with a fresh seeded permutation in every epoch. */
    public PerceptronConfig withShuffledOrder(long shuffleSeed) {
        return new PerceptronConfig(learningRate, labels, initialWeights, initialBias, OrderMode.SHUFFLED,
                shuffleSeed, List.of(), epochCap);
    }

    /**
     * The same settings visiting the samples in the given order in every epoch. Samples are numbered from
     * 1 as on exercise sheets: "samples in order 3, 4, 1, 2" is {@code withOrderOneBased(3, 4, 1, 2)}. The
     * order must name every sample exactly once; that it names no sample beyond the last is checked when
     * the trainer is created.
     */
    public PerceptronConfig withOrderOneBased(int... sampleNumbers) {
        if (sampleNumbers == null) {
            throw new IllegalArgumentException("an explicit sample order is needed, e.g. 3, 4, 1, 2");
        }
        List<Integer> order = new ArrayList<>(sampleNumbers.length);
        for (int n : sampleNumbers) {
            order.add(n);
        }
        return new PerceptronConfig(learningRate, labels, initialWeights, initialBias, OrderMode.EXPLICIT, seed,
                order, epochCap);
    }

    /** The same settings with at most {@code cap} epochs. */
    public PerceptronConfig withEpochCap(int cap) {
        return new PerceptronConfig(learningRate, labels, initialWeights, initialBias, orderMode, seed,
                explicitOrderOneBased, cap);
    }

    private static List<Integer> checkOrder(OrderMode mode, List<Integer> order) {
        List<Integer> given = order == null ? List.of() : order;
        if (mode != OrderMode.EXPLICIT) {
            if (!given.isEmpty()) {
                throw new IllegalArgumentException("an explicit sample order was given, but the order mode is "
                        + mode + "; use withOrderOneBased(...) to train in an explicit order");
            }
            return List.of();
        }
        if (given.isEmpty()) {
            throw new IllegalArgumentException("the explicit sample order is empty; name every sample once, "
                    + "counting from 1, e.g. 3, 4, 1, 2");
        }
        Set<Integer> seen = new HashSet<>();
        for (Integer n : given) {
            if (n == null || n < 1) {
                throw new IllegalArgumentException("the sample order " + Words.list(given) + " contains " + n
                        + ", which is not a sample number; samples are numbered from 1");
            }
            if (!seen.add(n)) {
                throw new IllegalArgumentException("the sample order " + Words.list(given) + " names sample " + n
                        + " more than once; each sample must appear exactly once");
            }
        }
        return List.copyOf(given);
    }

    private static String describe(double value) {
        return Double.isNaN(value) ? "NaN (not a number)" : String.valueOf(value);
    }
}
