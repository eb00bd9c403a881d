package studio.backprop.kernels;

import java.util.Arrays;

/**
 * Whole-buffer passes that every training step makes over its largest arrays: zeroing the gradient buffers before
 * a backward pass, and the finite-value guard over each op's output. On a LeNet-5 step these were a tenth of the
 * calling thread's time while the other core waited; large buffers are now cut into disjoint ranges for the
 * {@link KernelPool}. A fill gives the same array whatever the split, and the finite test is an AND over ranges.
 *
 * <p>Shapes: a flat range [from, to) of {@code d}. Modified: d (fill only).
 */
public final class BufferSweep {

    /** Floats worth handing to another thread: about 5 µs of zeroing or testing. */
    private static final int GRAIN = 1 << 15;

    private BufferSweep() {
    }

    /** d[from..to) = value. */
    public static void fill(float[] d, int from, int to, float value) {
        int n = to - from;
        if (n < 2 * GRAIN || KernelPool.threads() == 1) {
            Arrays.fill(d, from, to, value);
            return;
        }
        Sweep job = JOBS.get();
        job.set(d, from, value, false);
        try {
            KernelPool.parallelFor(n, GRAIN, job);
        } finally {
            job.d = null;
        }
    }

    /** True when no element of d is NaN or ±∞ ({@link Elementwise#allFinite} on each range). */
    public static boolean allFinite(float[] d) {
        if (d.length < 2 * GRAIN || KernelPool.threads() == 1) {
            return Elementwise.allFinite(d, 0, d.length);
        }
        Sweep job = JOBS.get();
        job.set(d, 0, 0f, true);
        try {
            KernelPool.parallelFor(d.length, GRAIN, job);
            return !job.foundNonFinite;
        } finally {
            job.d = null;
        }
    }

    /** The calling thread's reusable loop body: a fill, or a finite test that records any failure. */
    private static final class Sweep implements KernelPool.RangeBody {
        float[] d;
        int from;
        float value;
        boolean test;
        volatile boolean foundNonFinite;

        void set(float[] d, int from, float value, boolean test) {
            this.d = d;
            this.from = from;
            this.value = value;
            this.test = test;
            this.foundNonFinite = false;
        }

        @Override
        public void run(int start, int end) {
            if (!test) {
                Arrays.fill(d, from + start, from + end, value);
            } else if (!Elementwise.allFinite(d, from + start, from + end)) {
                foundNonFinite = true;
            }
        }
    }

    private static final ThreadLocal<Sweep> JOBS = ThreadLocal.withInitial(Sweep::new);
}
