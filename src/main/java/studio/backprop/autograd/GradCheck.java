package studio.backprop.autograd;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;

/**
 * Gradient checking: compares backprop's ∂L/∂θ with central finite differences (L(θ+h) − L(θ−h)) / 2h, one
 * parameter element at a time, and reports every comparison (the lesson's table) with a pass or fail.
 *
 * <p>A non-scalar output y is reduced to L = Σ rᵢ·yᵢ with fixed random weights r, summed in double, so every
 * output element takes part. The perturbed evaluations replay the recorded tape in place, so the check also
 * proves that replaying gives the same numbers as the first run.
 */
public final class GradCheck {

    /**
     * How to check: step h, tolerance |analytic − numeric| ≤ atol + rtol·max(|analytic|, |numeric|), the seed of
     * the projection weights.
     */
    public record Options(double step, double rtol, double atol, long seed) {

        /** Defaults suited to float32 kernels: h = 1e-2, 2% relative plus 1e-3 absolute. */
        public static Options defaults() {
            return new Options(1e-2, 2e-2, 1e-3, 7L);
        }

        public Options withStep(double h) {
            return new Options(h, rtol, atol, seed);
        }

        public Options withTolerance(double relative, double absolute) {
            return new Options(step, relative, absolute, seed);
        }
    }

    /** One compared element: which input, which flat index, both derivatives and the verdict. */
    public record Entry(int input, String inputName, int index, double analytic, double numeric, boolean passed) {

        public double absoluteError() {
            return Math.abs(analytic - numeric);
        }
    }

    /** All comparisons of one check. */
    public record Report(List<Entry> entries) {

        public boolean passed() {
            return entries.stream().allMatch(Entry::passed);
        }

        public List<Entry> failures() {
            return entries.stream().filter(e -> !e.passed()).toList();
        }

        public double maxAbsoluteError() {
            return entries.stream().mapToDouble(Entry::absoluteError).max().orElse(0);
        }

        /** The first failures in words, for a test failure message or the app's table. */
        public String describeFailures() {
            StringBuilder sb = new StringBuilder();
            for (Entry e : failures().stream().limit(8).toList()) {
                sb.append(String.format(java.util.Locale.ROOT, "%s[%d]: backprop %.6g vs finite difference %.6g%n",
                        e.inputName(), e.index(), e.analytic(), e.numeric()));
            }
            return sb.toString();
        }
    }

    private GradCheck() {
    }

    /**
     * Checks the gradient of {@code f} with respect to every element of every input.
     *
     * @param f      builds the output from parameter variables made of copies of {@code inputs}
     * @param inputs the point at which to check (not modified)
     */
    public static Report check(Function<List<Variable>, Variable> f, List<Tensor> inputs, Options options) {
        List<Variable> params = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            params.add(Variable.parameter(inputs.get(i).copy(), "x" + i));
        }
        return checkLeaves(f.apply(Collections.unmodifiableList(params)), params, options);
    }

    /**
     * Checks the gradient of an already computed output with respect to the given leaves of its graph (a layer's
     * own parameters, a network's weights). Each leaf's buffer is perturbed in place and restored; the tape is
     * replayed for every perturbation and once more at the end, so the graph is left as it was.
     */
    public static Report checkLeaves(Variable out, List<Variable> leaves, Options options) {
        Tape tape = Tape.record(out);
        Tensor projection = Tensor.uniform(new Rng(options.seed()), -1f, 1f, out.shape());
        tape.backward(projection);
        float[] r = projection.buffer();
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < leaves.size(); i++) {
            Variable p = leaves.get(i);
            float[] theta = p.value().buffer();
            float[] analytic = p.grad() == null ? new float[theta.length] : p.grad().toArray();
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
                entries.add(new Entry(i, p.name(), j, a, numeric, Math.abs(a - numeric) <= tol));
            }
        }
        tape.forward();
        return new Report(List.copyOf(entries));
    }

    /** Checks with the default options. */
    public static Report check(Function<List<Variable>, Variable> f, Tensor... inputs) {
        return check(f, List.of(inputs), Options.defaults());
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
