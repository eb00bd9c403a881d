package studio.backprop.train;

/** The document's data cannot be loaded or does not fit; the message says what and where, for a person. */
public class DataResolutionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public DataResolutionException(String message) {
        super(message);
    }

    public DataResolutionException(String message, Throwable cause) {
        super(message, cause);
    }
}
