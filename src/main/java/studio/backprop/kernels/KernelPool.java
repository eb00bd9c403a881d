package studio.backprop.kernels;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engine's one thread pool: splits a kernel's output range into disjoint slices and runs them in parallel.
 *
 * <p>Work is always split over <em>outputs</em>, never over a reduction, so each output element is computed by
 * exactly one thread with the same sequence of arithmetic whatever the thread count: results are bit-identical
 * for 1, 2 or 64 threads. A range smaller than two grains runs on the calling thread, so small problems pay no
 * hand-off cost. A call made from inside a pool worker also runs inline (no nested parallelism, no deadlock).
 *
 * <p>Never the common pool and never the JavaFX thread: only the trainer thread or the command line call kernels.
 */
public final class KernelPool {

    /** Body of a parallel loop: processes the half-open output range [start, end). */
    @FunctionalInterface
    public interface RangeBody {
        void run(int start, int end);
    }

    private static final ThreadLocal<Boolean> IN_WORKER = ThreadLocal.withInitial(() -> Boolean.FALSE);
    private static volatile int threads = Runtime.getRuntime().availableProcessors();
    private static volatile ExecutorService executor;

    private KernelPool() {
    }

    /** Number of threads kernels may use (the caller counts as one). */
    public static int threads() {
        return threads;
    }

    /**
     * Sets how many threads kernels may use; 1 makes every kernel single-threaded.
     *
     * @throws IllegalArgumentException if {@code count < 1}
     */
    public static synchronized void setThreads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("KernelPool: thread count must be at least 1, got " + count);
        }
        threads = count;
    }

    /**
     * Runs {@code body} over [0, n) split into at most {@link #threads()} contiguous slices of at least
     * {@code grain} elements each. Slice boundaries depend on the thread count; per-element results must not.
     *
     * @param n     size of the output range
     * @param grain minimum number of elements worth handing to another thread (at least 1)
     */
    public static void parallelFor(int n, int grain, RangeBody body) {
        if (n <= 0) {
            return;
        }
        int slices = Math.min(threads, Math.max(1, n / Math.max(1, grain)));
        if (slices <= 1 || IN_WORKER.get()) {
            body.run(0, n);
            return;
        }
        ExecutorService pool = executor();
        List<Future<?>> pending = new ArrayList<>(slices - 1);
        for (int s = 1; s < slices; s++) {
            int start = (int) ((long) n * s / slices);
            int end = (int) ((long) n * (s + 1) / slices);
            pending.add(pool.submit(() -> runAsWorker(body, start, end)));
        }
        Throwable failure = null;
        try {
            body.run(0, (int) ((long) n / slices));
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        for (Future<?> f : pending) {
            try {
                f.get();
            } catch (ExecutionException e) {
                failure = failure == null ? e.getCause() : failure;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = failure == null ? e : failure;
            }
        }
        rethrow(failure);
    }

    /**
     * Runs {@code work} with every kernel it calls kept on the calling thread. For work outside the trainer — the
     * views' small forward passes on the JavaFX thread — which must never wait for pool threads busy training.
     */
    public static <T> T inline(java.util.function.Supplier<T> work) {
        boolean before = IN_WORKER.get();
        IN_WORKER.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            IN_WORKER.set(before);
        }
    }

    private static void runAsWorker(RangeBody body, int start, int end) {
        IN_WORKER.set(Boolean.TRUE);
        try {
            body.run(start, end);
        } finally {
            IN_WORKER.set(Boolean.FALSE);
        }
    }

    private static void rethrow(Throwable failure) {
        if (failure == null) {
            return;
        }
        if (failure instanceof RuntimeException re) {
            throw re;
        }
        if (failure instanceof Error err) {
            throw err;
        }
        throw new IllegalStateException("KernelPool: a kernel slice was interrupted", failure);
    }

    private static ExecutorService executor() {
        ExecutorService pool = executor;
        if (pool == null) {
            synchronized (KernelPool.class) {
                pool = executor;
                if (pool == null) {
                    AtomicInteger counter = new AtomicInteger();
                    int max = Math.max(1, Runtime.getRuntime().availableProcessors() * 2);
                    pool = Executors.newFixedThreadPool(max, r -> {
                        Thread t = new Thread(r, "backprop-kernel-" + counter.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
                    executor = pool;
                }
            }
        }
        return pool;
    }
}
