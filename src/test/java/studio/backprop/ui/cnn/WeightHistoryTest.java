package studio.backprop.ui.cnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Quantiles by hand, and the history of weights, updates and ratios the distribution charts draw. */
class WeightHistoryTest {

    @Test
    void quantilesInterpolateBetweenSortedValues() {
        // sorted 0..10 (11 values): the q-quantile sits at position 10q
        float[] v = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0};
        assertArrayEquals(new double[] {0, 0.7, 1.6, 3.1, 5, 6.9, 8.4, 9.3, 10}, Quantiles.of(v), 1e-6);
        assertEquals(10f, v[0], "the input is not modified");
        assertArrayEquals(new double[] {2, 2, 2, 2, 2, 2, 2, 2, 2}, Quantiles.of(new float[] {2}), 0);
    }

    @Test
    void updatesAreTheChangeBetweenTwoPicturesAndRatiosOneAStep() {
        WeightHistory h = new WeightHistory();
        h.addWeights(0, Map.of("w", new float[] {1, 2}));
        h.addWeights(0, Map.of("w", new float[] {1, 2}));
        h.addWeights(3, Map.of("w", new float[] {1.5f, 1}));
        assertEquals(2, h.weights("w").size(), "a second picture of the same step is not a new point");
        assertEquals(1, h.updates("w").size());
        assertEquals(-1, h.updates("w").get(0).quantiles()[0], 1e-6, "Δw = (0.5, −1)");
        assertEquals(0.5, h.updates("w").get(0).quantiles()[8], 1e-6);
        h.addRatio(0, "w", 0, 2);
        h.addRatio(3, "w", 0.1, 2);
        h.addRatio(3, "w", 0.1, 2);
        assertEquals(1, h.ratios("w").size(), "no ratio before the first step, one per step");
        assertEquals(0.05, h.ratios("w").get(0).value(), 1e-12);
        h.clear();
        assertEquals(0, h.names().size());
        assertNull(KernelsView.inputImage(new int[] {2}));
        assertArrayEquals(new int[] {28, 28}, KernelsView.inputImage(new int[] {784}));
        assertArrayEquals(new int[] {28, 28}, KernelsView.inputImage(new int[] {28, 28, 1}));
    }
}
