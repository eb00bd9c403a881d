package studio.backprop.train.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static studio.backprop.train.metrics.Refusals.refused;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.backprop.tensor.Tensor;

class ConfusionMatrixTest {

    // rows true, columns predicted:
    //          0  1  2   support
    //   0    [ 3, 1, 1 ]   5
    //   1    [ 1, 2, 0 ]   3
    //   2    [ 0, 1, 2 ]   3
    //  column 4  4  3      N = 11
    private static final int[] ACTUAL = {0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 2};
    private static final int[] PREDICTED = {0, 0, 0, 1, 2, 0, 1, 1, 1, 2, 2};

    private static ConfusionMatrix threeClasses() {
        return ConfusionMatrix.of(PREDICTED, ACTUAL, 3);
    }

    @Test
    void rowsAreTrueClassesAndColumnsPredicted() {
        ConfusionMatrix m = threeClasses();
        assertEquals(1, m.count(0, 2), "a true 0 predicted as 2");
        assertEquals(0, m.count(2, 0), "no true 2 predicted as 0");
        assertEquals(1, m.count(1, 0), "a true 1 predicted as 0");
        assertEquals(11, m.total());
        assertEquals(5, m.support(0));
        assertEquals(4, m.predictedCount(1));
    }

    @Test
    void threeClassPrecisionRecallF1ByHand() {
        ConfusionMatrix m = threeClasses();
        // class 0: TP 3, FP 1, FN 2 -> P 3/4, R 3/5, F1 6/9 = 2/3
        assertEquals(0.75, m.precision(0), 1e-15);
        assertEquals(0.6, m.recall(0), 1e-15);
        assertEquals(2.0 / 3, m.f1(0), 1e-15);
        // class 1: TP 2, FP 2, FN 1 -> P 1/2, R 2/3, F1 4/7
        assertEquals(0.5, m.precision(1), 1e-15);
        assertEquals(2.0 / 3, m.recall(1), 1e-15);
        assertEquals(4.0 / 7, m.f1(1), 1e-15);
        // class 2: TP 2, FP 1, FN 1 -> P 2/3, R 2/3, F1 2/3
        assertEquals(2.0 / 3, m.precision(2), 1e-15);
        assertEquals(2.0 / 3, m.recall(2), 1e-15);
        assertEquals(2.0 / 3, m.f1(2), 1e-15);
        // diagonal 3 + 2 + 2 = 7 of 11
        assertEquals(7.0 / 11, m.accuracy(), 1e-15);
    }

    @Test
    void macroAndWeightedAveragesByHand() {
        ConfusionMatrix m = threeClasses();
        // macro P = (9/12 + 6/12 + 8/12) / 3 = 23/36; macro R = (9/15 + 10/15 + 10/15) / 3 = 29/45
        assertEquals(23.0 / 36, m.macroPrecision(), 1e-15);
        assertEquals(29.0 / 45, m.macroRecall(), 1e-15);
        // macro F1 = (14/21 + 12/21 + 14/21) / 3 = 40/63
        assertEquals(40.0 / 63, m.macroF1(), 1e-15);
        // weighted P = (5·3/4 + 3·1/2 + 3·2/3) / 11 = 7.25/11
        assertEquals(7.25 / 11, m.weightedPrecision(), 1e-15);
        // weighted recall = Σ TP / N = accuracy, always
        assertEquals(m.accuracy(), m.weightedRecall(), 1e-15);
        // weighted F1 = (5·2/3 + 3·4/7 + 3·2/3) / 11 = (70 + 36 + 42)/21 / 11 = 148/231
        assertEquals(148.0 / 231, m.weightedF1(), 1e-15);
    }

