package studio.backprop.nn.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class OverlapTest {

    @Test
    void example27IntersectionOverUnionAndItsMean() {
        assertEquals(0.902439, Overlap.iou(189, 201, 185), 5e-7);
        assertEquals(0.396552, Overlap.iou(31, 50, 23), 5e-7);
        assertEquals(0.649495, Overlap.meanIou(new double[][] {{189, 201, 185}, {31, 50, 23}}), 5e-7);
    }

    @Test
    void example28JaccardAndDiceOfTwoSets() {
        Set<Integer> a = Set.of(1, 2, 3, 4, 5, 6);
        Set<Integer> b = Set.of(4, 5, 6, 7);
        assertEquals(3.0 / 7, Overlap.jaccard(a, b), 1e-12);
        assertEquals(0.428571, Overlap.jaccard(a, b), 5e-7);
        assertEquals(0.6, Overlap.dice(a, b), 1e-12);
        double j = Overlap.jaccard(a, b);
        assertEquals(2 * j / (1 + j), Overlap.dice(a, b), 1e-12, "D = 2J/(1 + J)");
    }

    @Test
    void impossibleAreasAreRefusedInWords() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Overlap.iou(10, 20, 15)).getMessage()
                .contains("cannot be larger than either area"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Overlap.iou(-1, 20, 0)).getMessage()
                .contains("cannot be negative"));
    }
}
