package studio.backprop.train;

/**
 * Training produced a NaN or an infinity. The weights of the last good step were kept; the message says which
 * layer first went wrong and what to try.
 */
public class TrainingDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String layer;

    public TrainingDivergedException(String layer, String message, Throwable cause) {
        super(message, cause);
        this.layer = layer;
    }

    /**
     * A forward or backward value of step {@code steps + 1} was NaN or infinite.
     *
     * @param layer the layer that first produced it, or "loss"
     * @param steps the steps completed before the one that failed
     */
    static TrainingDivergedException nonFinite(String layer, long steps, Throwable cause) {
        return new TrainingDivergedException(layer, "Training stopped at step " + (steps + 1) + ": "
                + (layer.equals("loss") ? "the loss" : "layer '" + layer + "'") + " produced a non-finite value ("
                + cause.getMessage() + "). The weights of step " + steps + " are kept; lower the learning rate or "
                + "check the data, then go on, or press Reset to start again.", cause);
    }

    /**
     * The update of step {@code steps + 1}, with learning rate {@code eta}, made a weight infinite.
     *
     * @param steps the steps completed before the one that failed
     */
    static TrainingDivergedException weightOverflow(long steps, double eta) {
        return new TrainingDivergedException("weights", "Training stopped at step " + (steps + 1) + ": the "
                + "update made a weight infinite (the learning rate " + eta + " is too large for these "
                + "gradients). The weights of step " + steps + " are kept; lower the learning rate and go on, "
                + "or press Reset to start again.", null);
    }

    /** The layer that first produced a non-finite value ("loss" when it was the loss, "weights" for an update). */
    public String layer() {
        return layer;
    }
}
