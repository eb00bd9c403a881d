package studio.backprop.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;

class BatchesTest {

    private final Dataset data = SplitsTest.numbered(10, 2);

    /** The sample ids of one epoch, batch by batch, read back from the filled tensors. */
    private static int[] epochIds(Batches b) {
        b.startEpoch();
        int[] seen = new int[0];
        for (int i = 0; i < b.batchCount(); i++) {
            Tensor x = b.newFeatures(b.batchRows(i));
            Tensor y = b.newTargets(b.batchRows(i));
            b.fill(i, x, y);
            int base = seen.length;
            seen = Arrays.copyOf(seen, base + x.size());
            for (int r = 0; r < x.size(); r++) {
                seen[base + r] = (int) x.buffer()[r];
                assertEquals(1f, y.buffer()[r * 2 + seen[base + r] % 2], "target row follows its sample");
            }
        }
        return seen;
    }

    @Test
    void shuffledEpochsCoverEverySampleOnceAndReshuffle() {
        Batches b = Batches.shuffled(data, 4, new Rng(11));
        assertEquals(3, b.batchCount());
        int[] first = epochIds(b);
        int[] second = epochIds(b);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, Arrays.stream(first).sorted().toArray());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, Arrays.stream(second).sorted().toArray());
        assertFalse(Arrays.equals(first, second), "a new order each epoch");
        assertEquals(2, b.epoch());
    }

    @Test
    void sameSeedSameOrderAndTheRngStateResumesAnEpoch() {
        Batches a = Batches.shuffled(data, 3, new Rng(4));
        Batches b = Batches.shuffled(data, 3, new Rng(4));
        assertArrayEquals(epochIds(a), epochIds(b));
        Rng rng = new Rng(4);
        Batches c = Batches.shuffled(data, 3, rng);
        epochIds(c);
        long saved = rng.state();
        int[] previous = c.order();
        int[] next = epochIds(c);
        Batches resumed = Batches.shuffled(data, 3, new Rng(0));
        resumed.resume(previous, saved);
        assertArrayEquals(next, epochIds(resumed));
    }

    @Test
    void lastPartialBatchKeptOrDropped() {
        Batches kept = Batches.sequential(data, 4);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, epochIds(kept));
        assertEquals(2, kept.batchRows(2));
        Batches dropped = Batches.sequential(data, 4).dropLast(true);
        assertEquals(2, dropped.batchCount());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, epochIds(dropped));
    }

    @Test
    void explicitOrderIsFollowedEveryEpoch() {
        Dataset four = SplitsTest.numbered(4, 2);
        Batches b = Batches.explicit(four, 1, 3, 1, 4, 2);
        assertArrayEquals(new int[] {2, 0, 3, 1}, epochIds(b), "sample numbers count from 1");
        assertArrayEquals(new int[] {2, 0, 3, 1}, epochIds(b));
        int[] labels = new int[1];
        b.fillLabels(2, labels);
        assertEquals(1, labels[0]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Batches.explicit(four, 1, 3, 1, 5, 2));
        assertEquals(four.name() + ": the sample order 3, 1, 5, 2 names sample 5, but there are only 4 samples "
                + "(numbered 1 to 4)", e.getMessage());
    }

    @Test
    void alternativeTargetsAndWrongTensorsInWords() {
        Dataset gate = GateTable.XOR.dataset(LabelLevels.MINUS_ONE_PLUS_ONE);
        Batches b = Batches.sequential(gate, 4).targets(gate.binaryTargets());
        b.startEpoch();
        Tensor y = b.newTargets(4);
        b.fill(0, b.newFeatures(4), y);
        assertArrayEquals(new float[] {-1, 1, 1, -1}, y.buffer());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.fill(0, Tensor.zeros(3, 2), y));
        assertTrue(e.getMessage().contains("4 rows"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> Batches.sequential(gate, 2).fill(0, y, y));
    }

    @Test
    void steadyStateBatchesAllocateNothing() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "this JVM cannot count allocated bytes");
        Dataset blobs = Generators.blobs(1000, 3, 0.1, 2);
        Batches b = Batches.shuffled(blobs, 32, new Rng(8));
        Tensor x = b.newFeatures(32);
        Tensor y = b.newTargets(32);
        Tensor lastX = b.newFeatures(1000 % 32);
        Tensor lastY = b.newTargets(1000 % 32);
        int[] labels = new int[32];
        Runnable epoch = () -> {
            b.startEpoch();
            int last = b.batchCount() - 1;
            for (int i = 0; i < last; i++) {
                b.fill(i, x, y);
                b.fillLabels(i, labels);
            }
            b.fill(last, lastX, lastY);
        };
        for (int i = 0; i < 200; i++) {
            epoch.run();
        }
        // The least of three rounds, so one stray JVM-internal allocation cannot fail the test.
        long least = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 50; i++) {
                epoch.run();
            }
            least = Math.min(least, threads.getCurrentThreadAllocatedBytes() - before);
        }
        assertTrue(least < 1000, "50 epochs of 32 batches allocated " + least + " bytes");
    }
}
