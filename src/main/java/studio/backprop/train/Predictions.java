package studio.backprop.train;

import java.util.List;

/**
 * The network's class probabilities for every example of a split (inference mode), with the true classes: what an
 * evaluation view needs for a confusion matrix, per-class metrics, ROC and precision-recall curves and top-k.
 *
 * @param split         "validation", or "training" when the session has no validation split
 * @param probabilities N × classes, row-major (softmax of logits, or the outputs when they are probabilities)
 * @param classes       the number of classes
 * @param actual        the N true classes
 * @param classNames    the classes' names
 * @param step          the step after which the predictions were made
 */
public record Predictions(String split, float[] probabilities, int classes, int[] actual, List<String> classNames,
                          long step) {

    public Predictions {
        classNames = List.copyOf(classNames);
    }

    /** The number of examples. */
    public int size() {
        return actual.length;
    }

    /** The predicted class of example i (the largest probability). */
    public int predicted(int i) {
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (probabilities[i * classes + c] > probabilities[i * classes + best]) {
                best = c;
            }
        }
        return best;
    }

    /** The predicted class of every example. */
    public int[] predicted() {
        int[] out = new int[actual.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = predicted(i);
        }
        return out;
    }
}
