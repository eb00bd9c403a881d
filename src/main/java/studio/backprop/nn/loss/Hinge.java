package studio.backprop.nn.loss;

import studio.backprop.autograd.Variable;
import studio.backprop.kernels.UnaryFn;
import studio.backprop.tensor.Tensor;

/**
 * Hinge losses for labels y ∈ {−1, +1} and raw scores ŷ, both (N) or (N × k). Labels 0/1 are read as −1/+1
 * (y ← 2·step(y) − 1, as Keras converts binary labels), so a 0/1 data set needs no rewriting:
 * <ul>
 *   <li>hinge: L = (1/(N·k)) Σ max(0, 1 − y·ŷ);</li>
 *   <li>squared hinge: L = (1/(N·k)) Σ max(0, 1 − y·ŷ)², the square of each hinge term (not the plain hinge
 *       again, a known lecture slip).</li>
 * </ul>
 * {@link Reduction#SUM} drops the 1/(N·k). At the kink y·ŷ = 1 the gradient is taken as 0.
 */
public final class Hinge extends AbstractLoss {

    public static final String NAME = "hinge";
    public static final String SQUARED_NAME = "squared_hinge";

    private final boolean squared;

    private Hinge(boolean squared, Reduction reduction) {
        super(reduction);
        this.squared = squared;
    }

    /** max(0, 1 − y·ŷ), mean over batch and outputs. */
    public static Hinge plain() {
        return new Hinge(false, Reduction.MEAN);
    }

    /** max(0, 1 − y·ŷ)², mean over batch and outputs. */
    public static Hinge squared() {
        return new Hinge(true, Reduction.MEAN);
    }

    public boolean isSquared() {
        return squared;
    }

    @Override
    public Hinge withReduction(Reduction reduction) {
        return new Hinge(squared, reduction);
    }

    @Override
    void check(Tensor predictions, Tensor targets) {
        Checks.sameBatch(displayName(), predictions, targets);
        Checks.signLabels(displayName(), targets);
    }

    @Override
    Variable build(Variable predictions, Variable targets) {
        // 2·step(y) − 1 maps 0 and −1 to −1 and +1 to +1: one graph for both conventions, so a replayed tape
        // converts every later batch the same way.
        Variable signs = targets.map(UnaryFn.STEP).affine(2f, -1f);
        Variable hinge = signs.mul(predictions).affine(-1f, 1f).relu();
        Variable total = (squared ? hinge.square() : hinge).sum();
        return scaled(total, reduction().factor(predictions.value().size()));
    }

    @Override
    public OutputKind outputKind() {
        return OutputKind.SCORE;
    }

    @Override
    public String name() {
        return squared ? SQUARED_NAME : NAME;
    }

    @Override
    public String displayName() {
        return squared ? "squared hinge" : "hinge";
    }

    @Override
    public String describe() {
        return displayName() + " " + (squared ? "max(0, 1 − y·ŷ)²" : "max(0, 1 − y·ŷ)") + " ("
                + reduction().over("batch and outputs") + ", labels ±1; 0/1 labels read as −1/+1)";
    }
}
