package studio.backprop.nn.loss;

import java.util.Objects;
import studio.backprop.autograd.Variable;
import studio.backprop.tensor.Tensor;

/**
 * What every loss shares: the reduction, input checking before the graph is built, and equality by settings.
 * Subclasses compose their formula from existing autograd ops, so backward comes for free.
 */
abstract class AbstractLoss implements Loss {

    private final Reduction reduction;

    AbstractLoss(Reduction reduction) {
        this.reduction = Objects.requireNonNull(reduction, "reduction");
    }

    @Override
    public final Variable compute(Variable predictions, Variable targets) {
        Objects.requireNonNull(predictions, "predictions");
        Objects.requireNonNull(targets, "targets");
        if (predictions.value().rank() > 2 && predictions.value().sameShape(targets.value())) {
            // A prediction per step (N, steps, outputs): every step of every sample is one row.
            int width = predictions.value().dim(-1);
            int rows = predictions.value().size() / Math.max(1, width);
            predictions = predictions.reshape(rows, width);
            targets = targets.reshape(rows, width);
        }
        check(predictions.value(), targets.value());
        return build(predictions, targets).named(name());
    }

    /** Throws with a readable message when the inputs do not fit this loss. */
    abstract void check(Tensor predictions, Tensor targets);

    /** The graph of the loss, for inputs that passed {@link #check}. */
    abstract Variable build(Variable predictions, Variable targets);

    @Override
    public final Reduction reduction() {
        return reduction;
    }

    @Override
    public boolean half() {
        return false;
    }

    @Override
    public Base base() {
        return Base.NATS;
    }

    /** {@code total} times a constant; skips the op when the constant is 1 so graphs stay short. */
    static Variable scaled(Variable total, double factor) {
        return factor == 1.0 ? total : total.mul((float) factor);
    }

    /**
     * min(max(x, low), high) as x + relu(low − x) − relu(x − high): exact inside [low, high] with gradient 1
     * there, gradient 0 outside, built from existing ops so a replayed tape clips the new values too.
     */
    static Variable clip(Variable x, float low, float high) {
        return clipBelow(x, low).sub(x.add(-high).relu());
    }

    /** max(x, low) as x + relu(low − x), for logs of probabilities that may never exceed 1 anyway. */
    static Variable clipBelow(Variable x, float low) {
        return x.add(x.affine(-1f, low).relu());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Loss other && getClass() == o.getClass() && settings().equals(other.settings());
    }

    @Override
    public int hashCode() {
        return settings().hashCode();
    }

    @Override
    public String toString() {
        return describe();
    }
}
