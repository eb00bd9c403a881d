package studio.backprop.nn.loss;

import studio.backprop.tensor.Tensor;

/** Sparse integer class labels (0 to classes − 1, one per row) turned into one-hot target rows. */
public final class ClassLabels {

    private ClassLabels() {
    }

    /**
     * The (N × classes) one-hot matrix for N labels: row r has a 1 in column labels[r] and 0 elsewhere.
     *
     * @throws IllegalArgumentException for no labels, fewer than one class, or a label out of range (the message
     *                                  names the label and its row, counting rows from 1)
     */
    public static Tensor oneHot(int[] labels, int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("one-hot: need at least one class, got " + classes);
        }
        if (labels.length == 0) {
            throw new IllegalArgumentException("one-hot: the batch is empty (no labels)");
        }
        Tensor out = Tensor.zeros(labels.length, classes);
        for (int r = 0; r < labels.length; r++) {
            int label = labels[r];
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException("one-hot: class label " + label + " at row " + (r + 1)
                        + " is out of range; with " + classes + " classes the labels are 0 to " + (classes - 1));
            }
            out.set(1f, r, label);
        }
        return out;
    }
}
