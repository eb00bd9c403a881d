package studio.backprop.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.backprop.tensor.Rng;

class ThermometerAndKFoldTest {

    @Test
    void thermometerByHand() {
        List<String> sizes = List.of("small", "medium", "large", "huge");
        assertArrayEquals(new float[] {0, 0, 0}, Thermometer.encode("small", sizes));
        assertArrayEquals(new float[] {1, 0, 0}, Thermometer.encode("medium", sizes));
        assertArrayEquals(new float[] {1, 1, 0}, Thermometer.encode("large", sizes));
        assertArrayEquals(new float[] {1, 1, 1}, Thermometer.encode("huge", sizes));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Thermometer.encode("tiny", sizes));
        assertTrue(e.getMessage().contains("'tiny' is not one of the ordered levels"), e.getMessage());
    }

    @Test
    void tenSamplesInThreeFoldsOfFourThreeAndThree() {
        int[] fold = KFold.assign(10, 3, new Rng(5));
        int[] sizes = new int[3];
        for (int f : fold) {
            sizes[f]++;
        }
        assertArrayEquals(new int[] {4, 3, 3}, sizes);
        assertArrayEquals(fold, KFold.assign(10, 3, new Rng(5)), "one seed, one assignment");
        assertEquals("k-fold needs 2 ≤ k ≤ the number of samples (10); got k = 11",
                assertThrows(IllegalArgumentException.class, () -> KFold.assign(10, 11, new Rng(1))).getMessage());
    }
}
