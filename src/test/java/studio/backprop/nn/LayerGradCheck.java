package studio.backprop.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import studio.backprop.autograd.GradCheck;
import studio.backprop.autograd.Variable;
import studio.backprop.tensor.Tensor;

/**
 * Finite-difference check of a whole layer (or a small network) with respect to its input and to the very
 * parameter tensors the layer owns. {@code GradCheck} makes its own leaves from copies, which would miss the
 * layer's parameters, so this one hands {@link GradCheck#checkLeaves} the input and the layer's own trainable
 * parameter variables.
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
        List<Variable> leaves = new ArrayList<>();
        leaves.add(x);
        for (Parameter p : params) {
            if (p.trainable()) {
                leaves.add(p.variable());
            }
        }
        GradCheck.Report report = GradCheck.checkLeaves(out, leaves,
                new GradCheck.Options(options.step(), options.rtol(), options.atol(), 11));
        return report.failures().stream().map(e -> String.format(Locale.ROOT,
                "%s[%d]: backprop %.6g vs finite difference %.6g", e.inputName(), e.index(), e.analytic(),
                e.numeric())).toList();
    }

    public static List<String> failures(Function<Variable, Variable> forward, Tensor input, List<Parameter> params) {
        return failures(forward, input, params, Options.defaults());
    }
}
