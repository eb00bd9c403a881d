package studio.backprop.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** The spinning hand-off of {@link KernelPool}: coverage, nesting, concurrent callers and failures. */
class KernelPoolTest {

    @Test
    void everyIndexRunsExactlyOnceForAnyThreadCount() {
        for (int t : new int[] {1, 2, 3, 7, KernelPool.MAX_SLICES + 3}) {
            Threads.with(t, () -> {
                for (int n : new int[] {1, 2, 5, 64, 1000, 4099}) {
                    for (int rep = 0; rep < 50; rep++) {
                        AtomicIntegerArray hits = new AtomicIntegerArray(n);
                        KernelPool.parallelFor(n, 1, (s, e) -> {
                            for (int i = s; i < e; i++) {
                                hits.incrementAndGet(i);
                            }
                        });
                        for (int i = 0; i < n; i++) {
                            assertEquals(1, hits.get(i), "n=" + n + " index " + i + " with " + t + " threads");
                        }
                    }
                }
                return null;
            });
        }
    }

    @Test
    void nestedLoopsRunInlineAndStillCoverEverything() {
        Threads.with(2, () -> {
            AtomicIntegerArray hits = new AtomicIntegerArray(64 * 64);
            KernelPool.parallelFor(64, 1, (s, e) -> {
                for (int i = s; i < e; i++) {
                    int row = i;
                    KernelPool.parallelFor(64, 1, (s2, e2) -> {
                        for (int j = s2; j < e2; j++) {
                            hits.incrementAndGet(row * 64 + j);
                        }
                    });
                }
            });
            for (int i = 0; i < hits.length(); i++) {
                assertEquals(1, hits.get(i), "element " + i);
            }
            return null;
        });
    }

    @Test
    void concurrentCallersEachGetTheirWholeRange() {
        Threads.with(2, () -> {
            Thread[] callers = new Thread[3];
            AtomicIntegerArray[] hits = new AtomicIntegerArray[callers.length];
            for (int c = 0; c < callers.length; c++) {
                AtomicIntegerArray h = new AtomicIntegerArray(997);
                hits[c] = h;
                callers[c] = new Thread(() -> {
                    for (int rep = 0; rep < 200; rep++) {
                        KernelPool.parallelFor(997, 1, (s, e) -> {
                            for (int i = s; i < e; i++) {
                                h.incrementAndGet(i);
                            }
                        });
                    }
                });
                callers[c].start();
            }
            for (Thread t : callers) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            for (AtomicIntegerArray h : hits) {
                for (int i = 0; i < h.length(); i++) {
                    assertEquals(200, h.get(i), "index " + i);
                }
            }
            return null;
        });
    }

    @Test
    void aFailingSliceIsRethrownToTheCallerAndThePoolKeepsWorking() {
        Threads.with(2, () -> {
            IllegalStateException boom = new IllegalStateException("boom");
            IllegalStateException thrown = assertThrows(IllegalStateException.class,
                    () -> KernelPool.parallelFor(100, 1, (s, e) -> {
                        if (s > 0) {
                            throw boom;
                        }
                    }));
            assertSame(boom, thrown);
            AtomicIntegerArray hits = new AtomicIntegerArray(100);
            KernelPool.parallelFor(100, 1, (s, e) -> {
                for (int i = s; i < e; i++) {
                    hits.incrementAndGet(i);
                }
            });
            for (int i = 0; i < 100; i++) {
                assertEquals(1, hits.get(i));
            }
            return null;
        });
    }
}
