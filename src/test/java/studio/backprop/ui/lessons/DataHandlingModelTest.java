package studio.backprop.ui.lessons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DataHandlingModelTest {

    @Test
    void scalingByHand() {
        assertArrayEquals(new double[] {0, 0.5, 1}, DataHandlingModel.minMax(new double[] {50, 100, 150}), 1e-12);
        // mean 2, population σ = √(2/3) = 0.8165: (−1.2247, 0, 1.2247)
        assertArrayEquals(new double[] {-1.2247449, 0, 1.2247449}, DataHandlingModel.standard(new double[] {1, 2, 3}),
                1e-6);
    }

    @Test
    void theThreeEncodingsOfGoodByHand() {
        // poor < fair < good < excellent: good is level 2
        assertEquals(2, DataHandlingModel.ordinal("good"));
        assertArrayEquals(new float[] {0, 0, 1, 0}, DataHandlingModel.oneHot("good"));
        assertArrayEquals(new float[] {1, 1, 0}, DataHandlingModel.thermometer("good"));
        assertArrayEquals(new float[] {0, 0, 0}, DataHandlingModel.thermometer("poor"));
    }

    @Test
    void aSplitSendsEveryRowSomewhereAndTheFractionsHold() {
        int[] part = DataHandlingModel.split(20, 0.7, 0.15, 0.15, 3);
        int[] counts = new int[3];
        for (int p : part) {
            counts[p]++;
        }
        assertEquals(20, counts[0] + counts[1] + counts[2]);
        assertEquals(14, counts[0]);
        assertArrayEquals(part, DataHandlingModel.split(20, 0.7, 0.15, 0.15, 3));
    }
}
