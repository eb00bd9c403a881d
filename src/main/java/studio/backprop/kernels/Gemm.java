package studio.backprop.kernels;

import java.util.Arrays;

/**
 * General matrix multiply over flat row-major float arrays: {@code C = (accumulate ? C : 0) + op(A) · op(B)}.
 *
 * <p>Shapes: op(A) is m×k, op(B) is k×n, C is m×n. Without transposition A is stored m×k (row stride k) and B
 * k×n (row stride n); with {@code transA} A is stored k×m, with {@code transB} B is stored n×k. Each matrix
 * starts at its offset, which lets callers multiply one image of a batch in place. C must not overlap A or B.
 *
 * <p>Two fast paths exist: the Vector API kernel ({@code jdk.incubator.vector}, chosen when that module is in
 * the boot layer) and a plain-Java kernel. {@code -Dbackprop.vector=false} forces the plain one. Both split work
 * over rows of C with {@link KernelPool}; results are bit-identical whatever the thread count.
 *
 * <p>Modified: C only. Not modified: A, B.
 */
public final class Gemm {

    /** Name returned by {@link #implementation()} when the Vector API kernel is in use. */
    public static final String VECTOR = "vector";
    /** Name returned by {@link #implementation()} when the plain-Java kernel is in use. */
    public static final String PLAIN = "plain";

    /** Below this many multiply-adds, packing and threading cost more than they save. */
    static final long TINY_MACS = 2048;

    private static final boolean VECTOR_PRESENT =
            ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    private static final boolean USE_VECTOR =
            VECTOR_PRESENT && !"false".equalsIgnoreCase(System.getProperty("backprop.vector"));

    private Gemm() {
    }

