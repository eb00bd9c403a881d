package studio.backprop.nn.perceptron;

/** How the samples are ordered within each epoch of perceptron training. */
public enum OrderMode {

    /** Every epoch visits the samples in the order they are listed in the training set. */
    AS_LISTED,

    /**
     * Every epoch visits the samples in a fresh pseudo-random permutation. The permutations depend only on
     * the seed, so the same seed replays the same run; see {@link PerceptronTrainer} for the algorithm.
     */
    SHUFFLED,

    /** Every epoch visits the samples in one order given by the user, e.g. "3, 4, 1, 2". */
    EXPLICIT
}
