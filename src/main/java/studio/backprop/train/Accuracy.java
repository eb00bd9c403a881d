package studio.backprop.train;

import studio.backprop.tensor.Tensor;

/**
 * Counts correct predictions in a batch. One-hot targets: argmax of the output (ties to the lowest index) against
 * argmax of the target. A single output: class 1 iff the output reaches its threshold, compared with the
 * target's class (p ≥ 0.5 is class 1, as the course defines it). A sequence of one-hot rows (N, steps, classes)
 * is correct when every step is.
 */
final class Accuracy {

    private Accuracy() {
    }

    /**
     * @param outputThreshold 0.5 for probabilities, 0 for logits and hinge scores
     * @param targetThreshold 0.5 for 0/1 labels, 0 for ±1 labels
     */
    static int correct(Tensor output, Tensor target, float outputThreshold, float targetThreshold) {
        float[] o = output.buffer();
        float[] t = target.buffer();
        int rows = output.dim(0);
        int cols = o.length / rows;
        if (output.rank() > 2 && output.dim(-1) > 1) {
            return sequencesCorrect(o, t, rows, cols / output.dim(-1), output.dim(-1));
        }
        int correct = 0;
        for (int r = 0; r < rows; r++) {
            if (cols == 1) {
                boolean predicted = o[r] >= outputThreshold;
                boolean actual = t[r] >= targetThreshold;
                correct += predicted == actual ? 1 : 0;
            } else {
                correct += argMax(o, r * cols, cols) == argMax(t, r * cols, cols) ? 1 : 0;
            }
        }
        return correct;
    }

    /** A sequence of per-step classes counts as correct when every step's argmax is right. */
    private static int sequencesCorrect(float[] o, float[] t, int rows, int steps, int classes) {
        int correct = 0;
        for (int r = 0; r < rows; r++) {
            boolean all = true;
            for (int s = 0; s < steps && all; s++) {
                int from = (r * steps + s) * classes;
                all = argMax(o, from, classes) == argMax(t, from, classes);
            }
            correct += all ? 1 : 0;
        }
        return correct;
    }

    private static int argMax(float[] v, int from, int n) {
        int best = 0;
        for (int j = 1; j < n; j++) {
            if (v[from + j] > v[from + best]) {
                best = j;
            }
        }
        return best;
    }
}
