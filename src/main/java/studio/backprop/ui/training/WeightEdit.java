package studio.backprop.ui.training;

/**
 * A value typed by the user for one element of a parameter.
 *
 * @param parameter the parameter's name, "h1/kernel" or "h1/bias"
 * @param index     the element's row-major index in the parameter's values
 * @param value     the new value (finite)
 */
public record WeightEdit(String parameter, int index, float value) {

    public WeightEdit {
        if (!Float.isFinite(value)) {
            throw new IllegalArgumentException("a weight must be a finite number, got " + value);
        }
    }
}
