package studio.backprop.train.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static studio.backprop.train.metrics.Refusals.refused;

import org.junit.jupiter.api.Test;
import studio.backprop.tensor.Tensor;

class AccuracyTest {

    @Test
    void accuracyIsTheFractionOfMatchingIndices() {
        // rows 1, 2 and 4 match: 3 of 5
        assertEquals(0.6, Accuracy.of(new int[] {0, 1, 2, 0, 1}, new int[] {0, 1, 1, 0, 2}), 1e-15);
    }

    @Test
    void argmaxTiesGoToTheLowestIndex() {
        Tensor scores = Tensor.matrix(new float[][] {
            {0.3f, 0.3f, 0.1f},   // 0 and 1 tie -> 0
            {0.1f, 0.5f, 0.5f},   // 1 and 2 tie -> 1
            {2f, 2f, 2f},         // all tie -> 0
            {-3f, -1f, -2f}});    // logits: -1 is largest -> 1
        assertArrayEquals(new int[] {0, 1, 0, 1}, Labels.argMax(scores));
    }

    @Test
    void accuracyFromScoresUsesArgmax() {
        Tensor scores = Tensor.matrix(new float[][] {{0.7f, 0.2f, 0.1f}, {0.4f, 0.4f, 0.2f}, {0.1f, 0.1f, 0.8f}});
        // predicted 0, 0 (tie), 2 against 0, 1, 2: 2 of 3
        assertEquals(2.0 / 3, Accuracy.fromScores(scores, new int[] {0, 1, 2}), 1e-15);
        Tensor oneHot = Tensor.matrix(new float[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
        assertEquals(2.0 / 3, Accuracy.fromScores(scores, oneHot), 1e-15);
        assertEquals(2.0 / 3, Accuracy.fromScores(scores, Tensor.vector(0, 1, 2)), 1e-15);
    }

    @Test
    void probabilityExactlyOneHalfIsClassOne() {
        Tensor p = Tensor.vector(0.5f, 0.49999997f, 0.9f, 0.1f);
        assertArrayEquals(new int[] {1, 0, 1, 0}, Labels.threshold(p));
        assertArrayEquals(new int[] {1, 0, 1, 0}, Labels.threshold(p.reshape(4, 1)));
        // against 1, 0, 1, 1: the last is wrong, 3 of 4
        assertEquals(0.75, Accuracy.binary(p, new int[] {1, 0, 1, 1}), 1e-15);
    }

    @Test
    void theBinaryThresholdIsConfigurable() {
        Tensor logits = Tensor.vector(-0.2f, 0f, 1.5f);
        // threshold 0 on logits: 0 itself is class 1
        assertArrayEquals(new int[] {0, 1, 1}, Labels.threshold(logits, 0));
        assertEquals(1.0, Accuracy.binary(logits, new int[] {0, 1, 1}, 0), 1e-15);
        assertEquals(1.0 / 3, Accuracy.binary(logits, new int[] {0, 1, 1}, 2), 1e-15);
    }

    @Test
    void badInputIsRefusedInWords() {
        refused(() -> Accuracy.of(new int[] {0, 1}, new int[] {0}), "2 predictions but 1 targets");
        refused(() -> Accuracy.of(new int[0], new int[0]), "empty");
        refused(() -> Accuracy.of(new int[] {0, -1}, new int[] {0, 0}), "predicted class -1 at row 2 is negative");
        Tensor scores = Tensor.matrix(new float[][] {{0.5f, 0.5f}, {0.2f, 0.8f}});
        refused(() -> Accuracy.fromScores(scores, new int[] {0, 2}), "true class 2 at row 2 is out of range",
                "indices are 0 to 1");
        refused(() -> Accuracy.fromScores(scores, new int[] {0, 1, 1}), "2 predictions but 3 targets");
        refused(() -> Accuracy.fromScores(Tensor.matrix(new float[][] {{1f, Float.NaN}}), new int[] {0}),
                "score NaN at row 1, column 2 is not a finite number");
        refused(() -> Accuracy.binary(Tensor.vector(0.2f, 0.7f), new int[] {0, 2}), "label 2 at row 2 is not 0 or 1");
        refused(() -> Accuracy.binary(scores, new int[] {0, 1}), "shape (N) or (N × 1)", "[2, 2]");
        refused(() -> Accuracy.fromScores(scores, Tensor.vector(0f, 1.5f)), "target 1.5 at row 2",
                "not a class index");
        refused(() -> Accuracy.fromScores(scores, Tensor.matrix(new float[][] {{1, 0}, {1, 1}})),
                "target row 2 is not one-hot");
    }
}