    /**
     * The fast path: {@code C = (accumulate ? C : 0) + op(A) · op(B)} with the kernel named by
     * {@link #implementation()}, multithreaded over rows of C. Results do not depend on the thread count.
     * op(A) is m×k (A stored m×k, or k×m with {@code transA}), op(B) is k×n (B stored k×n, or n×k with
     * {@code transB}), C is m×n; each starts at its offset. Modified: C. Not modified: A, B.
     *
     * @throws IllegalArgumentException if a dimension or offset is negative or an array is too short
     */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k,
                            float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, boolean accumulate) {
        checkArguments(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff);
        if (trivial(m, n, k, c, cOff, accumulate)) {
            return;
        }
        if ((long) m * n * k < TINY_MACS) {
            GemmPlain.direct(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff, accumulate);
        } else if (USE_VECTOR) {
            GemmVector.gemm(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff, accumulate);
        } else {
            GemmPlain.gemm(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff, accumulate);
        }
    }

    /**
     * Same contract as {@link #gemm} ({@code C = (accumulate ? C : 0) + op(A) · op(B)}, C m×n), always on the
     * Vector API kernel, without the tiny-problem shortcut. Modified: C. Not modified: A, B.
     *
     * @throws IllegalStateException    if {@code jdk.incubator.vector} is not in the boot layer
     * @throws IllegalArgumentException as {@link #gemm}
     */
    public static void gemmVector(boolean transA, boolean transB, int m, int n, int k,
                                  float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                                  boolean accumulate) {
        if (!VECTOR_PRESENT) {
            throw new IllegalStateException("gemm: the Vector API kernel needs the jdk.incubator.vector module "
                    + "(run with --add-modules=jdk.incubator.vector)");
        }
        checkArguments(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff);
        if (!trivial(m, n, k, c, cOff, accumulate)) {
            GemmVector.gemm(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff, accumulate);
        }
    }

    /**
     * Same contract as {@link #gemm} ({@code C = (accumulate ? C : 0) + op(A) · op(B)}, C m×n), always on the
     * plain-Java kernel, without the tiny-problem shortcut. Modified: C. Not modified: A, B.
     *
     * @throws IllegalArgumentException as {@link #gemm}
     */
    public static void gemmPlain(boolean transA, boolean transB, int m, int n, int k,
                                 float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                                 boolean accumulate) {
        checkArguments(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff);
        if (!trivial(m, n, k, c, cOff, accumulate)) {
            GemmPlain.gemm(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff, accumulate);
        }
    }

    /**
     * The naive reference: for each C[i][j] the dot product over p = 0..k-1 in order, accumulated in float.
     * Kept beside the optimised kernel and used by the tests as its oracle.
     */
    public static void gemmReference(boolean transA, boolean transB, int m, int n, int k,
                                     float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                                     boolean accumulate) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float sum = 0f;
                for (int p = 0; p < k; p++) {
                    float av = transA ? a[aOff + p * m + i] : a[aOff + i * k + p];
                    float bv = transB ? b[bOff + j * k + p] : b[bOff + p * n + j];
                    sum += av * bv;
                }
                int ci = cOff + i * n + j;
                c[ci] = accumulate ? c[ci] + sum : sum;
            }
        }
    }

    /** {@link #VECTOR} or {@link #PLAIN}: the kernel {@link #gemm} uses for all but tiny problems. */
    public static String implementation() {
        return USE_VECTOR ? VECTOR : PLAIN;
    }

    /** Whether {@code jdk.incubator.vector} is in the boot layer, i.e. whether {@link #gemmVector} can run. */
    public static boolean vectorAvailable() {
        return VECTOR_PRESENT;
    }

    /** One line for humans: the active kernel, its vector shape and why it was chosen. */
    public static String describe() {
        if (USE_VECTOR) {
            return VECTOR + " (" + GemmVector.describe() + ")";
        }
        return PLAIN + " (plain Java; " + (VECTOR_PRESENT ? "Vector API disabled by -Dbackprop.vector=false"
                : "jdk.incubator.vector not in the boot layer") + ")";
    }

    /**
     * Validates a GEMM call: non-negative dimensions and offsets, non-null arrays holding at least the
     * storage each operand needs from its offset, and C not overlapping A or B in the same array.
     *
     * @throws IllegalArgumentException naming the op, the shapes and what was expected
     */
    public static void checkArguments(boolean transA, boolean transB, int m, int n, int k,
                                      float[] a, int aOff, float[] b, int bOff, float[] c, int cOff) {
        String call = " (m=" + m + ", n=" + n + ", k=" + k + ", transA=" + transA + ", transB=" + transB + ")";
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("gemm: dimensions must be non-negative" + call);
        }
        String aShape = transA ? k + "×" + m + " (op(A) = Aᵀ is " + m + "×" + k + ")" : m + "×" + k;
        String bShape = transB ? n + "×" + k + " (op(B) = Bᵀ is " + k + "×" + n + ")" : k + "×" + n;
        checkOperand("A", aShape, a, aOff, (long) m * k, call);
        checkOperand("B", bShape, b, bOff, (long) k * n, call);
        checkOperand("C", m + "×" + n, c, cOff, (long) m * n, call);
        checkDisjoint("A", a, aOff, (long) m * k, c, cOff, (long) m * n, call);
        checkDisjoint("B", b, bOff, (long) k * n, c, cOff, (long) m * n, call);
    }

    private static void checkOperand(String name, String shape, float[] array, int off, long size, String call) {
        if (array == null) {
            throw new IllegalArgumentException("gemm: " + name + " (" + shape + ") is null" + call);
        }
        if (off < 0) {
            throw new IllegalArgumentException("gemm: offset of " + name + " must be non-negative, got " + off
                    + call);
        }
        if (off + size > array.length) {
            throw new IllegalArgumentException("gemm: " + name + " stored " + shape + " needs " + size
                    + " floats from offset " + off + " (length >= " + (off + size) + "), but its array has length "
                    + array.length + call);
        }
    }

    private static void checkDisjoint(String name, float[] x, int xOff, long xSize, float[] c, int cOff,
                                      long cSize, String call) {
        if (x == c && xSize > 0 && cSize > 0 && xOff < cOff + cSize && cOff < xOff + xSize) {
            throw new IllegalArgumentException("gemm: C [" + cOff + ", " + (cOff + cSize) + ") overlaps " + name
                    + " [" + xOff + ", " + (xOff + xSize) + ") in the same array; the output must be separate"
                    + call);
        }
    }

    /** Handles empty products; returns true when nothing is left to multiply. */
    private static boolean trivial(int m, int n, int k, float[] c, int cOff, boolean accumulate) {
        if (m == 0 || n == 0) {
            return true;
        }
        if (k == 0) {
            if (!accumulate) {
                Arrays.fill(c, cOff, cOff + m * n, 0f);
            }
            return true;
        }
        return false;
    }
}
