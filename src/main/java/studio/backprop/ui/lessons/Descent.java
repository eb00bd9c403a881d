package studio.backprop.ui.lessons;

import java.util.ArrayList;
import java.util.List;
import studio.backprop.autograd.Variable;
import studio.backprop.nn.optim.Optimizer;
import studio.backprop.tensor.Tensor;

/**
 * Runs one of the engine's optimisers on an {@link Objective}: θ is one autograd parameter per coordinate, each
 * iteration evaluates f(θ) as an expression, runs backward for ∇f, and hands the parameters to the optimiser's
 * {@code step}, exactly as training does with a network's weights.
 *
 * <p>Stopping rule: after update k the run ends when ‖θₖ₊₁ − θₖ‖ &lt; ε (converged), when θ leaves the box
 * |θᵢ| ≤ 10⁶ or f stops being a finite number (diverged), or after {@code maxIterations} updates.
 */
public final class Descent {

    /** Beyond this size a coordinate is taken to have diverged (its powers would soon overflow a float). */
    static final double DIVERGENCE_BOUND = 1e6;

    private Descent() {
    }

    /**
     * Minimises {@code objective} from {@code start} with {@code optimizer} (a fresh one: its state is used).
     *
     * @param start         {x} or {x, y}, as many coordinates as the objective has dimensions
     * @param epsilon       ε of the stopping rule; ≥ 0 (0 runs to the iteration limit unless θ stops exactly)
     * @param maxIterations the most updates to make; ≥ 0
     */
    public static DescentPath run(Objective objective, Optimizer optimizer, double[] start, double epsilon,
                                  int maxIterations) {
        if (start.length != objective.dimensions()) {
            throw new IllegalArgumentException(objective.label() + " takes " + objective.dimensions()
                    + " coordinates, but the start has " + start.length);
        }
        Variable x = Variable.parameter(Tensor.vector((float) start[0]), "x");
        Variable y = Variable.parameter(Tensor.vector(start.length > 1 ? (float) start[1] : 0f), "y");
        List<Variable> parameters = objective.dimensions() == 1 ? List.of(x) : List.of(x, y);
        List<double[]> points = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        double[] theta = read(parameters);
        points.add(theta);
        for (int k = 0; k < maxIterations; k++) {
            Double value = evaluateWithGradient(objective, x, y);
            values.add(value == null ? Double.NaN : value);
            if (value == null) {
                return new DescentPath(points, values, DescentPath.Stop.DIVERGED, k);
            }
            optimizer.step(parameters);
            double[] next = read(parameters);
            points.add(next);
            if (!inBounds(next)) {
                values.add(Double.NaN);
                return new DescentPath(points, values, DescentPath.Stop.DIVERGED, k + 1);
            }
            if (distance(theta, next) < epsilon) {
                values.add(objective.value(next[0], next.length > 1 ? next[1] : 0));
                return new DescentPath(points, values, DescentPath.Stop.CONVERGED, k + 1);
            }
            theta = next;
        }
        values.add(objective.value(theta[0], theta.length > 1 ? theta[1] : 0));
        return new DescentPath(points, values, DescentPath.Stop.MAX_ITERATIONS, maxIterations);
    }

    /** f(θ), leaving ∇f in the parameters' gradients; null when f or its gradient overflows. */
    private static Double evaluateWithGradient(Objective objective, Variable x, Variable y) {
        try {
            Variable f = objective.apply(x, y).sum();
            f.backward();
            double value = f.value().item();
            return Double.isFinite(value) ? value : null;
        } catch (ArithmeticException overflow) {
            return null;
        }
    }

    private static double[] read(List<Variable> parameters) {
        double[] theta = new double[parameters.size()];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = parameters.get(i).value().get(0);
        }
        return theta;
    }

    private static boolean inBounds(double[] theta) {
        for (double c : theta) {
            if (!(Math.abs(c) <= DIVERGENCE_BOUND)) {
                return false;
            }
        }
        return true;
    }

    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sum);
    }
}
