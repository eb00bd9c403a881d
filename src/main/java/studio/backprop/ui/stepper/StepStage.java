package studio.backprop.ui.stepper;

/**
 * One stage of a step as the stepper walks it: a value computed on the way forward, the loss, a gradient on the way
 * back, or a parameter's update; with its formula and the numbers substituted.
 *
 * @param phase   where in the step it is
 * @param node    the step record's node (or parameter) it shows
 * @param layer   the layer it belongs to, for the drawing's highlight
 * @param formula the math in one line
 * @param numbers the formula with the record's numbers written in
 * @param values  the value the stage computes (for the drawing and the table)
 * @param exact   the same values as the floats hold them, for the tooltip
 */
public record StepStage(Phase phase, String node, String layer, String formula, String numbers, float[] values,
                        String exact) {

    /** The parts of one training step, in order. */
    public enum Phase {
        FORWARD("forward"), LOSS("loss"), BACKWARD("backward"), UPDATE("update");

        private final String label;

        Phase(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
