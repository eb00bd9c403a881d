package studio.backprop.ui.lessons;

import java.util.ArrayList;
import java.util.List;
import studio.backprop.nn.optim.Sgd;

/**
 * The gradient descent explorer's state and computations, without any view: which function, where descent starts,
 * the learning rate η, the tolerance ε and the iteration limit; the run θₖ₊₁ = θₖ − η·∇f(θₖ) with the engine's plain
 * SGD and autograd gradients; and the same start under the function's four preset rates for the side-by-side view.
 */
public final class DescentModel {

    /** What the four side-by-side panels show, in order. */
    public static final List<String> PRESET_NAMES = List.of("η too small", "η good", "η too large", "η divergent");

    private Objective objective = Objective.X_SQUARED;
    private double[] start = objective.start();
    private double eta = objective.goodEta();
    private double epsilon = 1e-4;
    private int maxIterations = 1000;

    public Objective objective() {
        return objective;
    }

    /** Switches the function and resets the start and η to the function's own defaults. */
    public void setObjective(Objective newObjective) {
        objective = newObjective;
        start = newObjective.start();
        eta = newObjective.goodEta();
    }

    public double[] start() {
        return start.clone();
    }

    /** Moves the start; a 1-D function takes x only, a surface x and y. */
    public void setStart(double x, double y) {
        start = objective.dimensions() == 1 ? new double[] {x} : new double[] {x, y};
    }

    public double eta() {
        return eta;
    }

    /** η ≥ 0; refused in words otherwise. */
    public void setEta(double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("the learning rate η must be a finite number ≥ 0, e.g. 0.1; got "
                    + value);
        }
        eta = value;
    }

    public double epsilon() {
        return epsilon;
    }

    /** ε of the stopping rule ‖θₖ₊₁ − θₖ‖ &lt; ε; a finite number ≥ 0. */
    public void setEpsilon(double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("the tolerance ε must be a finite number ≥ 0, e.g. 0.0001; got "
                    + value);
        }
        epsilon = value;
    }

    public int maxIterations() {
        return maxIterations;
    }

    /** The iteration limit, 1 to 100,000. */
    public void setMaxIterations(int value) {
        if (value < 1 || value > 100_000) {
            throw new IllegalArgumentException("the iteration limit must be a whole number from 1 to 100000; got "
                    + value);
        }
        maxIterations = value;
    }

    /** Descent from the start with η: the engine's SGD step θ ← θ − η·∇f on autograd's gradient. */
    public DescentPath path() {
        return runWith(eta);
    }

    /** The same start under each of the function's four preset rates (too small, good, too large, divergent). */
    public List<DescentPath> comparison() {
        List<DescentPath> paths = new ArrayList<>();
        for (double preset : objective.etaPresets()) {
            paths.add(runWith(preset));
        }
        return paths;
    }

    private DescentPath runWith(double rate) {
        return Descent.run(objective, new Sgd(rate), start, epsilon, maxIterations);
    }
}
