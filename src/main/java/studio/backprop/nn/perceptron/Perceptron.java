package studio.backprop.nn.perceptron;

import java.util.ArrayList;
import java.util.List;

/**
 * A perceptron with fixed weights: z = w·x + b, ŷ = threshold(z), where the threshold is step (ŷ = 1 iff
 * z &gt; 0) for labels {0, 1} and sign (ŷ = +1 iff z ≥ 0) for labels {−1, +1}.
 *
 * <p>The bias b is its own parameter, not a weight on a constant input. The dot product is summed left to
 * right and b is added last, so that a hand calculation in that order gives the same double.
 *
 * @param weights the weight vector w
 * @param bias    the bias b
 * @param labels  which threshold function to use
 */
public record Perceptron(Vec weights, double bias, LabelConvention labels) {

    /** Checks that every parameter is present and finite. */
    public Perceptron {
        if (weights == null || weights.size() == 0) {
            throw new IllegalArgumentException("a perceptron needs at least one weight");
        }
        if (!weights.isFinite() || !Double.isFinite(bias)) {
            throw new IllegalArgumentException("the weights " + weights + " and bias " + bias
                    + " must all be finite numbers");
        }
        if (labels == null) {
            throw new IllegalArgumentException("a label convention is needed: {0, 1} or {-1, +1}");
        }
        bias = bias + 0.0;
    }

    /** A {0, 1} perceptron with weights w and bias b. */
    public static Perceptron zeroOne(Vec w, double b) {
        return new Perceptron(w, b, LabelConvention.ZERO_ONE);
    }

    /** The net input z = w·x + b. */
    public double netInput(Vec x) {
        requireInputs(x);
        // + 0.0 keeps a -0.0 out of the trace; the threshold treats both zeros alike anyway.
        return weights.dot(x) + bias + 0.0;
    }

    /** The output ŷ = threshold(w·x + b). */
    public int output(Vec x) {
        return labels.output(netInput(x));
    }

    /** The output ŷ for the inputs written out, e.g. {@code output(1, 0)}. */
    public int output(double... x) {
        return output(Vec.of(x));
    }

    /** The net input and output for each input vector, in the given order. */
    public List<Evaluation> evaluate(List<Vec> inputs) {
        List<Evaluation> rows = new ArrayList<>(inputs.size());
        for (Vec x : inputs) {
            double z = netInput(x);
            rows.add(new Evaluation(x, z, labels.output(z)));
        }
        return List.copyOf(rows);
    }

    /** True when the output equals the label for every sample of {@code data}. */
    public boolean classifiesAll(TrainingSet data) {
        for (int i = 0; i < data.size(); i++) {
            if (output(data.input(i)) != data.label(i)) {
                return false;
            }
        }
        return true;
    }

    private void requireInputs(Vec x) {
        if (x == null || x.size() != weights.size()) {
            int given = x == null ? 0 : x.size();
            throw new IllegalArgumentException("this perceptron has " + Words.count(weights.size(), "weight")
                    + ", but the input has " + Words.count(given, "entry", "entries"));
        }
    }

    /**
     * One evaluated input: its net input and output.
     *
     * @param x      the inputs
     * @param z      the net input w·x + b
     * @param output ŷ = threshold(z)
     */
    public record Evaluation(Vec x, double z, int output) {
    }
}
