package studio.backprop.tensor;

/**
 * An operation turned finite inputs into a NaN or an infinity (log of a negative number, overflow of exp, a
 * division by zero). The message names the op, the shapes and the first offending element.
 */
public class NonFiniteException extends ArithmeticException {

    private static final long serialVersionUID = 1L;
    private final String op;

    public NonFiniteException(String op, String message) {
        super(message);
        this.op = op;
    }

    /** Name of the operation that produced the first non-finite value. */
    public String op() {
        return op;
    }
}
