package studio.backprop.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import studio.backprop.tensor.Rng;

class SampleOrderTest {

    private static void assertRefused(String message, Executable action) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, action).getMessage());
    }

    private static int[] epoch(SampleOrder order, Rng rng) {
        order.nextEpoch(rng);
        return order.current();
    }

    @Test
    void listedOrderIsTheStoredOrderEveryEpoch() {
        SampleOrder order = SampleOrder.listed(4);
        assertArrayEquals(new int[] {0, 1, 2, 3}, epoch(order, null));
        assertArrayEquals(new int[] {0, 1, 2, 3}, epoch(order, null));
    }

    @Test
    void explicitOrderCountsFromOneAndRepeatsEveryEpoch() {
        SampleOrder order = SampleOrder.explicit(List.of(3, 4, 1, 2), 4);
        assertArrayEquals(new int[] {2, 3, 0, 1}, epoch(order, null));
        assertArrayEquals(new int[] {2, 3, 0, 1}, epoch(order, null));
        assertEquals(2, order.sampleAt(0));
    }

    @Test
    void shuffledEpochsPermuteThePreviousOrderWithOneFisherYatesPass() {
        Rng rng = new Rng(42);
        Rng reference = new Rng(42);
        int[] expected = {0, 1, 2, 3, 4, 5, 6, 7};
        SampleOrder order = SampleOrder.shuffled(8);
        Set<List<Integer>> seen = new HashSet<>();
        for (int e = 0; e < 5; e++) {
            reference.shuffle(expected);
            int[] drawn = epoch(order, rng);
            assertArrayEquals(expected, drawn, "epoch " + (e + 1));
            assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, Arrays.stream(drawn).sorted().toArray());
            seen.add(Arrays.stream(drawn).boxed().toList());
        }
        assertEquals(5, seen.size(), "a fresh permutation every epoch");
    }

    @Test
    void theShuffleDependsOnTheSeedAndReplaysFromIt() {
        assertArrayEquals(epoch(SampleOrder.shuffled(8), new Rng(7)), epoch(SampleOrder.shuffled(8), new Rng(7)));
        assertNotEquals(Arrays.toString(epoch(SampleOrder.shuffled(8), new Rng(1))),
                Arrays.toString(epoch(SampleOrder.shuffled(8), new Rng(2))));
    }

    @Test
    void aRestoredOrderAndGeneratorContinueTheSameRun() {
        Rng rng = new Rng(5);
        SampleOrder order = SampleOrder.shuffled(6);
        epoch(order, rng);
        int[] saved = order.current();
        long state = rng.state();
        int[] next = epoch(order, rng);
        SampleOrder resumed = SampleOrder.shuffled(6);
        resumed.restore(saved);
        Rng again = new Rng(0);
        again.setState(state);
        assertArrayEquals(next, epoch(resumed, again));
        assertRefused("the saved sample order has 2 entries but the data has 6 samples",
                () -> resumed.restore(new int[] {1, 0}));
    }

    @Test
    void copyRowsGathersTheRowsInEpochOrder() {
        SampleOrder order = SampleOrder.explicit(List.of(3, 1, 2), 3);
        float[] source = {10, 11, 20, 21, 30, 31};
        float[] target = new float[4];
        order.copyRows(source, 2, 1, 2, target);
        assertArrayEquals(new float[] {10, 11, 20, 21}, target);
    }

    @Test
    void orderNamingASampleBeyondTheLastIsRefused() {
        assertRefused("the sample order 3, 4, 1, 5 names sample 5, but there are only 4 samples (numbered 1 to 4)",
                () -> SampleOrder.explicit(List.of(3, 4, 1, 5), 4));
        assertRefused("the sample order 2 names sample 2, but there is only 1 sample",
                () -> SampleOrder.explicit(List.of(2), 1));
    }

    @Test
    void orderNamingASampleTwiceIsRefused() {
        assertRefused("the sample order 3, 3, 1, 2 names sample 3 more than once; each sample must appear exactly"
                + " once", () -> SampleOrder.explicit(List.of(3, 3, 1, 2), 4));
    }

    @Test
    void zeroBasedOrderIsRefusedBecauseSamplesCountFromOne() {
        assertRefused("the sample order 2, 3, 0, 1 contains 0, which is not a sample number; samples are numbered"
                + " from 1", () -> SampleOrder.explicit(List.of(2, 3, 0, 1), 4));
    }

    @Test
    void orderLeavingOutSamplesIsRefused() {
        assertRefused("the sample order 3, 1 leaves out samples 2 and 4; every epoch must visit each sample"
                + " exactly once", () -> SampleOrder.explicit(List.of(3, 1), 4));
        assertRefused("the sample order 3, 1, 4 leaves out sample 2; every epoch must visit each sample"
                + " exactly once", () -> SampleOrder.explicit(List.of(3, 1, 4), 4));
    }

    @Test
    void emptyOrderIsRefused() {
        assertRefused("the explicit sample order is empty; name every sample once, counting from 1, e.g. 3, 4, 1, 2",
                () -> SampleOrder.explicit(List.of(), 4));
    }
}
