package studio.backprop.nn.loss;

import studio.backprop.autograd.Variable;
import studio.backprop.tensor.Tensor;

/**
 * Mean squared error: L = (1/(N·k)) Σ (ŷ − y)² over all N rows and k outputs, for predictions and targets of
 * shape (N) or (N × k). Switches: {@link Reduction#SUM} drops the 1/(N·k); the ½ factor gives ½·Σ(ŷ − y)², whose
 * gradient (ŷ − y) has no 2 in front. Gradient of the default: ∂L/∂ŷ = 2(ŷ − y)/(N·k).
 */
public final class MeanSquaredError extends AbstractLoss {

    public static final String NAME = "mse";

    private final boolean half;

    /** Mean over batch and outputs, no ½. */
    public MeanSquaredError() {
        this(Reduction.MEAN, false);
    }

    public MeanSquaredError(Reduction reduction, boolean half) {
        super(reduction);
        this.half = half;
    }

    public MeanSquaredError withHalf(boolean withHalf) {
        return new MeanSquaredError(reduction(), withHalf);
    }

    @Override
    public MeanSquaredError withReduction(Reduction reduction) {
        return new MeanSquaredError(reduction, half);
    }

    @Override
    void check(Tensor predictions, Tensor targets) {
        Checks.sameBatch(displayName(), predictions, targets);
    }

    @Override
    Variable build(Variable predictions, Variable targets) {
        Variable total = predictions.sub(targets).square().sum();
        return scaled(total, reduction().factor(predictions.value().size()) * (half ? 0.5 : 1.0));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return "MSE";
    }

    @Override
    public boolean half() {
        return half;
    }

    @Override
    public String describe() {
        return "MSE (" + reduction().over("batch and outputs") + ", " + (half ? "with ½" : "no ½") + ")";
    }
}
