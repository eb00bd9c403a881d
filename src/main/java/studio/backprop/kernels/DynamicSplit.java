package studio.backprop.kernels;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Runs a body over [0, n) in fixed chunks, so that a thread whose core is busy (the UI thread, another process)
 * simply takes fewer chunks instead of holding up the call.
 *
 * <p>Each {@link KernelPool} slice owns a contiguous run of chunks, which it takes from the front; once its own
 * run is done it takes what is left of the others' from their backs. Since a pool thread claims the same slice in
 * every loop, the same thread handles the same rows call after call (a weight gradient's rows stay in one core's
 * cache between the kernel that accumulates them and the update that reads them), and a late thread's chunks are
 * still shared out.
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
        int workers = Math.min(Math.min(KernelPool.threads(), KernelPool.MAX_SLICES),
                Math.max(1, n / Math.max(1, grain)));
        if (workers <= 1) {
            body.run(0, n);
            return;
        }
        Split split = SPLITS.get();
        if (split.body != null) {
            split = new Split();
        }
        split.set(n, chunkSize(n, workers, minChunk), workers, body);
        try {
            KernelPool.parallelFor(workers, 1, split);
        } finally {
            split.body = null;
        }
    }

    /**
     * The calling thread's reusable chunk dispenser. Run i holds chunks [front, back) packed as
     * {@code front << 32 | back}: its owner takes the front chunk, others take the back one.
     */
    private static final class Split implements KernelPool.RangeBody {
        final AtomicLongArray runs = new AtomicLongArray(KernelPool.MAX_SLICES);
        int n;
        int chunk;
        int slices;
        KernelPool.RangeBody body;

        void set(int n, int chunk, int slices, KernelPool.RangeBody body) {
            this.n = n;
            this.chunk = chunk;
            this.slices = slices;
            int chunks = (n + chunk - 1) / chunk;
            for (int i = 0; i < slices; i++) {
                long front = (long) chunks * i / slices;
                long back = (long) chunks * (i + 1) / slices;
                runs.set(i, front << 32 | back);
            }
            this.body = body;
        }

        /** Runs slice {@code start}'s own chunks, then the chunks other slices have not reached yet. */
        @Override
        public void run(int start, int end) {
            for (int c = take(start, true); c >= 0; c = take(start, true)) {
                runChunk(c);
            }
            for (int i = 1; i < slices; i++) {
                int other = (start + i) % slices;
                for (int c = take(other, false); c >= 0; c = take(other, false)) {
                    runChunk(c);
                }
            }
        }

        private void runChunk(int c) {
            body.run(c * chunk, Math.min(n, (c + 1) * chunk));
        }

        /** Takes run {@code run}'s front chunk (its owner) or back chunk (any other slice); -1 when it is empty. */
        private int take(int run, boolean fromFront) {
            while (true) {
                long r = runs.get(run);
                int front = (int) (r >>> 32);
                int back = (int) r;
                if (front >= back) {
                    return -1;
                }
                if (runs.compareAndSet(run, r, fromFront ? r + (1L << 32) : r - 1)) {
                    return fromFront ? front : back - 1;
                }
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
