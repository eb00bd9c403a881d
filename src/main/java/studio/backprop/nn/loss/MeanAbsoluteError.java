package studio.backprop.nn.loss;

import studio.backprop.autograd.Variable;
import studio.backprop.tensor.Tensor;

/**
 * Mean absolute error: L = (1/(N·k)) Σ |ŷ − y| over all N rows and k outputs, for predictions and targets of
 * shape (N) or (N × k); {@link Reduction#SUM} drops the 1/(N·k). Gradient sign(ŷ − y)/(N·k), taken as 0 where
 * ŷ = y exactly.
 */
public final class MeanAbsoluteError extends AbstractLoss {

    public static final String NAME = "mae";

    /** Mean over batch and outputs. */
    public MeanAbsoluteError() {
        this(Reduction.MEAN);
    }

    public MeanAbsoluteError(Reduction reduction) {
        super(reduction);
    }

    @Override
    public MeanAbsoluteError withReduction(Reduction reduction) {
        return new MeanAbsoluteError(reduction);
    }

    @Override
    void check(Tensor predictions, Tensor targets) {
        Checks.sameBatch(displayName(), predictions, targets);
    }

    @Override
    Variable build(Variable predictions, Variable targets) {
        Variable total = predictions.sub(targets).abs().sum();
        return scaled(total, reduction().factor(predictions.value().size()));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return "MAE";
    }

    @Override
    public String describe() {
        return "MAE (" + reduction().over("batch and outputs") + ")";
    }
}
