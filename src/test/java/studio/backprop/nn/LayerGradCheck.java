package studio.backprop.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import studio.backprop.autograd.Tape;
import studio.backprop.autograd.Variable;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;

/**
 * Finite-difference check of a whole layer (or a small network) with respect to its input and to the very
 * parameter tensors the layer owns. {@code GradCheck} makes its own leaves from copies, which would miss the
 * layer's parameters, so this one records the layer's graph once, runs backward with a random projection r, and
 * then perturbs the input buffer and each trainable parameter's buffer in place, replaying the tape to read
 * L = Σ r·y in double.
 */
public final class LayerGradCheck {

    /** Step and tolerance suited to float32: |analytic − numeric| ≤ atol + rtol·max(|analytic|, |numeric|). */
    public record Options(double step, double rtol, double atol) {

        public static Options defaults() {
            return new Options(1e-2, 2e-2, 1e-3);
        }
    }

    private LayerGradCheck() {
    }

    /**
     * Checks ∂L/∂input and ∂L/∂θ for every trainable parameter.
     *
     * @param forward builds the output from the input variable (through the layer's own parameters)
     * @param input   the batch at which to check; perturbed and restored
     * @param params  the parameters the forward pass uses (non-trainable ones are skipped)
     * @return the failures in words; empty when every element agrees
     */
    public static List<String> failures(Function<Variable, Variable> forward, Tensor input, List<Parameter> params,
                                        Options options) {
        Variable x = Variable.parameter(input.copy(), "input");
        Variable out = forward.apply(x);
        Tape tape = Tape.record(out);
        Tensor projection = Tensor.uniform(new Rng(11), -1f, 1f, out.shape());
        tape.backward(projection);
        float[] r = projection.buffer();

        List<Variable> leaves = new ArrayList<>();
        leaves.add(x);
        for (Parameter p : params) {
            if (p.trainable()) {
                leaves.add(p.variable());
            }
        }
        List<String> failures = new ArrayList<>();
        for (Variable leaf : leaves) {
            float[] theta = leaf.value().buffer();
            float[] analytic = leaf.grad() == null ? new float[theta.length] : leaf.grad().toArray();
            for (int j = 0; j < theta.length; j++) {
                float original = theta[j];
                theta[j] = (float) (original + options.step());
                double up = projected(tape, out, r);
                theta[j] = (float) (original - options.step());
                double down = projected(tape, out, r);
                theta[j] = original;
                double numeric = (up - down) / (2 * options.step());
                double a = analytic[j];
                double tol = options.atol() + options.rtol() * Math.max(Math.abs(a), Math.abs(numeric));
                if (Math.abs(a - numeric) > tol) {
                    failures.add(String.format(Locale.ROOT, "%s[%d]: backprop %.6g vs finite difference %.6g",
                            leaf.name(), j, a, numeric));
                }
            }
        }
        tape.forward();
        return failures;
    }

    public static List<String> failures(Function<Variable, Variable> forward, Tensor input, List<Parameter> params) {
        return failures(forward, input, params, Options.defaults());
    }

    private static double projected(Tape tape, Variable out, float[] r) {
        tape.forward();
        float[] y = out.value().buffer();
        double sum = 0;
        for (int k = 0; k < y.length; k++) {
            sum += (double) r[k] * y[k];
        }
        return sum;
    }
}
