package studio.backprop.tensor;

/** A tensor was asked for that cannot be held: more than 2³¹−1 elements or more than the memory left. */
public class TensorTooLargeException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public TensorTooLargeException(String message) {
        super(message);
    }
}
