package studio.backprop.kernels;

import java.util.function.Supplier;

/** Runs a computation under a given kernel thread count and restores the previous count. */
public final class Threads {

    private Threads() {
    }

    public static <T> T with(int count, Supplier<T> work) {
        int before = KernelPool.threads();
        KernelPool.setThreads(count);
        try {
            return work.get();
        } finally {
            KernelPool.setThreads(before);
        }
    }
}
