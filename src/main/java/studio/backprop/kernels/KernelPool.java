package studio.backprop.kernels;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The engine's one thread pool: splits a kernel's output range into disjoint slices and runs them in parallel.
 *
 * <p>Work is always split over <em>outputs</em>, never over a reduction, so each output element is computed by
 * exactly one thread with the same sequence of arithmetic whatever the thread count: results are bit-identical
 * for 1, 2 or 64 threads. A range smaller than two grains runs on the calling thread, so small problems pay no
 * hand-off cost. A call made from inside a parallel loop (by a worker or by the caller's own slice) runs inline
 * (no nested parallelism, no deadlock), and so does a call from a second thread while the pool is busy.
 *
 * <p>The hand-off allocates nothing: the caller publishes the loop in a few fields and one atomic ticket
 * (generation, slice count, a bit per claimed slice), every participating thread claims slices from the ticket,
 * and the caller waits for a pending count to reach zero. Each thread first claims its own slice (the caller
 * slice 0, worker i slice i), then any slice still free, so a late or busy thread's slice is taken by another.
 * Loop after loop the same thread thus handles the same part of an output (a weight matrix's gradient rows are
 * zeroed, accumulated and applied by one core), where first-come claiming moved half of each step's buffers
 * from one core's cache to the other's (the MNIST MLP trains 7-12% faster on two threads this way). A loop has
 * at most {@link #MAX_SLICES} slices. Waking a parked thread takes 75-110 µs, longer than many kernels of a
 * training step, so idle workers first spin for {@link #SPIN_NANOS} (only when there are no more threads than
 * processors) and only then park; back-to-back kernels find them awake.
 *
 * <p>Never the common pool and never the JavaFX thread: only the trainer thread or the command line call kernels.
 */
public final class KernelPool {

    /** Body of a parallel loop: processes the half-open output range [start, end). */
    @FunctionalInterface
    public interface RangeBody {
        void run(int start, int end);
    }

    /** How long an idle worker keeps polling for the next loop before parking. */
    static final long SPIN_NANOS = 200_000;
    private static final int PROCESSORS = Runtime.getRuntime().availableProcessors();
    /** Slices of one loop at most: one bit each in the ticket. More threads than this leave the rest idle. */
    static final int MAX_SLICES = 32;
    private static final int GENERATION_SHIFT = 38;
    private static final int SLICES_SHIFT = 32;

    private static volatile int threads = PROCESSORS;

    /** Held by the thread running a parallel loop; others run inline meanwhile. */
    private static final AtomicBoolean BUSY = new AtomicBoolean();
    private static volatile Thread owner;
    /** generation (26 bits) | slice count (6 bits) | claimed slices (32 bits, bit i for slice i). */
    private static final AtomicLong TICKET = new AtomicLong();
    private static final AtomicInteger PENDING = new AtomicInteger();
    private static final AtomicReference<Throwable> FAILURE = new AtomicReference<>();
    /** The current loop; written before the ticket that publishes it, read only after claiming a slice. */
    private static RangeBody body;
    private static int count;
    private static int generation;
    private static volatile Worker[] workers = new Worker[0];

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

    /** Threads that asked to keep every kernel on themselves (see {@link #inline}). */
    private static final ThreadLocal<Boolean> INLINE = ThreadLocal.withInitial(() -> Boolean.FALSE);

    /**
     * Runs {@code work} with every kernel it calls kept on the calling thread. For work outside the trainer — the
     * views' small forward passes on the JavaFX thread — which must never wait for, or take, the pool's threads.
     */
    public static <T> T inline(java.util.function.Supplier<T> work) {
        boolean before = INLINE.get();
        INLINE.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            INLINE.set(before);
        }
    }

    /**
     * Whether {@link #parallelFor}{@code (n, grain, …)} may hand slices to other threads: more than one thread and
     * at least two grains. A caller that builds its loop body as a lambda asks first and, when not, runs the loop
     * itself: a capturing lambda is an allocation per call, on one thread too.
     */
    public static boolean splits(int n, int grain) {
        return Math.min(threads, MAX_SLICES) > 1 && n / Math.max(1, grain) >= 2;
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
        int slices = Math.min(Math.min(threads, MAX_SLICES), Math.max(1, n / Math.max(1, grain)));
        Thread me = Thread.currentThread();
        if (slices <= 1 || me instanceof Worker || owner == me || INLINE.get() || !BUSY.compareAndSet(false, true)) {
            body.run(0, n);
            return;
        }
        try {
            owner = me;
            run(n, slices, body);
        } finally {
            owner = null;
            BUSY.set(false);
        }
    }

    private static void run(int n, int slices, RangeBody loop) {
        ensureWorkers(slices - 1);
        body = loop;
        count = n;
        FAILURE.set(null);
        PENDING.set(slices);
        generation++;
        TICKET.set((long) (generation & 0x3ffffff) << GENERATION_SHIFT | (long) slices << SLICES_SHIFT);
        // Only the workers with a slice of their own: any others (left from a larger thread count) stay parked.
        Worker[] all = workers;
        for (int i = 0; i < slices - 1 && i < all.length; i++) {
            if (all[i].parked) {
                LockSupport.unpark(all[i]);
            }
        }
        while (claimAndRun(0)) {
            // The caller takes slices too.
        }
        int spins = 0;
        while (PENDING.get() != 0) {
            if (++spins < 1 << 16) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
        body = null;
        Throwable failure = FAILURE.getAndSet(null);
        if (failure instanceof RuntimeException re) {
            throw re;
        }
        if (failure instanceof Error err) {
            throw err;
        }
        if (failure != null) {
            throw new IllegalStateException("KernelPool: a kernel slice failed", failure);
        }
    }

    /**
     * Claims one slice of the published loop, {@code preferred} if it is still free and otherwise the lowest free
     * one, and runs it; false when every slice is claimed.
     */
    private static boolean claimAndRun(int preferred) {
        while (true) {
            long t = TICKET.get();
            int slices = (int) (t >>> SLICES_SHIFT) & 0x3f;
            long free = ~t & ((1L << slices) - 1);
            if (free == 0) {
                return false;
            }
            int next = preferred < slices && (free & 1L << preferred) != 0 ? preferred
                    : Long.numberOfTrailingZeros(free);
            if (TICKET.compareAndSet(t, t | 1L << next)) {
                // The slice was unclaimed, so the caller is still waiting for it: body and count are this loop's.
                int n = count;
                try {
                    body.run((int) ((long) n * next / slices), (int) ((long) n * (next + 1) / slices));
                } catch (Throwable e) {
                    FAILURE.compareAndSet(null, e);
                } finally {
                    PENDING.decrementAndGet();
                }
                return true;
            }
        }
    }

    private static void ensureWorkers(int needed) {
        Worker[] current = workers;
        if (current.length >= needed) {
            return;
        }
        synchronized (KernelPool.class) {
            current = workers;
            if (current.length >= needed) {
                return;
            }
            Worker[] grown = java.util.Arrays.copyOf(current, needed);
            for (int i = current.length; i < needed; i++) {
                grown[i] = new Worker(i + 1, TICKET.get() >>> GENERATION_SHIFT);
                grown[i].start();
            }
            workers = grown;
        }
    }

    /** A daemon thread that claims slices of published loops, spinning briefly between them. */
    private static final class Worker extends Thread {

        volatile boolean parked;
        /** The slice this worker claims first: the same part of every loop's output, loop after loop. */
        private final int home;
        /**
         * The generation published before this worker was made: the loop that made it comes next, and the worker
         * takes part in it (reading the ticket when the thread got going missed that loop).
         */
        private final long before;

        Worker(int index, long before) {
            super("backprop-kernel-" + index);
            this.home = index;
            this.before = before;
            setDaemon(true);
        }

        @Override
        public void run() {
            long seen = before;
            while (true) {
                long gen = TICKET.get() >>> GENERATION_SHIFT;
                if (gen != seen) {
                    seen = gen;
                    while (claimAndRun(home)) {
                        // Take slices until none is left in this loop.
                    }
                    continue;
                }
                awaitNext(seen);
            }
        }

        /** Returns once the ticket's generation differs from {@code seen} (or spuriously). */
        private void awaitNext(long seen) {
            if (threads <= PROCESSORS) {
                long deadline = System.nanoTime() + SPIN_NANOS;
                do {
                    for (int i = 0; i < 64; i++) {
                        if (TICKET.get() >>> GENERATION_SHIFT != seen) {
                            return;
                        }
                        Thread.onSpinWait();
                    }
                } while (System.nanoTime() < deadline);
            }
            parked = true;
            if (TICKET.get() >>> GENERATION_SHIFT == seen) {
                LockSupport.park(this);
            }
            parked = false;
        }
    }
}