    @Test
    void f1IsTheHarmonicMeanNotARecallWeightedFBeta() {
        ConfusionMatrix m = threeClasses();
        for (int c = 0; c < 3; c++) {
            double p = m.precision(c);
            double r = m.recall(c);
            assertEquals(2 * p * r / (p + r), m.f1(c), 1e-15, "F1 = 2PR/(P + R) for class " + c);
        }
        // class 0: P 0.75, R 0.6; F2 (recall weighted) = 5PR/(4P + R) = 2.25/3.6 = 0.625, F1 = 2/3
        double f2 = 5 * 0.75 * 0.6 / (4 * 0.75 + 0.6);
        assertEquals(0.625, f2, 1e-15);
        assertNotEquals(f2, m.f1(0), 1e-3);
        // swapping precision and recall leaves a harmonic mean unchanged: the transpose has P and R of class 0
        // swapped (3/5 and 3/4) and the same F1
        ConfusionMatrix swapped = ConfusionMatrix.of(ACTUAL, PREDICTED, 3);
        assertEquals(m.recall(0), swapped.precision(0), 1e-15);
        assertEquals(m.f1(0), swapped.f1(0), 1e-15);
    }

    @Test
    void zeroOverZeroIsNaNAndLeftOutOfTheAverages() {
        // true 0, 0, 1, 1 all predicted 0; class 2 appears nowhere
        ConfusionMatrix m = ConfusionMatrix.of(new int[] {0, 0, 0, 0}, new int[] {0, 0, 1, 1}, 3);
        // class 0: TP 2, FP 2 -> P 1/2, R 1, F1 4/6
        assertEquals(0.5, m.precision(0), 1e-15);
        assertEquals(2.0 / 3, m.f1(0), 1e-15);
        // class 1: never predicted -> P 0/0; R 0/2 = 0; F1 0/(0 + 0 + 2) = 0
        assertTrue(Double.isNaN(m.precision(1)));
        assertEquals(0.0, m.recall(1));
        assertEquals(0.0, m.f1(1));
        // class 2: no examples, never predicted -> all 0/0
        assertTrue(Double.isNaN(m.precision(2)));
        assertTrue(Double.isNaN(m.recall(2)));
        assertTrue(Double.isNaN(m.f1(2)));
        // averages over the defined classes: P only class 0; R (1 + 0)/2; F1 (2/3 + 0)/2
        assertEquals(0.5, m.macroPrecision(), 1e-15);
        assertEquals(0.5, m.macroRecall(), 1e-15);
        assertEquals(1.0 / 3, m.macroF1(), 1e-15);
        // weighted P: class 0 alone, 2·0.5/2; weighted R: (2·1 + 2·0)/4
        assertEquals(0.5, m.weightedPrecision(), 1e-15);
        assertEquals(0.5, m.weightedRecall(), 1e-15);
    }

    @Test
    void fromScoresAndBinaryBuildTheSameMatrixAsIndices() {
        Tensor scores = Tensor.matrix(new float[][] {{0.6f, 0.4f}, {0.5f, 0.5f}, {0.1f, 0.9f}});
        // argmax 0, 0 (tie), 1
        assertEquals(ConfusionMatrix.of(new int[] {0, 0, 1}, new int[] {0, 1, 1}, 2),
                ConfusionMatrix.fromScores(scores, new int[] {0, 1, 1}));
        // p = 0.4, 0.5, 0.9 at threshold 0.5 -> 0, 1, 1
        assertEquals(ConfusionMatrix.of(new int[] {0, 1, 1}, new int[] {0, 1, 0}, 2),
                ConfusionMatrix.binary(Tensor.vector(0.4f, 0.5f, 0.9f), new int[] {0, 1, 0}, 0.5));
    }

    @Test
    void badInputIsRefusedInWords() {
        refused(() -> ConfusionMatrix.of(new int[] {0, 3}, new int[] {0, 1}, 3),
                "predicted class 3 at row 2 is out of range; with 3 classes the indices are 0 to 2");
        refused(() -> ConfusionMatrix.of(new int[] {0}, new int[] {0, 1}, 3), "1 predictions but 2 targets");
        refused(() -> ConfusionMatrix.of(new int[0], new int[0], 3), "empty");
        refused(() -> ConfusionMatrix.fromCounts(new long[][] {{1, 2}, {3}}), "row 2 has 1 counts",
                "must be square");
        refused(() -> threeClasses().withClassNames(List.of("a", "b")), "2 class names for 3 classes");
        refused(() -> threeClasses().precision(3), "class 3 is out of range");
    }
}
