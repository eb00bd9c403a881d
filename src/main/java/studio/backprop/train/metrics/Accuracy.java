package studio.backprop.train.metrics;

import studio.backprop.tensor.Tensor;

/**
 * Accuracy, the fraction of examples whose predicted class equals the true class:
 * acc = (1/N) Σ_n [ŷ_n = y_n].
 *
 * <p>Predicted classes come from {@link Labels}: argmax of an (N × C) score matrix (ties to the lowest index) or,
 * for binary probabilities, ŷ = 1 iff p ≥ threshold (0.5 unless given). Arguments are always predictions first,
 * then targets.
 */
public final class Accuracy {

    private Accuracy() {
    }

    /**
     * Accuracy from predicted and true class indices.
     *
     * @throws IllegalArgumentException for empty input, different lengths, or a negative index
     */
    public static double of(int[] predicted, int[] actual) {
        Inputs.sameLength("accuracy", predicted.length, actual.length);
        Inputs.notEmpty("accuracy", actual.length);
        Inputs.nonNegative("accuracy", "predicted class", predicted);
        Inputs.nonNegative("accuracy", "true class", actual);
        int correct = 0;
        for (int i = 0; i < actual.length; i++) {
            correct += predicted[i] == actual[i] ? 1 : 0;
        }
        return (double) correct / actual.length;
    }

    /** Accuracy of an (N × C) matrix of probabilities or logits against true class indices, via argmax. */
    public static double fromScores(Tensor scores, int[] actual) {
        int[] predicted = Labels.argMax(scores);
        Inputs.sameLength("accuracy", predicted.length, actual.length);
        Inputs.inRange("accuracy", "true class", actual, scores.dim(1));
        return of(predicted, actual);
    }

    /** As {@link #fromScores(Tensor, int[])} with targets as indices (N), (N × 1) or one-hot rows (N × C). */
    public static double fromScores(Tensor scores, Tensor targets) {
        Inputs.scoreMatrix("accuracy", scores);
        return fromScores(scores, Inputs.targets("accuracy", targets, scores.dim(1)));
    }

    /** Binary accuracy of probabilities (N) or (N × 1) against labels 0/1, with ŷ = 1 iff p ≥ 0.5. */
    public static double binary(Tensor probabilities, int[] actual) {
        return binary(probabilities, actual, Labels.DEFAULT_THRESHOLD);
    }

    /** Binary accuracy with ŷ = 1 iff s ≥ threshold (any finite threshold; 0 suits logits). */
    public static double binary(Tensor scores, int[] actual, double threshold) {
        int[] predicted = Labels.threshold(scores, threshold);
        Inputs.sameLength("accuracy", predicted.length, actual.length);
        Inputs.binaryLabels("accuracy", actual);
        return of(predicted, actual);
    }
}
