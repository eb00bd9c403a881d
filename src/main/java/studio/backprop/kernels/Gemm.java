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
 * over rows of C with {@link KernelPool}; results are bit-identical whatever the thread count. Small products
 * with few columns or cells in C (a Playground network's layers) take the single-threaded {@link GemmSmall} and
 * {@link GemmNarrow} paths of the Vector API kernel.
 *
 * <p>Modified: C only. Not modified: A, B.
 */
public final class Gemm {

    /** Name returned by {@link #implementation()} when the Vector API kernel is in use. */
    public static final String VECTOR = "vector";
    /** Name returned by {@link #implementation()} when the plain-Java kernel is in use. */
    public static final String PLAIN = "plain";

    /** Below this many multiply-adds, packing and threading cost more than they save. */
    static final long TINY_MACS = 1024;

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
     * @throws IllegalArgumentException as {@link #checkArguments}: negative dimension or offset, null or too
     *                                  short array, C overlapping A or B
     */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k,
                            float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, boolean accumulate) {
        checkArguments(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff);
        if (trivial(m, n, k, c, cOff, accumulate)) {
            return;
        }
        if ((long) m * n * k < TINY_MACS) {
            // The reference's own loops: C2 compiles its simple, constant-stride indexing best at this size.
            gemmReference(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff, accumulate);
        } else if (USE_VECTOR && (long) m * n * k <= GemmNarrow.MAX_MACS
                && GemmSmall.packedRowsApply(transA, m, n, k)) {
            GemmSmall.packedRows(transB, m, n, k, a, aOff, b, bOff, c, cOff, accumulate);
        } else if (USE_VECTOR && (long) m * n * k <= GemmNarrow.MAX_MACS
                && GemmSmall.stackedRowsApply(transA, transB, m, n, k)) {
            GemmSmall.stackedRows(m, n, k, a, aOff, b, bOff, c, cOff, accumulate);
        } else if (USE_VECTOR && (long) m * n * k <= GemmNarrow.MAX_MACS
                && GemmSmall.outerProductsApply(transA, transB, m, n, k)) {
            GemmSmall.outerProducts(m, n, k, a, aOff, b, bOff, c, cOff, accumulate);
        } else if (USE_VECTOR && GemmNarrow.applies(m, n, k)) {
            GemmNarrow.gemm(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff, accumulate);
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

    /** Whether the Vector API kernels are in use (present and not disabled by -Dbackprop.vector=false). */
    static boolean vectorInUse() {
        return USE_VECTOR;
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
        String problem = findProblem(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff);
        if (problem != null) {
            throw new IllegalArgumentException("gemm: " + problem + " (m=" + m + ", n=" + n + ", k=" + k
                    + ", transA=" + transA + ", transB=" + transB + ")");
        }
    }

    /** The first thing wrong with a call, or null; messages are only built on failure (gemm is called a lot). */
    private static String findProblem(boolean transA, boolean transB, int m, int n, int k,
                                      float[] a, int aOff, float[] b, int bOff, float[] c, int cOff) {
        if (m < 0 || n < 0 || k < 0) {
            return "dimensions must be non-negative";
        }
        long aSize = (long) m * k;
        long bSize = (long) k * n;
        long cSize = (long) m * n;
        if (!fits(a, aOff, aSize)) {
            return operandProblem("A", transA ? k + "×" + m + " (op(A) = Aᵀ is " + m + "×" + k + ")" : m + "×" + k,
                    a, aOff, aSize);
        }
        if (!fits(b, bOff, bSize)) {
            return operandProblem("B", transB ? n + "×" + k + " (op(B) = Bᵀ is " + k + "×" + n + ")" : k + "×" + n,
                    b, bOff, bSize);
        }
        if (!fits(c, cOff, cSize)) {
            return operandProblem("C", m + "×" + n, c, cOff, cSize);
        }
        if (overlaps(a, aOff, aSize, c, cOff, cSize)) {
            return overlapProblem("A", aOff, aSize, cOff, cSize);
        }
        if (overlaps(b, bOff, bSize, c, cOff, cSize)) {
            return overlapProblem("B", bOff, bSize, cOff, cSize);
        }
        return null;
    }

    private static boolean fits(float[] array, int off, long size) {
        return array != null && off >= 0 && off + size <= array.length;
    }

    private static String operandProblem(String name, String shape, float[] array, int off, long size) {
        if (array == null) {
            return name + " (" + shape + ") is null";
        }
        if (off < 0) {
            return "offset of " + name + " must be non-negative, got " + off;
        }
        return name + " stored " + shape + " needs " + size + " floats from offset " + off + " (length >= "
                + (off + size) + "), but its array has length " + array.length;
    }

    private static boolean overlaps(float[] x, int xOff, long xSize, float[] c, int cOff, long cSize) {
        return x == c && xSize > 0 && cSize > 0 && xOff < cOff + cSize && cOff < xOff + xSize;
    }

    private static String overlapProblem(String name, int xOff, long xSize, int cOff, long cSize) {
        return "C [" + cOff + ", " + (cOff + cSize) + ") overlaps " + name + " [" + xOff + ", " + (xOff + xSize)
                + ") in the same array; the output must be separate";
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
