package studio.backprop.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BufferSweepTest {

    private static final int LARGE = 300_001;

    @Test
    void fillWritesExactlyTheRangeOnAnyThreadCount() {
        for (int threads : new int[] {1, 2, 3}) {
            float[] d = new float[LARGE];
            Arrays.fill(d, 7f);
            Threads.with(threads, () -> {
                BufferSweep.fill(d, 5, LARGE - 3, 0f);
                return null;
            });
            float[] expected = new float[LARGE];
            Arrays.fill(expected, 7f);
            Arrays.fill(expected, 5, LARGE - 3, 0f);
            assertArrayEquals(expected, d, "threads=" + threads);
        }
    }

    @Test
    void allFiniteFindsANonFiniteValueInAnyThreadsRange() {
        float[] bad = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
        for (int threads : new int[] {1, 2}) {
            float[] d = new float[LARGE];
            Arrays.fill(d, Float.MAX_VALUE);
            assertEquals(true, Threads.with(threads, () -> BufferSweep.allFinite(d)), "finite, threads=" + threads);
            for (int at : new int[] {0, LARGE / 2 - 1, LARGE / 2 + 1, LARGE - 1}) {
                for (float v : bad) {
                    d[at] = v;
                    assertEquals(false, Threads.with(threads, () -> BufferSweep.allFinite(d)),
                            v + " at " + at + ", threads=" + threads);
                    d[at] = -Float.MAX_VALUE;
                }
            }
        }
    }
}
