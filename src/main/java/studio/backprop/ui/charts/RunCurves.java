package studio.backprop.ui.charts;

/** Which curves of the kept runs the loss and accuracy charts draw beside the current run. */
public enum RunCurves {
    /** Training values solid and validation values dashed, per epoch. */
    TRAIN_AND_VALIDATION("train and validation"),
    /** Only the training values per epoch. */
    TRAIN("train only"),
    /** Only the validation values per epoch. */
    VALIDATION("validation only"),
    /** The loss of every step (the accuracy chart then shows the training accuracy per epoch). */
    PER_STEP("loss per step");

    private final String label;

    RunCurves(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
