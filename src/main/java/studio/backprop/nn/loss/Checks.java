package studio.backprop.nn.loss;

import studio.backprop.tensor.ShapeException;
import studio.backprop.tensor.Shapes;
import studio.backprop.tensor.Tensor;

/**
 * Input checks shared by the losses, each failing with a message that starts with the loss's name and says what
 * was wrong and where. Row and column numbers in messages count from 1, as a student reads a table.
 */
final class Checks {

    /** The hint for cross-entropies given something that looks like raw scores. */
    static final String LOGITS_HINT = " (for raw scores use the \"from logits\" version)";

    private Checks() {
    }

    /** Predictions and targets of the same shape, at least one axis, and at least one row. */
    static void sameBatch(String loss, Tensor predictions, Tensor targets) {
        if (predictions.rank() == 0) {
            throw new ShapeException(loss + ": predictions are a single number (shape []); a batch has shape (N) "
                    + "or (N × outputs), one row per example");
        }
        if (!predictions.sameShape(targets)) {
            throw new ShapeException(loss + ": predictions have shape " + Shapes.str(predictions.shape())
                    + " but targets have shape " + Shapes.str(targets.shape()) + "; they must be the same"
                    + (predictions.size() == targets.size() ? " (reshape the targets to match)" : ""));
        }
        if (predictions.dim(0) == 0 || predictions.size() == 0) {
            throw new IllegalArgumentException(loss + ": the batch is empty (predictions have shape "
                    + Shapes.str(predictions.shape()) + "); a loss needs at least one example");
        }
    }

    /** As {@link #sameBatch}, and the shape must be (N × classes), one distribution per row. */
    static void sameRowsOfClasses(String loss, Tensor predictions, Tensor targets) {
        if (predictions.rank() != 2) {
            throw new ShapeException(loss + ": predictions have shape " + Shapes.str(predictions.shape())
                    + " but need (N × classes), one distribution per row");
        }
        sameBatch(loss, predictions, targets);
    }

    /** Every element in [0, 1]; NaN fails too. {@code what} is "prediction" or "target". */
    static void probabilities(String loss, String what, Tensor values) {
        probabilities(loss, what, values, "");
    }

    /** As {@link #probabilities(String, String, Tensor)} with a hint appended to the message. */
    static void probabilities(String loss, String what, Tensor values, String hint) {
        float[] v = values.toArray();
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] >= 0f && v[i] <= 1f)) {
                throw new IllegalArgumentException(loss + ": " + what + " " + v[i] + " at " + where(values, i)
                        + " is not a probability; " + what + "s must lie in [0, 1]" + hint);
            }
        }
    }

    /**
     * Every element −1 or +1, or every element 0 or 1 (read as −1/+1), as hinge losses need; a batch mixing 0 and
     * −1 is refused, since it is not clear which convention it follows.
     */
    static void signLabels(String loss, Tensor labels) {
        float[] v = labels.toArray();
        int firstZero = -1;
        int firstMinus = -1;
        for (int i = 0; i < v.length; i++) {
            if (v[i] != 1f && v[i] != -1f && v[i] != 0f) {
                throw new IllegalArgumentException(loss + ": target " + v[i] + " at " + where(labels, i)
                        + " is not a valid label; hinge losses need labels −1/+1 (or 0/1, read as −1/+1)");
            }
            firstZero = v[i] == 0f && firstZero < 0 ? i : firstZero;
            firstMinus = v[i] == -1f && firstMinus < 0 ? i : firstMinus;
        }
        if (firstZero >= 0 && firstMinus >= 0) {
            throw new IllegalArgumentException(loss + ": the targets mix 0 (at " + where(labels, firstZero)
                    + ") and −1 (at " + where(labels, firstMinus) + "); use labels −1/+1 or labels 0/1, not both");
        }
    }

    /** "row 3" or "row 3, column 2" for the flat index {@code i}, counting from 1. */
    static String where(Tensor t, int i) {
        int perRow = t.size() / t.dim(0);
        String row = "row " + (i / perRow + 1);
        return perRow == 1 ? row : row + ", column " + (i % perRow + 1);
    }
}
