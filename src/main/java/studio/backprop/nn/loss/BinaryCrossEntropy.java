package studio.backprop.nn.loss;

import java.util.Objects;
import studio.backprop.autograd.Variable;
import studio.backprop.tensor.Tensor;

/**
 * Binary cross-entropy for targets y ∈ [0, 1] (usually 0 or 1), predictions and targets both (N) or (N × k):
 * L = −(1/(N·k)) Σ [y·ln p + (1 − y)·ln(1 − p)], a mean over every element, so a mean over the batch for a single
 * output and one binary decision per element for several (multi-label).
 *
 * <p>{@link InputForm#PROBABILITIES}: p is the prediction clipped to [{@link #EPSILON}, 1 − {@link #EPSILON}] so
 * neither log sees 0; the clip has gradient 0 outside that range. In float32 the upper bound is the float nearest
 * 1 − 1e-7, which is 1 − 2⁻²³ ≈ 1 − 1.19e-7, so a confident p = 1 for y = 0 costs ln(2²³) ≈ 15.94 nats rather
 * than −ln ε ≈ 16.12.
 *
 * <p>{@link InputForm#LOGITS}: p = σ(z) fused with the loss through the engine's stable sigmoid cross-entropy,
 * gradient (σ(z) − y)/(N·k).
 *
 * <p>{@link Reduction#SUM} drops the 1/(N·k); {@link Base#BITS} divides by ln 2.
 */
public final class BinaryCrossEntropy extends AbstractLoss {

    public static final String NAME = "binary_cross_entropy";
    public static final String LOGITS_NAME = "binary_cross_entropy_from_logits";

    /** The clip applied to probabilities, as in Keras: far below any probability a lesson shows, yet ln ε ≈ −16. */
    public static final float EPSILON = 1e-7f;

    private final InputForm form;
    private final Base base;

    public BinaryCrossEntropy(InputForm form, Reduction reduction, Base base) {
        super(reduction);
        this.form = Objects.requireNonNull(form, "form");
        this.base = Objects.requireNonNull(base, "base");
    }

    /** From probabilities, mean, nats. */
    public static BinaryCrossEntropy fromProbabilities() {
        return new BinaryCrossEntropy(InputForm.PROBABILITIES, Reduction.MEAN, Base.NATS);
    }

    /** From logits (fused with the sigmoid), mean, nats. */
    public static BinaryCrossEntropy fromLogits() {
        return new BinaryCrossEntropy(InputForm.LOGITS, Reduction.MEAN, Base.NATS);
    }

    public InputForm form() {
        return form;
    }

    @Override
    public BinaryCrossEntropy withReduction(Reduction reduction) {
        return new BinaryCrossEntropy(form, reduction, base);
    }

    public BinaryCrossEntropy inBase(Base newBase) {
        return new BinaryCrossEntropy(form, reduction(), newBase);
    }

    @Override
    void check(Tensor predictions, Tensor targets) {
        Checks.sameBatch(displayName(), predictions, targets);
        if (form == InputForm.PROBABILITIES) {
            Checks.probabilities(displayName(), "prediction", predictions, Checks.LOGITS_HINT);
        }
        Checks.probabilities(displayName(), "target", targets);
    }

    @Override
    Variable build(Variable predictions, Variable targets) {
        int n = predictions.value().size();
        if (form == InputForm.LOGITS) {
            Variable mean = predictions.sigmoidCrossEntropy(targets);
            return scaled(mean, reduction().fromMean(n) * base.perNat());
        }
        Variable p = clip(predictions, EPSILON, 1f - EPSILON);
        Variable ifOne = targets.mul(p.log());
        Variable ifZero = targets.affine(-1f, 1f).mul(p.affine(-1f, 1f).log());
        return scaled(ifOne.add(ifZero).sum(), -reduction().factor(n) * base.perNat());
    }

    @Override
    public OutputKind outputKind() {
        return form == InputForm.LOGITS ? OutputKind.LOGIT : OutputKind.PROBABILITY;
    }

    @Override
    public String name() {
        return form == InputForm.LOGITS ? LOGITS_NAME : NAME;
    }

    @Override
    public String displayName() {
        return form == InputForm.LOGITS ? "binary cross-entropy from logits" : "binary cross-entropy";
    }

    @Override
    public Base base() {
        return base;
    }

    @Override
    public String describe() {
        return displayName() + " (" + reduction().over("batch and outputs") + ", " + base.unit()
                + (form == InputForm.LOGITS ? ", fused with sigmoid" : ", probabilities clipped to [1e-7, 1 − 1e-7]")
                + ")";
    }
}
