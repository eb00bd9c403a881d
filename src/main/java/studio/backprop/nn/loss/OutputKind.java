package studio.backprop.nn.loss;

/**
 * How a loss reads the network's outputs, so that accuracy, the decision boundary and the command line need not
 * guess it from the loss's name.
 */
public enum OutputKind {

    /** Probabilities in [0, 1] (after a sigmoid or softmax); a class is predicted when p &gt; ½. Targets 0/1. */
    PROBABILITY(0.5f, 0.5f, true),
    /** Logits, to be read through a sigmoid or softmax; a class is predicted when the logit is positive. */
    LOGIT(0f, 0.5f, true),
    /** Signed scores for targets −1/+1 (hinge): the sign is the class. */
    SCORE(0f, 0f, true),
    /** Values to be fitted (regression); no classes. */
    VALUE(0.5f, 0.5f, false);

    private final float outputThreshold;
    private final float targetThreshold;
    private final boolean classification;

    OutputKind(float outputThreshold, float targetThreshold, boolean classification) {
        this.outputThreshold = outputThreshold;
        this.targetThreshold = targetThreshold;
        this.classification = classification;
    }

    /** For a single output: the value above which the second class is predicted. */
    public float outputThreshold() {
        return outputThreshold;
    }

    /** For a single target: the value above which it names the second class. */
    public float targetThreshold() {
        return targetThreshold;
    }

    /** Whether targets are classes (accuracy applies). */
    public boolean classification() {
        return classification;
    }

    /** An output read as the probability of the second class (sigmoid of a logit, (s + 1)/2 of a score, clipped). */
    public double probability(double output) {
        double p = switch (this) {
            case LOGIT -> 1 / (1 + Math.exp(-output));
            case SCORE -> (output + 1) / 2;
            case PROBABILITY, VALUE -> output;
        };
        return Math.max(0, Math.min(1, p));
    }
}
