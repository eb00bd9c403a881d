package studio.backprop.kernels;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a body over [0, n) in fixed chunks that {@link KernelPool} slices take one at a time, so a slice whose
 * core is busy (the UI thread, another process) simply takes fewer chunks instead of holding up the call.
 *
 * <p>As with {@link KernelPool} slices, where chunks start depends on the thread count, so callers must make
 * each element's arithmetic independent of chunk boundaries (the GEMM kernels split only at register-block
 * rows); which thread runs a chunk never matters.
 */
final class DynamicSplit {

    /** Chunks per thread: enough to even out a busy core, few enough to keep per-chunk costs small. */
    private static final int CHUNKS_PER_THREAD = 4;

    private DynamicSplit() {
    }

    /**
     * Runs {@code body} over [0, n) in chunks of {@link #chunkSize} elements, on as many threads as
     * {@code KernelPool.parallelFor(n, grain, ...)} would use.
     *
     * @param grain    minimum number of elements worth a thread of its own
     * @param minChunk smallest chunk worth handing out
     */
    static void run(int n, int grain, int minChunk, KernelPool.RangeBody body) {
        int workers = Math.min(KernelPool.threads(), Math.max(1, n / Math.max(1, grain)));
        if (workers <= 1) {
            body.run(0, n);
            return;
        }
        Split split = SPLITS.get();
        if (split.body != null) {
            split = new Split();
        }
        split.n = n;
        split.chunk = chunkSize(n, workers, minChunk);
        split.chunks = (n + split.chunk - 1) / split.chunk;
        split.next.set(0);
        split.body = body;
        try {
            KernelPool.parallelFor(workers, 1, split);
        } finally {
            split.body = null;
        }
    }

    /** The calling thread's reusable chunk dispenser (a counter and a lambda per call before). */
    private static final class Split implements KernelPool.RangeBody {
        final AtomicInteger next = new AtomicInteger();
        int n;
        int chunk;
        int chunks;
        KernelPool.RangeBody body;

        @Override
        public void run(int start, int end) {
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                body.run(c * chunk, Math.min(n, (c + 1) * chunk));
            }
        }
    }

    private static final ThreadLocal<Split> SPLITS = ThreadLocal.withInitial(Split::new);

    /** Size of each chunk when n elements are shared by {@code workers} threads. */
    static int chunkSize(int n, int workers, int minChunk) {
        int target = (n + workers * CHUNKS_PER_THREAD - 1) / (workers * CHUNKS_PER_THREAD);
        return Math.max(Math.max(1, minChunk), target);
    }
}
