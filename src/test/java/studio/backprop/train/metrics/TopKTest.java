package studio.backprop.train.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Top-k accuracy on a hand-worked set of three examples. */
class TopKTest {

    // row 0: true class 2 scored 0.2, one class (0.7) higher → rank 1
    // row 1: true class 0 scored 0.5, none higher → rank 0
    // row 2: true class 1 scored 0.2, one class (0.6) higher, the tie with class 0 does not count → rank 1
    private static final float[] SCORES = {0.1f, 0.7f, 0.2f, 0.5f, 0.3f, 0.2f, 0.2f, 0.2f, 0.6f};
    private static final int[] ACTUAL = {2, 0, 1};

    @Test
    void countsTheTrueClassAmongTheKBest() {
        assertEquals(1.0 / 3, TopK.accuracy(SCORES, 3, ACTUAL, 1), 1e-12);
        assertEquals(1.0, TopK.accuracy(SCORES, 3, ACTUAL, 2), 1e-12);
        assertEquals(1.0, TopK.accuracy(SCORES, 3, ACTUAL, 3), 1e-12);
    }

    @Test
    void refusesWhatDoesNotFitInWords() {
        IllegalArgumentException k = assertThrows(IllegalArgumentException.class,
                () -> TopK.accuracy(SCORES, 3, ACTUAL, 0));
        assertEquals("top-k accuracy needs k ≥ 1, got 0", k.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TopK.accuracy(SCORES, 4, ACTUAL, 1));
        assertThrows(IllegalArgumentException.class, () -> TopK.accuracy(SCORES, 3, new int[] {0, 5, 1}, 1));
    }
}
