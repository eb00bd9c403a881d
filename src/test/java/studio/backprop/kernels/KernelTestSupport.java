package studio.backprop.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.function.Supplier;

/** Shared helpers for the kernel tests: random data, tolerant comparison, dot products, thread sweeps. */
final class KernelTestSupport {

    static final int[] THREAD_COUNTS = {1, 2, 3, 7};

    private KernelTestSupport() {
    }

    static float[] random(Random rnd, int size) {
        float[] a = new float[size];
        for (int i = 0; i < size; i++) {
            a[i] = rnd.nextFloat() * 2f - 1f;
        }
        return a;
    }

    /** The rows×cols row-major matrix x stored as its cols×rows transpose. */
    static float[] transpose(float[] x, int rows, int cols) {
        float[] t = new float[x.length];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + r] = x[r * cols + j];
            }
        }
        return t;
    }

    /** Distinct values (a shuffled ramp) so max pooling never meets a tie and finite differences stay local. */
    static float[] distinct(Random rnd, int size) {
        float[] a = new float[size];
        for (int i = 0; i < size; i++) {
            a[i] = (i - size / 2f) * 0.05f;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            float t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    /** Element-wise |a − e| ≤ tol·(1 + |e|). */
    static void assertClose(float[] expected, float[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i];
            if (Math.abs(actual[i] - e) > tol * (1 + Math.abs(e))) {
                throw new AssertionError(what + ": element " + i + " expected " + e + " but was " + actual[i]);
            }
        }
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    /** Runs {@code kernel} under each thread count and requires the same bits every time; restores the pool. */
    static void assertSameForAllThreadCounts(String what, Supplier<float[]> kernel) {
        int saved = KernelPool.threads();
        try {
            KernelPool.setThreads(1);
            float[] first = kernel.get();
            for (int t : THREAD_COUNTS) {
                KernelPool.setThreads(t);
                assertArrayEquals(first, kernel.get(), what + " with " + t + " threads");
            }
        } finally {
            KernelPool.setThreads(saved);
        }
    }

    /** A scalar loss L(x) = Σ f(x)·r evaluated in double; used for central differences. */
    @FunctionalInterface
    interface Loss {
        double at(float[] x);
    }

    /**
     * Checks analytic gradient {@code grad} of {@code loss} at {@code x} by central differences on up to
     * {@code samples} coordinates: (L(x + h·e_i) − L(x − h·e_i)) / 2h.
     */
    static void assertGradient(String what, float[] x, float[] grad, Loss loss, float h, double tol, int samples,
                               Random rnd) {
        int checks = Math.min(samples, x.length);
        for (int s = 0; s < checks; s++) {
            int i = checks == x.length ? s : rnd.nextInt(x.length);
            float saved = x[i];
            x[i] = saved + h;
            double plus = loss.at(x);
            x[i] = saved - h;
            double minus = loss.at(x);
            x[i] = saved;
            double numeric = (plus - minus) / ((double) (saved + h) - (double) (saved - h));
            if (Math.abs(numeric - grad[i]) > tol * (1 + Math.abs(numeric))) {
                throw new AssertionError(what + ": d/dx[" + i + "] analytic " + grad[i] + " numeric " + numeric);
            }
        }
    }

    /** A GEMM with the contract of {@link Gemm#gemm}. */
    @FunctionalInterface
    interface GemmCall {
        void run(boolean transA, boolean transB, int m, int n, int k, float[] a, int aOff, float[] b, int bOff,
                 float[] c, int cOff, boolean accumulate);
    }

    /**
     * Runs {@code kernel} and the reference on random operands, A at offset {@code shift}, B at 2·shift + 1 and
     * ending exactly where its array ends (so kernels that read whole vectors must stop before it), C at 3 with a
     * random start, and requires the same results to 1e-5·√k.
     */
    static void assertMatchesReference(GemmCall kernel, boolean transA, boolean transB, boolean accumulate, int m,
                                       int n, int k, int shift, Random rnd) {
        int aOff = shift;
        int bOff = 2 * shift + 1;
        float[] a = random(rnd, aOff + m * k);
        float[] b = random(rnd, bOff + k * n);
        float[] start = random(rnd, 3 + m * n);
        float[] expected = start.clone();
        float[] actual = start.clone();
        Gemm.gemmReference(transA, transB, m, n, k, a, aOff, b, bOff, expected, 3, accumulate);
        kernel.run(transA, transB, m, n, k, a, aOff, b, bOff, actual, 3, accumulate);
        assertClose(expected, actual, 1e-5 * Math.sqrt(k),
                m + "×" + n + "×" + k + " transA=" + transA + " transB=" + transB + " acc=" + accumulate);
    }
}
