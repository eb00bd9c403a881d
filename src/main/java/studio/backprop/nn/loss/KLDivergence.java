package studio.backprop.nn.loss;

import java.util.Objects;
import studio.backprop.autograd.Variable;
import studio.backprop.tensor.Tensor;

/**
 * Kullback–Leibler divergence KL(P‖Q) = Σ_j p_j · log(p_j / q_j) of the predicted distribution Q from the target
 * distribution P, each (N × classes), one distribution per row; summed over classes and averaged over the batch.
 *
 * <p>0·log 0 = 0: p is clipped below at {@link #EPSILON} inside its log only, so a zero p contributes exactly 0.
 * q is clipped below at {@link #EPSILON} as well, so a zero q under a positive p costs a large finite amount
 * (about 16 nats) instead of infinity. ∂L/∂q = −p/(q·N). KL = H(P, Q) − H(P) ≥ 0.
 *
 * <p>{@link Reduction#SUM} drops the 1/N; {@link Base#BITS} gives log₂.
 */
public final class KLDivergence extends AbstractLoss {

    public static final String NAME = "kl_divergence";

    /** The clip applied to probabilities inside the logs. */
    public static final float EPSILON = 1e-7f;

    private final Base base;

    /** Mean over the batch, nats. */
    public KLDivergence() {
        this(Reduction.MEAN, Base.NATS);
    }

    public KLDivergence(Reduction reduction, Base base) {
        super(reduction);
        this.base = Objects.requireNonNull(base, "base");
    }

    @Override
    public KLDivergence withReduction(Reduction reduction) {
        return new KLDivergence(reduction, base);
    }

    public KLDivergence inBase(Base newBase) {
        return new KLDivergence(reduction(), newBase);
    }

    @Override
    void check(Tensor predictions, Tensor targets) {
        Checks.sameRowsOfClasses(displayName(), predictions, targets);
        Checks.probabilities(displayName(), "prediction", predictions);
        Checks.probabilities(displayName(), "target", targets);
    }

    @Override
    Variable build(Variable predictions, Variable targets) {
        Variable logRatio = clipBelow(targets, EPSILON).log().sub(clipBelow(predictions, EPSILON).log());
        Variable total = targets.mul(logRatio).sum();
        return scaled(total, reduction().factor(predictions.value().dim(0)) * base.perNat());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return "KL divergence";
    }

    @Override
    public Base base() {
        return base;
    }

    @Override
    public String describe() {
        return "KL divergence KL(targets ‖ predictions) (" + reduction().over("batch") + ", summed over classes, "
                + base.unit() + ")";
    }
}
