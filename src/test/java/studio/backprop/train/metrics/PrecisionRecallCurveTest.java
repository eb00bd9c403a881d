package studio.backprop.train.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static studio.backprop.train.metrics.Refusals.refused;

import org.junit.jupiter.api.Test;

class PrecisionRecallCurveTest {

    @Test
    void curveAndAveragePrecisionByHand() {
        // P = 3 positives
        PrecisionRecallCurve pr = PrecisionRecallCurve.of(new double[] {0.9, 0.8, 0.7, 0.6, 0.5},
                new int[] {1, 0, 1, 1, 0});
        // 0.9: TP 1 FP 0 -> P 1,   R 1/3
        // 0.8: TP 1 FP 1 -> P 1/2, R 1/3
        // 0.7: TP 2 FP 1 -> P 2/3, R 2/3
        // 0.6: TP 3 FP 1 -> P 3/4, R 1
        // 0.5: TP 3 FP 2 -> P 3/5, R 1
        assertArrayEquals(new double[] {1, 0.5, 2.0 / 3, 0.75, 0.6}, pr.precisions(), 1e-15);
        assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3, 2.0 / 3, 1, 1}, pr.recalls(), 1e-15);
        assertArrayEquals(new double[] {0.9, 0.8, 0.7, 0.6, 0.5}, pr.thresholds());
        // AP = Σ (R_k − R_{k−1}) P_k = 1/3·1 + 0·1/2 + 1/3·2/3 + 1/3·3/4 + 0·3/5 = 12/36 + 8/36 + 9/36 = 29/36
        assertEquals(29.0 / 36, pr.averagePrecision(), 1e-15);
    }

    @Test
    void tiedScoresAreOnePoint() {
        PrecisionRecallCurve pr = PrecisionRecallCurve.of(new double[] {0.8, 0.8, 0.3}, new int[] {0, 1, 1});
        // 0.8: TP 1 FP 1 -> P 1/2, R 1/2; 0.3: TP 2 FP 1 -> P 2/3, R 1
        assertArrayEquals(new double[] {0.5, 2.0 / 3}, pr.precisions(), 1e-15);
        assertArrayEquals(new double[] {0.5, 1}, pr.recalls(), 1e-15);
        // AP = 1/2·1/2 + 1/2·2/3 = 3/12 + 4/12 = 7/12
        assertEquals(7.0 / 12, pr.averagePrecision(), 1e-15);
    }

    @Test
    void perfectRankingAndAllPositivesHaveAveragePrecisionOne() {
        assertEquals(1.0, PrecisionRecallCurve.of(new double[] {0.9, 0.8, 0.1}, new int[] {1, 1, 0})
                .averagePrecision());
        assertEquals(1.0, PrecisionRecallCurve.of(new double[] {0.2, 0.4}, new int[] {1, 1}).averagePrecision());
    }

    @Test
    void noPositiveLabelIsRefusedInWords() {
        refused(() -> PrecisionRecallCurve.of(new double[] {0.1, 0.2, 0.3}, new int[3]),
                "precision-recall needs at least one positive example; all 3 labels are 0");
        refused(() -> PrecisionRecallCurve.of(new double[] {0.1}, new int[] {1, 0}), "1 predictions but 2 targets");
    }
}
