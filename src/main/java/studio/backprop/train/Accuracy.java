package studio.backprop.train;

import studio.backprop.tensor.Tensor;

/**
 * Counts correct predictions in a batch. One-hot targets: argmax of the output (ties to the lowest index) against
 * argmax of the target. A single output: class 1 iff the output reaches its threshold, compared with the
 * target's class (p ≥ 0.5 is class 1, as the course defines it).
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
