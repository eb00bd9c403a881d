package studio.backprop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SeriesTest {

    @Test
    void valuesAreKeptAsAppendedUpToTheCapacity() {
        Series s = new Series(8);
        for (int i = 1; i <= 8; i++) {
            s.add(i);
        }
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, s.view().toArray());
        assertEquals(1, s.view().stride());
    }

    @Test
    void atTheCapacityPairsMergeIntoTheirMeanAndTheStrideDoubles() {
        Series s = new Series(8);
        for (int i = 1; i <= 9; i++) {
            s.add(i);
        }
        // 1..8 merged into 4 means; 9 waits for 10 to make the next pair.
        assertArrayEquals(new float[] {1.5f, 3.5f, 5.5f, 7.5f}, s.view().toArray());
        assertEquals(2, s.view().stride());
        s.add(10);
        assertArrayEquals(new float[] {1.5f, 3.5f, 5.5f, 7.5f, 9.5f}, s.view().toArray());
    }

    @Test
    void rewindingToAMarkForgetsLaterValuesEvenAcrossAMergeAndKeepsOldViewsIntact() {
        Series s = new Series(8);
        for (int i = 1; i <= 7; i++) {
            s.add(i);
        }
        Series.Mark mark = s.mark();
        Series.View before = s.view();
        for (int i = 8; i <= 11; i++) {
            s.add(i);
        }
        assertEquals(2, s.view().stride());
        Series.View merged = s.view();
        s.rewind(mark);
        assertArrayEquals(before.toArray(), s.view().toArray());
        assertEquals(1, s.view().stride());
        s.add(100);
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7, 100}, s.view().toArray());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7}, before.toArray(), "an older view never changes");
        assertArrayEquals(new float[] {1.5f, 3.5f, 5.5f, 7.5f, 9.5f}, merged.toArray());
        s.add(9);
        assertArrayEquals(new float[] {1.5f, 3.5f, 5.5f, 53.5f}, s.view().toArray(), "merges what is stored now");
        assertEquals(2, s.view().stride());
    }

    @Test
    void memoryStaysBoundedForAnyNumberOfValues() {
        Series s = new Series(1024);
        int n = 1_000_000;
        for (int i = 0; i < n; i++) {
            s.add(i % 2 == 0 ? 1f : 3f);
        }
        Series.View v = s.view();
        assertTrue(v.size() <= 1024, "size " + v.size());
        assertTrue(v.values().length <= 1024, "array " + v.values().length);
        assertEquals(1024, v.stride());
        // Every stored value is the mean of an even run of alternating 1 and 3.
        for (int i = 0; i < v.size(); i++) {
            assertEquals(2f, v.get(i));
        }
        assertEquals(n / v.stride(), v.size());
    }

    @Test
    void aViewTakenBeforeAMergeKeepsItsValues() {
        Series s = new Series(4);
        for (int i = 1; i <= 4; i++) {
            s.add(i);
        }
        Series.View before = s.view();
        s.add(5);
        assertArrayEquals(new float[] {1, 2, 3, 4}, before.toArray());
        assertEquals(1, before.stride());
        assertArrayEquals(new float[] {1.5f, 3.5f}, s.view().toArray());
    }

    @Test
    void restoringKeepsTheStrideAndMergesWhatDoesNotFit() {
        Series s = new Series(4);
        s.setAll(new float[] {1, 2, 3}, 8);
        assertEquals(8, s.view().stride());
        s.setAll(new float[] {1, 3, 5, 7, 9, 11}, 1);
        assertArrayEquals(new float[] {2, 6, 10}, s.view().toArray());
        assertEquals(2, s.view().stride());
        assertThrows(IllegalArgumentException.class, () -> s.setAll(new float[0], 0));
    }

    @Test
    void clearStartsAgainAtStrideOne() {
        Series s = new Series(2);
        for (int i = 0; i < 10; i++) {
            s.add(i);
        }
        s.clear();
        s.add(7);
        assertArrayEquals(new float[] {7}, s.view().toArray());
        assertEquals(1, s.view().stride());
    }
}
