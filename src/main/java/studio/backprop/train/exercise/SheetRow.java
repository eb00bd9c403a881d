package studio.backprop.train.exercise;

/**
 * One number of an exercise's trace table: a given, a value of the forward pass, a gradient on the way back or a
 * new weight, taken from the engine's step record.
 *
 * @param step      the training step, counted from 1
 * @param samples   the sample numbers (1-based) the step used, as text: "3" or "1–4"
 * @param part      given, forward, loss, backward, gradient or update
 * @param reference how the exercise file names it: {@code hidden/z[0]}, {@code dL/doutput/z[1]},
 *                  {@code hidden/kernel'[1,0]} (after the update), {@code z} (perceptron)
 * @param formula   the op's math in one line, or empty
 * @param value     the engine's value, as the float holds it
 * @param hidden    whether it is a question (blank on the sheet)
 */
public record SheetRow(int step, String samples, String part, String reference, String formula, float value,
                       boolean hidden) {

    /** The reference as a student reads it: ∂L/∂ instead of dL/d. */
    public String label() {
        return reference.startsWith("dL/d") ? "∂L/∂" + reference.substring(4) : reference;
    }

    /** The reference without its index: {@code hidden/z} for {@code hidden/z[0]}. */
    public String base() {
        int bracket = reference.indexOf('[');
        return bracket < 0 ? reference : reference.substring(0, bracket);
    }

    SheetRow asQuestion() {
        return new SheetRow(step, samples, part, reference, formula, value, true);
    }
}
