package studio.backprop.kernels;

import java.util.function.Supplier;

/**
 * A parallel loop's body that its thread keeps and reuses. Handing {@link KernelPool#parallelFor} a capturing
 * lambda allocates one object per call; on two threads that was 56-991 bytes a training step for the
 * benchmark's sequence and convolution rows. A subclass holds the loop's arguments in fields: the kernel claims
 * its thread's instance, sets the fields, and calls {@link #runOver}, which forgets the caller's arrays when the
 * loop is done.
 */
abstract class ReusableLoop implements KernelPool.RangeBody {

    private boolean inUse;

    /**
     * The calling thread's loop from {@code own}, or a fresh one when the thread's own is still running a loop (a
     * kernel called from inside another kernel's loop body).
     */
    static <T extends ReusableLoop> T claim(ThreadLocal<T> own, Supplier<T> fresh) {
        T loop = own.get();
        if (((ReusableLoop) loop).inUse) {
            loop = fresh.get();
        }
        ((ReusableLoop) loop).inUse = true;
        return loop;
    }

    /** Runs the body over [0, n) on the pool (slices of at least {@code grain}), then lets go of the arguments. */
    final void runOver(int n, int grain) {
        try {
            KernelPool.parallelFor(n, grain, this);
        } finally {
            release();
            inUse = false;
        }
    }

    /** Drops the references to the caller's arrays, so that a finished loop keeps no buffer alive. */
    abstract void release();
}
