package studio.backprop.data;

/** What the targets of a dataset ask a network to do. */
public enum TaskKind {
    /** Two classes; targets one-hot (N, 2), or one column (N, 1) via {@link Dataset#binaryTargets()}. */
    BINARY_CLASSIFICATION,
    /** Three or more classes; targets one-hot (N, k). */
    MULTI_CLASS_CLASSIFICATION,
    /** Real-valued targets of shape (N, outputs). */
    REGRESSION;

    public boolean isClassification() {
        return this != REGRESSION;
    }
}
