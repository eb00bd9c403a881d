package studio.backprop.tensor;

/** An operation was given tensors whose shapes it cannot combine; the message names the op, shapes and need. */
public class ShapeException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public ShapeException(String message) {
        super(message);
    }
}
