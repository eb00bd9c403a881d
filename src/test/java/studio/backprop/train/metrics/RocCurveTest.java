package studio.backprop.train.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static studio.backprop.train.metrics.Refusals.refused;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import studio.backprop.tensor.Tensor;

class RocCurveTest {

    // P = 4 positives, N = 3 negatives; 0.8 and 0.4 are each shared by a positive and a negative
    private static final double[] SCORES = {0.9, 0.8, 0.8, 0.6, 0.4, 0.4, 0.2};
    private static final int[] LABELS = {1, 1, 0, 1, 0, 1, 0};

    @Test
    void smallScoredListWithTiesByHand() {
        RocCurve roc = RocCurve.of(SCORES, LABELS);
        // t = +inf: (0, 0); 0.9: TP 1 FP 0; 0.8: TP 2 FP 1 (the tie is one diagonal step); 0.6: TP 3 FP 1;
        // 0.4: TP 4 FP 2 (tie again); 0.2: TP 4 FP 3
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, 0.9, 0.8, 0.6, 0.4, 0.2}, roc.thresholds());
        assertArrayEquals(new double[] {0, 0, 1.0 / 3, 1.0 / 3, 2.0 / 3, 1}, roc.falsePositiveRates(), 1e-15);
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1, 1}, roc.truePositiveRates(), 1e-15);
        // trapezoids: 0 + 1/3·(0.25 + 0.5)/2 + 0 + 1/3·(0.75 + 1)/2 + 1/3·(1 + 1)/2
        //           = 0.125 + 0.2916667 + 0.3333333 = 0.75
        assertEquals(0.75, roc.auc(), 1e-15);
        // Mann–Whitney: 0.9 beats 3; 0.8 ties 1, beats 2 -> 2.5; 0.6 beats 2; 0.4 ties 1, beats 1 -> 1.5;
        // 9 of 12 pairs
        assertEquals(9.0 / 12, mannWhitney(SCORES, LABELS), 1e-15);
    }

    @Test
    void theOrderOfTiedExamplesDoesNotChangeTheCurve() {
        double[] scores = {0.8, 0.8, 0.4, 0.4, 0.9, 0.6, 0.2};
        int[] labels = {0, 1, 1, 0, 1, 1, 0};
        RocCurve a = RocCurve.of(SCORES, LABELS);
        RocCurve b = RocCurve.of(scores, labels);
        assertArrayEquals(a.falsePositiveRates(), b.falsePositiveRates());
        assertArrayEquals(a.truePositiveRates(), b.truePositiveRates());
        assertEquals(a.auc(), b.auc());
    }

    @Test
    void perfectSeparationHasAucOne() {
        RocCurve roc = RocCurve.of(new double[] {0.9, 0.7, 0.3, 0.1}, new int[] {1, 1, 0, 0});
        assertEquals(1.0, roc.auc());
        // (0,0), (0,1/2), (0,1), (1/2,1), (1,1)
        assertArrayEquals(new double[] {0, 0, 0, 0.5, 1}, roc.falsePositiveRates(), 1e-15);
        assertEquals(0.0, RocCurve.of(new double[] {0.9, 0.7, 0.3, 0.1}, new int[] {0, 0, 1, 1}).auc());
    }

    @Test
    void constantScoresGiveTheDiagonalAndAucOneHalf() {
        RocCurve roc = RocCurve.of(new double[] {0.3, 0.3, 0.3, 0.3, 0.3}, new int[] {1, 0, 0, 1, 0});
        assertArrayEquals(new double[] {0, 1}, roc.falsePositiveRates());
        assertArrayEquals(new double[] {0, 1}, roc.truePositiveRates());
        assertEquals(0.5, roc.auc());
    }

    @Test
    void aucEqualsTheMannWhitneyProbabilityOnRandomDataWithTies() {
        Random random = new Random(20261121);
        for (int trial = 0; trial < 20; trial++) {
            int n = 2 + random.nextInt(300);
            double[] scores = new double[n];
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = i < 2 ? i : random.nextInt(2);
                // a positive leans higher; rounding to one decimal makes many ties
                scores[i] = Math.round((random.nextGaussian() + labels[i]) * 10) / 10.0;
            }
            assertEquals(mannWhitney(scores, labels), RocCurve.of(scores, labels).auc(), 1e-12, "trial " + trial);
        }
    }

    @Test
    void tensorScoresOfShapeNOrNByOneAreAccepted() {
        float[] s = {0.9f, 0.2f, 0.6f};
        int[] labels = {1, 0, 0};
        // 0.9 beats both negatives, no ties -> 1
        assertEquals(1.0, RocCurve.of(Tensor.vector(s), labels).auc());
        assertEquals(1.0, RocCurve.of(Tensor.of(s, 3, 1), Tensor.vector(1, 0, 0)).auc());
    }

    @Test
    void oneVsRestPerClassAndMacroByHand() {
        Tensor scores = Tensor.matrix(new float[][] {
            {0.7f, 0.2f, 0.1f},   // true 0
            {0.5f, 0.1f, 0.4f},   // true 1
            {0.1f, 0.6f, 0.3f},   // true 1
            {0.2f, 0.2f, 0.6f}}); // true 2
        int[] actual = {0, 1, 1, 2};
        OneVsRestRoc ovr = OneVsRestRoc.of(scores, actual);
        // class 0: column 0.7 | 0.5, 0.1, 0.2 -> the positive beats all: 1
        assertEquals(1.0, ovr.auc(0));
        // class 1: positives 0.1, 0.6 | negatives 0.2, 0.2 -> 0.6 beats 2, 0.1 beats 0: 2 of 4
        assertEquals(0.5, ovr.auc(1));
        // class 2: 0.6 | 0.1, 0.4, 0.3 -> 1
        assertEquals(1.0, ovr.auc(2));
        assertEquals(2.5 / 3, ovr.macroAuc(), 1e-15);
        Tensor oneHot = Tensor.matrix(new float[][] {{1, 0, 0}, {0, 1, 0}, {0, 1, 0}, {0, 0, 1}});
        assertEquals(ovr.macroAuc(), OneVsRestRoc.of(scores, oneHot).macroAuc());
    }

    @Test
    void badInputIsRefusedInWords() {
        int[] ones = new int[12];
        Arrays.fill(ones, 1);
        refused(() -> RocCurve.of(new double[12], ones),
                "ROC needs both positive and negative examples; all 12 labels are 1");
        refused(() -> RocCurve.of(new double[3], new int[3]), "all 3 labels are 0");
        refused(() -> RocCurve.of(new double[] {0.1, 0.2}, new int[] {1}), "2 predictions but 1 targets");
        refused(() -> RocCurve.of(new double[0], new int[0]), "empty");
        refused(() -> RocCurve.of(new double[] {0.1, Double.NaN}, new int[] {1, 0}), "score NaN at row 2");
        refused(() -> RocCurve.of(new double[] {0.1, 0.2}, new int[] {1, 2}), "label 2 at row 2 is not 0 or 1");
        Tensor scores = Tensor.matrix(new float[][] {{0.9f, 0.1f, 0f}, {0.2f, 0.8f, 0f}});
        refused(() -> OneVsRestRoc.of(scores, new int[] {0, 1}),
                "one-vs-rest ROC for class 2", "none of the 2 labels is 2");
        refused(() -> OneVsRestRoc.of(scores, new int[] {0, 3}), "true class 3 at row 2 is out of range");
    }

    /** (#{s+ > s-} + ½ #{s+ = s-}) / (P·N) over every pair, the definition itself. */
    private static double mannWhitney(double[] scores, int[] labels) {
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < scores.length; i++) {
            for (int j = 0; j < scores.length; j++) {
                if (labels[i] == 1 && labels[j] == 0) {
                    pairs++;
                    wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
            }
        }
        return wins / pairs;
    }
}
