package studio.backprop.ui.lessons;

import studio.backprop.autograd.Variable;
import studio.backprop.tensor.Tensor;

/**
 * The functions the descent lessons minimise, each written as an autograd expression so that its gradient comes
 * from the engine's backward pass and not from a hand-derived formula.
 *
 * <p>One-dimensional functions take x only (y is ignored); two-dimensional ones take x and y. The expression is
 * element-wise: given x and y of shape [n] it returns the n values f(xᵢ, yᵢ), which is how a whole contour grid is
 * evaluated in one pass. Each function also knows where to look (a square window), where to start, a learning
 * rate that works, and four learning rates that show "too small", "good", "too large" and "divergent".
 */
public enum Objective {
    /** f(x) = x²: one minimum at 0, f'' = 2, so plain descent is stable for η &lt; 1. */
    X_SQUARED("x²", "f(x) = x²", 1, -2, 2, -2, 2, -1.5, 0, new double[] {0.02, 0.1, 0.9, 1.05}),
    /** f(x) = x⁴ − 2x² + 0.5x: a global minimum near −1.06 and a local one near 0.93. */
    TWO_MINIMA("quartic, two minima", "f(x) = x⁴ − 2x² + 0.5x", 1, -2, 2, -2, 2, 1.6, 0,
            new double[] {0.005, 0.05, 0.25, 0.4}),
    /** f(x) = 1 − e^(−x²): far from 0 the slope all but vanishes, so descent crawls across the plateau. */
    PLATEAU("plateau", "f(x) = 1 − exp(−x²)", 1, -3, 3, -3, 3, 2.2, 0, new double[] {0.05, 0.5, 0.95, 1.3}),
    /** f = x² + y²: a round bowl, every direction alike. */
    BOWL("bowl", "f(x, y) = x² + y²", 2, -2, 2, -2, 2, -1.5, 1.2, new double[] {0.02, 0.1, 0.9, 1.05}),
    /** f = 0.1x² + 2y²: curvatures 0.2 and 4, so η small enough for y is slow along x. */
    VALLEY("elongated valley", "f(x, y) = 0.1x² + 2y²", 2, -2, 2, -2, 2, -1.8, 0.8,
            new double[] {0.02, 0.2, 0.45, 0.55}),
    /** Rosenbrock's banana: a narrow curved valley with its minimum at (1, 1). */
    ROSENBROCK("Rosenbrock", "f(x, y) = (1 − x)² + 100(y − x²)²", 2, -2, 2, -1, 3, -1.5, 2,
            new double[] {0.0002, 0.001, 0.0019, 0.0025}),
    /** A saddle at the origin between two minima at (0, ±√2). */
    SADDLE("saddle", "f(x, y) = x² − y² + y⁴/4", 2, -2.5, 2.5, -2.5, 2.5, -1.8, 0.02,
            new double[] {0.01, 0.1, 0.45, 0.6}),
    /** A wide bowl with a deep well near (1, 1) and a shallower one near (−1, −1) that can trap descent. */
    LOCAL_MINIMUM("local minimum", "f = 0.1(x² + y²) − 2e^−((x−1)²+(y−1)²) − 1.2e^−2((x+1)²+(y+1)²)", 2, -3, 3,
            -3, 3, -1.9, -0.4, new double[] {0.02, 0.2, 0.38, 12});

    private final String label;
    private final String formula;
    private final int dimensions;
    private final double xMin;
    private final double xMax;
    private final double yMin;
    private final double yMax;
    private final double startX;
    private final double startY;
    private final double[] etaPresets;

    Objective(String label, String formula, int dimensions, double xMin, double xMax, double yMin, double yMax,
              double startX, double startY, double[] etaPresets) {
        this.label = label;
        this.formula = formula;
        this.dimensions = dimensions;
        this.xMin = xMin;
        this.xMax = xMax;
        this.yMin = yMin;
        this.yMax = yMax;
        this.startX = startX;
        this.startY = startY;
        this.etaPresets = etaPresets;
    }

    /** The autograd expression f(x, y), element-wise over x and y of equal shape (y is unused in 1-D). */
    public Variable apply(Variable x, Variable y) {
        return switch (this) {
            case X_SQUARED -> x.square();
            case TWO_MINIMA -> x.pow(4).add(x.square().mul(-2f)).add(x.mul(0.5f));
            case PLATEAU -> x.square().neg().exp().affine(-1f, 1f);
            case BOWL -> x.square().add(y.square());
            case VALLEY -> x.square().mul(0.1f).add(y.square().mul(2f));
            case ROSENBROCK -> x.affine(-1f, 1f).square().add(y.sub(x.square()).square().mul(100f));
            case SADDLE -> x.square().sub(y.square()).add(y.pow(4).mul(0.25f));
            case LOCAL_MINIMUM -> {
                Variable bowl = x.square().add(y.square()).mul(0.1f);
                Variable deep = x.add(-1f).square().add(y.add(-1f).square()).neg().exp().mul(-2f);
                Variable shallow = x.add(1f).square().add(y.add(1f).square()).mul(-2f).exp().mul(-1.2f);
                yield bowl.add(deep).add(shallow);
            }
        };
    }

    /** f at each (xᵢ, yᵢ), computed by the engine in one element-wise pass ({@code ys} may be null in 1-D). */
    public float[] values(float[] xs, float[] ys) {
        Variable x = Variable.constant(Tensor.vector(xs), "x");
        Variable y = Variable.constant(Tensor.vector(ys == null ? new float[xs.length] : ys), "y");
        return apply(x, y).value().toArray();
    }

    /** f at one point. */
    public double value(double x, double y) {
        return values(new float[] {(float) x}, new float[] {(float) y})[0];
    }

    /** ∇f at one point by the engine's backward pass: {∂f/∂x} in 1-D, {∂f/∂x, ∂f/∂y} in 2-D. */
    public double[] gradient(double x, double y) {
        Variable vx = Variable.parameter(Tensor.vector((float) x), "x");
        Variable vy = Variable.parameter(Tensor.vector((float) y), "y");
        apply(vx, vy).sum().backward();
        double gx = vx.grad().get(0);
        if (dimensions == 1) {
            return new double[] {gx};
        }
        return new double[] {gx, vy.grad() == null ? 0 : vy.grad().get(0)};
    }

    /** A short name for lists: "Rosenbrock". */
    public String label() {
        return label;
    }

    /** The formula in words and symbols. */
    public String formula() {
        return formula;
    }

    /** 1 for a curve, 2 for a surface. */
    public int dimensions() {
        return dimensions;
    }

    public double xMin() {
        return xMin;
    }

    public double xMax() {
        return xMax;
    }

    /** The lower end of the y window (of the surface's y; a curve's value axis is fitted to the curve). */
    public double yMin() {
        return yMin;
    }

    public double yMax() {
        return yMax;
    }

    /** The default start: x (and y for a surface). */
    public double[] start() {
        return dimensions == 1 ? new double[] {startX} : new double[] {startX, startY};
    }

    /** Learning rates that show, in order, a rate too small, a good one, one too large, and one that diverges. */
    public double[] etaPresets() {
        return etaPresets.clone();
    }

    /** The good learning rate of {@link #etaPresets()}. */
    public double goodEta() {
        return etaPresets[1];
    }

    @Override
    public String toString() {
        return label;
    }
}
