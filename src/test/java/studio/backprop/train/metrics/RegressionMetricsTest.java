package studio.backprop.train.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static studio.backprop.train.metrics.Refusals.refused;

import org.junit.jupiter.api.Test;
import studio.backprop.tensor.Tensor;

class RegressionMetricsTest {

    @Test
    void mseMaeAndRSquaredByHand() {
        // errors y − ŷ: −0.5, 0, 1, 0 -> squares 0.25 + 0 + 1 + 0 = 1.25, |.| 0.5 + 0 + 1 + 0 = 1.5
        // ȳ = 3, SS_tot = 4 + 1 + 1 + 4 = 10, R² = 1 − 1.25/10 = 0.875
        RegressionMetrics m = RegressionMetrics.of(Tensor.vector(1.5f, 2f, 3f, 5f), Tensor.vector(1f, 2f, 4f, 5f));
        assertEquals(4, m.count());
        assertEquals(0.3125, m.mse(), 1e-15);
        assertEquals(0.375, m.mae(), 1e-15);
        assertEquals(0.875, m.r2(), 1e-15);
        assertEquals("n = 4, MSE = 0.3125, MAE = 0.3750, R² = 0.8750", m.toString());
    }

    @Test
    void predictingTheMeanGivesRSquaredZero() {
        // ŷ = ȳ = 3 everywhere: SS_res = SS_tot
        assertEquals(0.0, RegressionMetrics.of(new double[] {3, 3, 3, 3}, new double[] {1, 2, 4, 5}).r2(), 1e-15);
    }

    @Test
    void constantTargetsLeaveRSquaredUndefined() {
        RegressionMetrics m = RegressionMetrics.of(new double[] {1, 3}, new double[] {2, 2});
        // SS_tot = 0: R² is 0/0; the errors are still defined: MSE (1 + 1)/2, MAE (1 + 1)/2
        assertTrue(Double.isNaN(m.r2()));
        assertEquals(1.0, m.mse());
        assertEquals("n = 2, MSE = 1.0000, MAE = 1.0000, R² = n/a", m.toString());
    }

    @Test
    void largeCloseTargetsKeepTheirRSquared() {
        // y = 1e9 + 1..4, ŷ = y + 1: SS_res = 4, SS_tot = 2.25 + 0.25 + 0.25 + 2.25 = 5, R² = 1 − 4/5 = 0.2
        double[] y = {1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 4};
        double[] p = {1e9 + 2, 1e9 + 3, 1e9 + 4, 1e9 + 5};
        assertEquals(0.2, RegressionMetrics.of(p, y).r2(), 1e-12);
    }

    @Test
    void badInputIsRefusedInWords() {
        refused(() -> RegressionMetrics.of(Tensor.vector(1f, 2f), Tensor.of(new float[] {1f, 2f}, 2, 1)),
                "predictions have shape [2] but targets have shape [2, 1]", "reshape the targets");
        refused(() -> RegressionMetrics.of(new double[] {1}, new double[] {1, 2}), "1 predictions but 2 targets");
        refused(() -> RegressionMetrics.of(new double[0], new double[0]), "empty");
        refused(() -> RegressionMetrics.of(new double[] {Double.NaN}, new double[] {1}),
                "prediction NaN at row 1 is not a finite number");
        String message = assertThrows(IllegalStateException.class, () -> new RegressionAccumulator().result())
                .getMessage();
        assertTrue(message.contains("nothing added yet"), message);
    }
}
