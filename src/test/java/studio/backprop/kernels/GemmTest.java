package studio.backprop.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

// Small shapes first: they get the kernels compiled cheaply before the large thread-count test runs them.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GemmTest {

    /** A GEMM entry point with the {@link Gemm#gemm} signature. */
    @FunctionalInterface
    interface Kernel {
        void run(boolean transA, boolean transB, int m, int n, int k,
                 float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, boolean accumulate);
    }

    private static final int[][] SHAPES = {
        {1, 1, 1}, {1, 5, 3}, {4, 1, 9}, {2, 3, 1}, {7, 13, 17}, {31, 33, 65}, {33, 31, 7}, {65, 127, 33},
        {1, 200, 70}, {150, 1, 90}, {64, 2, 4}, {64, 4, 2}, {16, 32, 16}, {17, 47, 300}, {127, 65, 513},
        {96, 40, 260}, {1, 90, 40}, {37, 1, 5}, {300, 1, 50}, {2, 300, 40},
        {100, 16, 50}, {45, 9, 70}, {9, 17, 280}, {64, 70, 100}, {256, 40, 300}, {200, 300, 530},
        // n a multiple of 64 with m > MC (288): B is packed (not read in place), a row of B at a time across its panels
        {300, 192, 530}, {300, 128, 90},
        // matrix-vector products whose rows have at most eight terms (a Playground network's last layer)
        {500, 1, 4}, {401, 1, 3}, {600, 1, 2}, {1100, 1, 1}, {1, 500, 4}, {1, 401, 3}, {500, 1, 8}, {300, 1, 7},
        {1, 300, 6}, {250, 1, 5},
        // an MLP's weight gradient Xᵀ·δ for a batch of 64 (with transA, A's twelve-row panels copied a vector a step)
        {784, 128, 64}
    };

    private final int savedThreads = KernelPool.threads();

    @AfterEach
    void restoreThreads() {
        KernelPool.setThreads(savedThreads);
    }

    static Stream<Arguments> kernels() {
        List<Arguments> list = new ArrayList<>();
        list.add(Arguments.of("gemm", (Kernel) Gemm::gemm));
        list.add(Arguments.of("plain", (Kernel) Gemm::gemmPlain));
        if (Gemm.vectorAvailable()) {
            list.add(Arguments.of("vector", (Kernel) Gemm::gemmVector));
        }
        return list.stream();
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void matchesReferenceOnAwkwardShapesAllTranspositionsOffsetsAndAccumulate(String name, Kernel kernel) {
        SplittableRandom rnd = new SplittableRandom(name.hashCode());
        for (int[] s : SHAPES) {
            for (int t = 0; t < 4; t++) {
                boolean accumulate = rnd.nextBoolean();
                checkAgainstReference(kernel, s[0], s[1], s[2], (t & 1) != 0, (t & 2) != 0, accumulate, rnd);
            }
        }
    }

    @Test
    void vectorPathIsTheDefaultWhenTheModuleIsPresent() {
        assumeTrue(Gemm.vectorAvailable() && System.getProperty("backprop.vector") == null);
        assertEquals(Gemm.VECTOR, Gemm.implementation());
        assertTrue(Gemm.describe().startsWith(Gemm.VECTOR));
    }

    @Test
    void agreesWithEjml() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int[] s : new int[][] {{8, 8, 8}, {45, 61, 37}, {128, 96, 200}}) {
            FMatrixRMaj a = new FMatrixRMaj(s[0], s[2], true, random(rnd, s[0] * s[2]));
            FMatrixRMaj b = new FMatrixRMaj(s[2], s[1], true, random(rnd, s[2] * s[1]));
            FMatrixRMaj expected = new FMatrixRMaj(s[0], s[1]);
            CommonOps_FDRM.mult(a, b, expected);
            float[] c = new float[s[0] * s[1]];
            Gemm.gemm(false, false, s[0], s[1], s[2], a.data, 0, b.data, 0, c, 0, false);
            float[] bound = absProductBound(false, false, s[0], s[1], s[2], a.data, 0, b.data, 0);
            assertClose(expected.data, 0, c, 0, bound, "EJML " + s[0] + "×" + s[1] + "×" + s[2]);
        }
    }

    @Order(2)
    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void bitIdenticalForAnyThreadCount(String name, Kernel kernel) {
        SplittableRandom rnd = new SplittableRandom(11);
        // Big enough that every kernel gives each of up to 7 threads work of its own, with both k-blocks
        // used; n = 33 takes the two-vector tiles with an edge, n = 10 the narrow one-vector tiles.
        int k = 300;
        for (int t = 0; t < 8; t++) {
            int m = t < 4 ? 6001 : 20001;
            int n = t < 4 ? 33 : 10;
            boolean transA = (t & 1) != 0;
            boolean transB = (t & 2) != 0;
            float[] a = random(rnd, m * k);
            float[] b = random(rnd, k * n);
            float[] c0 = random(rnd, m * n);
            float[] expected = null;
            for (int threads : new int[] {1, 2, 3, 7}) {
                KernelPool.setThreads(threads);
                float[] c = c0.clone();
                kernel.run(transA, transB, m, n, k, a, 0, b, 0, c, 0, t % 2 == 0);
                if (expected == null) {
                    expected = c;
                } else {
                    assertArrayEquals(expected, c, name + " with " + threads + " threads, transA=" + transA
                            + ", transB=" + transB + ", n=" + n);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void operandsMayShareOneArrayWhenDisjoint(String name, Kernel kernel) {
        SplittableRandom rnd = new SplittableRandom(3);
        int m = 37;
        int n = 41;
        int k = 29;
        float[] all = random(rnd, m * k + k * n + m * n);
        float[] original = all.clone();
        float[] expected = all.clone();
        int bOff = m * k;
        int cOff = bOff + k * n;
        Gemm.gemmReference(false, true, m, n, k, expected, 0, expected, bOff, expected, cOff, true);
        kernel.run(false, true, m, n, k, all, 0, all, bOff, all, cOff, true);
        float[] bound = absProductBound(false, true, m, n, k, original, 0, original, bOff);
        for (int i = 0; i < bound.length; i++) {
            bound[i] += Math.abs(original[cOff + i]);
        }
        assertClose(expected, cOff, all, cOff, bound, name + " with A, B and C in one array");
        assertArrayEquals(Arrays.copyOf(original, cOff), Arrays.copyOf(all, cOff), "A and B must not change");
    }

    @Test
    void emptyProductsClearOrKeepC() {
        float[] c = {1f, 2f, 3f, 4f};
        Gemm.gemm(false, false, 2, 2, 0, new float[0], 0, new float[0], 0, c, 0, true);
        assertArrayEquals(new float[] {1f, 2f, 3f, 4f}, c);
        Gemm.gemm(false, false, 2, 2, 0, new float[0], 0, new float[0], 0, c, 0, false);
        assertArrayEquals(new float[4], c);
        Gemm.gemm(false, false, 0, 5, 3, new float[0], 0, new float[15], 0, new float[0], 0, false);
    }

    @Test
    void rejectsBadArgumentsWithAMessageNamingTheOpAndShapes() {
        float[] big = new float[100];
        IllegalArgumentException shortA = assertThrows(IllegalArgumentException.class,
                () -> Gemm.gemm(false, false, 4, 5, 6, new float[23], 0, big, 0, new float[20], 0, false));
        assertMessage(shortA, "gemm", "A", "4×6", "24", "23");
        IllegalArgumentException shortB = assertThrows(IllegalArgumentException.class,
                () -> Gemm.gemm(false, true, 4, 5, 6, big, 0, new float[30], 1, new float[20], 0, false));
        assertMessage(shortB, "gemm", "B", "5×6", "offset 1", "31");
        IllegalArgumentException shortC = assertThrows(IllegalArgumentException.class,
                () -> Gemm.gemmPlain(false, false, 4, 5, 6, big, 0, big.clone(), 0, new float[25], 6, true));
        assertMessage(shortC, "gemm", "C", "4×5", "26");
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> Gemm.gemm(false, false, -1, 5, 6, big, 0, big.clone(), 0, new float[20], 0, false));
        assertMessage(negative, "gemm", "non-negative", "m=-1");
        IllegalArgumentException negativeOffset = assertThrows(IllegalArgumentException.class,
                () -> Gemm.gemm(false, false, 1, 1, 1, big, -2, big.clone(), 0, new float[1], 0, false));
        assertMessage(negativeOffset, "gemm", "offset of A", "-2");
        IllegalArgumentException nul = assertThrows(IllegalArgumentException.class,
                () -> Gemm.gemm(false, false, 1, 1, 1, null, 0, big, 0, new float[1], 0, false));
        assertMessage(nul, "gemm", "A", "null");
        IllegalArgumentException overlap = assertThrows(IllegalArgumentException.class,
                () -> Gemm.gemm(false, false, 3, 3, 3, big, 0, new float[9], 0, big, 5, false));
        assertMessage(overlap, "gemm", "overlaps A");
    }

    private static void assertMessage(IllegalArgumentException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "'" + part + "' missing from: " + e.getMessage());
        }
    }

    private static void checkAgainstReference(Kernel kernel, int m, int n, int k, boolean transA, boolean transB,
                                              boolean accumulate, SplittableRandom rnd) {
        int aOff = rnd.nextInt(5);
        int bOff = rnd.nextInt(5);
        int cOff = rnd.nextInt(5);
        float[] a = random(rnd, aOff + m * k + rnd.nextInt(3));
        float[] b = random(rnd, bOff + k * n + rnd.nextInt(3));
        float[] c = random(rnd, cOff + m * n + rnd.nextInt(3));
        float[] expected = c.clone();
        Gemm.gemmReference(transA, transB, m, n, k, a, aOff, b, bOff, expected, cOff, accumulate);
        float[] actual = c.clone();
        kernel.run(transA, transB, m, n, k, a, aOff, b, bOff, actual, cOff, accumulate);
        float[] bound = absProductBound(transA, transB, m, n, k, a, aOff, b, bOff);
        if (accumulate) {
            for (int i = 0; i < bound.length; i++) {
                bound[i] += Math.abs(c[cOff + i]);
            }
        }
        String where = m + "×" + n + "×" + k + " transA=" + transA + " transB=" + transB + " acc=" + accumulate;
        assertClose(expected, cOff, actual, cOff, bound, where);
        for (int i = 0; i < cOff; i++) {
            assertEquals(c[i], actual[i], "wrote before C: " + where);
        }
        for (int i = cOff + m * n; i < c.length; i++) {
            assertEquals(c[i], actual[i], "wrote after C: " + where);
        }
    }

    /** Σ_p |op(A)[i][p]|·|op(B)[p][j]|: the scale of the rounding error any summation order can make. */
    private static float[] absProductBound(boolean transA, boolean transB, int m, int n, int k,
                                           float[] a, int aOff, float[] b, int bOff) {
        float[] absA = new float[a.length];
        float[] absB = new float[b.length];
        for (int i = 0; i < a.length; i++) {
            absA[i] = Math.abs(a[i]);
        }
        for (int i = 0; i < b.length; i++) {
            absB[i] = Math.abs(b[i]);
        }
        float[] bound = new float[m * n];
        Gemm.gemmReference(transA, transB, m, n, k, absA, aOff, absB, bOff, bound, 0, false);
        return bound;
    }

    private static void assertClose(float[] expected, int eOff, float[] actual, int aOff, float[] bound,
                                    String where) {
        for (int i = 0; i < bound.length; i++) {
            float e = expected[eOff + i];
            float x = actual[aOff + i];
            double tol = 1e-5 * (1 + bound[i]);
            if (!(Math.abs(e - x) <= tol)) {
                throw new AssertionError(where + ": element " + i + " expected " + e + " but was " + x
                        + " (tolerance " + tol + ")");
            }
        }
    }

    private static float[] random(SplittableRandom rnd, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        return x;
    }
}
