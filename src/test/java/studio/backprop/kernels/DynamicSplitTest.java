package studio.backprop.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DynamicSplitTest {

    private final int savedThreads = KernelPool.threads();

    @AfterEach
    void restoreThreads() {
        KernelPool.setThreads(savedThreads);
    }

    @Test
    void everyIndexIsVisitedExactlyOnceForAnyThreadCountAndSize() {
        for (int threads : new int[] {1, 2, 3, 7}) {
            KernelPool.setThreads(threads);
            for (int n : new int[] {1, 2, 5, 63, 64, 65, 1000}) {
                for (int grain : new int[] {1, 10}) {
                    AtomicIntegerArray visits = new AtomicIntegerArray(n);
                    DynamicSplit.run(n, grain, 3, (start, end) -> {
                        for (int i = start; i < end; i++) {
                            visits.incrementAndGet(i);
                        }
                    });
                    for (int i = 0; i < n; i++) {
                        assertEquals(1, visits.get(i), "index " + i + " of " + n + " with " + threads + " threads");
                    }
                }
            }
        }
    }

    @Test
    void chunksAreAboutFourPerThreadButNeverBelowTheMinimum() {
        assertEquals(64, DynamicSplit.chunkSize(512, 2, 16));
        assertEquals(16, DynamicSplit.chunkSize(64, 2, 16));
        assertEquals(1, DynamicSplit.chunkSize(3, 2, 0));
    }
}
