package studio.backprop.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import studio.backprop.tensor.Rng;

class HoldOutTest {

    @Test
    void withoutATestSplitItIsTheValidationSplitTrainingHasAlwaysMade() {
        int[] order = IntStream.range(0, 50).toArray();
        new Rng(7 ^ 0x5EEDL).shuffle(order);
        HoldOut h = HoldOut.of(50, 0.2, 0, false, 7);
        assertArrayEquals(Arrays.copyOfRange(order, 0, 40), h.train());
        assertArrayEquals(Arrays.copyOfRange(order, 40, 50), h.validation());
        assertEquals(0, h.test().length);
    }

    @Test
    void theThreePartsAreDisjointAndCoverEveryRow() {
        HoldOut h = HoldOut.of(101, 0.15, 0.1, false, 3);
        assertEquals(15, h.validation().length);
        assertEquals(10, h.test().length);
        assertEquals(76, h.train().length);
        int[] all = IntStream.concat(IntStream.concat(Arrays.stream(h.train()), Arrays.stream(h.validation())),
                Arrays.stream(h.test())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 101).toArray(), all);
        int[] part = h.partOfEachRow();
        Arrays.stream(h.test()).forEach(r -> assertEquals(2, part[r]));
        Arrays.stream(h.validation()).forEach(r -> assertEquals(1, part[r]));
    }

    @Test
    void lastTakesTheTestRowsFromTheEndAndValidationJustBefore() {
        HoldOut h = HoldOut.of(10, 0.2, 0.1, true, 99);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6}, h.train());
        assertArrayEquals(new int[] {7, 8}, h.validation());
        assertArrayEquals(new int[] {9}, h.test());
    }

    @Test
    void fractionsThatLeaveAPartEmptyAreRefusedInWords() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HoldOut.of(4, 0, 0.1, false, 1));
        assertEquals("a test fraction of 0.1 leaves no test sample from 4 samples", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> HoldOut.of(4, 0.5, 0.5, false, 1));
        assertTrue(e.getMessage().contains("leave no training sample"), e.getMessage());
    }
}
