package studio.backprop.nn.loss;

import java.util.Objects;
import studio.backprop.autograd.Variable;
import studio.backprop.tensor.Shapes;
import studio.backprop.tensor.Tensor;

/**
 * Categorical cross-entropy H(Y, P) for predictions and target distributions of shape (N × classes), usually one-hot
 * targets: L = −(1/N) Σ_n Σ_j y_nj · ln p_nj, summed over classes and averaged over the batch.
 *
 * <p>{@link InputForm#PROBABILITIES}: p is the prediction clipped below at {@link #EPSILON} (above it is at most 1,
 * whose log is 0); rows are not renormalised. {@link InputForm#LOGITS}: p = softmax(z) fused with the loss through
 * the engine's softmax cross-entropy, gradient (a − y)/N.
 *
 * <p>Sparse integer labels are a convenience: {@link #computeSparse} turns them into one-hot rows first.
 * {@link Reduction#SUM} drops the 1/N; {@link Base#BITS} divides by ln 2.
 */
public final class CategoricalCrossEntropy extends AbstractLoss {

    public static final String NAME = "categorical_cross_entropy";
    public static final String LOGITS_NAME = "categorical_cross_entropy_from_logits";

    /** The clip applied to probabilities, as in Keras. */
    public static final float EPSILON = 1e-7f;

    private final InputForm form;
    private final Base base;

    public CategoricalCrossEntropy(InputForm form, Reduction reduction, Base base) {
        super(reduction);
        this.form = Objects.requireNonNull(form, "form");
        this.base = Objects.requireNonNull(base, "base");
    }

    /** From probabilities, mean over the batch, nats. */
    public static CategoricalCrossEntropy fromProbabilities() {
        return new CategoricalCrossEntropy(InputForm.PROBABILITIES, Reduction.MEAN, Base.NATS);
    }

    /** From logits (fused with softmax), mean over the batch, nats. */
    public static CategoricalCrossEntropy fromLogits() {
        return new CategoricalCrossEntropy(InputForm.LOGITS, Reduction.MEAN, Base.NATS);
    }

    public InputForm form() {
        return form;
    }

    @Override
    public CategoricalCrossEntropy withReduction(Reduction reduction) {
        return new CategoricalCrossEntropy(form, reduction, base);
    }

    public CategoricalCrossEntropy inBase(Base newBase) {
        return new CategoricalCrossEntropy(form, reduction(), newBase);
    }

    /** The loss against integer class labels, one per row, numbered 0 to classes − 1. */
    public Variable computeSparse(Variable predictions, int[] labels) {
        int[] shape = predictions.shape();
        if (shape.length != 2) {
            throw new IllegalArgumentException(displayName() + ": predictions have shape " + Shapes.str(shape)
                    + " but need (N × classes), one row per example");
        }
        if (labels.length != shape[0]) {
            throw new IllegalArgumentException(displayName() + ": " + labels.length + " class labels for "
                    + shape[0] + " rows of predictions; need one label per row");
        }
        return compute(predictions, Variable.constant(ClassLabels.oneHot(labels, shape[1]), "labels"));
    }

    @Override
    void check(Tensor predictions, Tensor targets) {
        Checks.sameRowsOfClasses(displayName(), predictions, targets);
        if (form == InputForm.PROBABILITIES) {
            Checks.probabilities(displayName(), "prediction", predictions, Checks.LOGITS_HINT);
        }
        Checks.probabilities(displayName(), "target", targets);
    }

    @Override
    Variable build(Variable predictions, Variable targets) {
        int rows = predictions.value().dim(0);
        if (form == InputForm.LOGITS) {
            Variable mean = predictions.softmaxCrossEntropy(targets);
            return scaled(mean, reduction().fromMean(rows) * base.perNat());
        }
        Variable total = targets.mul(clipBelow(predictions, EPSILON).log()).sum();
        return scaled(total, -reduction().factor(rows) * base.perNat());
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
        return form == InputForm.LOGITS ? "categorical cross-entropy from logits" : "categorical cross-entropy";
    }

    @Override
    public Base base() {
        return base;
    }

    @Override
    public String describe() {
        return displayName() + " (" + reduction().over("batch") + ", summed over classes, " + base.unit()
                + (form == InputForm.LOGITS ? ", fused with softmax" : ", probabilities clipped below at 1e-7")
                + ")";
    }
}
