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

    /** The layer that first produced a non-finite value ("loss" when it was the loss, "weights" for an update). */
    public String layer() {
        return layer;
    }
}
