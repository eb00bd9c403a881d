package studio.backprop.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
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
        for (int threads : new int[] {1, 2, 3, 7, KernelPool.MAX_SLICES + 3}) {
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
    @SuppressWarnings("unchecked")
    void aSlowThreadsOwnChunksAreTakenByAnother() {
        KernelPool.setThreads(2);
        // 64 elements in chunks of 8: slice 0 owns chunks 0-3 (elements 0-31), slice 1 chunks 4-7.
        Set<String>[] ranBy = new Set[64];
        for (int i = 0; i < ranBy.length; i++) {
            ranBy[i] = ConcurrentHashMap.newKeySet();
        }
        // Whichever thread reaches slice 0's run first (its owner from the front, or the other thread stealing
        // from the back when the owner starts late) is held up there; the rest of that run must go to the other.
        AtomicBoolean holdUp = new AtomicBoolean(true);
        DynamicSplit.run(64, 1, 8, (start, end) -> {
            if (start < 32 && holdUp.getAndSet(false)) {
                LockSupport.parkNanos(300_000_000L);
            }
            for (int i = start; i < end; i++) {
                ranBy[i].add(Thread.currentThread().getName());
            }
        });
        Set<String> slowRun = new HashSet<>();
        for (int i = 0; i < 32; i++) {
            assertEquals(1, ranBy[i].size(), "element " + i);
            slowRun.addAll(ranBy[i]);
        }
        assertTrue(slowRun.size() == 2, "the run behind a 300 ms chunk was left to one thread: " + slowRun);
    }

    @Test
    void chunksAreAboutFourPerThreadButNeverBelowTheMinimum() {
        assertEquals(64, DynamicSplit.chunkSize(512, 2, 16));
        assertEquals(16, DynamicSplit.chunkSize(64, 2, 16));
        assertEquals(1, DynamicSplit.chunkSize(3, 2, 0));
    }
}
