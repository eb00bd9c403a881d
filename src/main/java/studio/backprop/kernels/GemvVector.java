package studio.backprop.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API path for products whose C is a single column (n = 1) or a single row (m = 1): matrix-vector
 * products, where packing into 4×32 tiles would waste most of each tile. Single-threaded (these products are
 * memory-bound), so results trivially do not depend on the thread count.
 *
 * <p>Either the output runs along the stored rows of the matrix ("axpy": y[j] += x[p]·M[p][j], vectorised over
 * j) or each output is a dot product along a stored row ("dot": y[i] = Σ_p M[i][p]·x[p], vectorised over p).
 *
 * <p>Modified: C. Not modified: A, B.
 */
final class GemvVector {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Rows of up to this many terms are summed by {@link #shortDots}. */
    private static final int SHORT_ROW = 8;

    private GemvVector() {
    }

    /** Same contract as {@link Gemm#gemm}; requires n = 1 or m = 1, arguments validated, m, n, k positive. */
    static void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, boolean accumulate) {
        if (n == 1) {
            // B is k×1 or 1×k: either way b[bOff + p]. C[i] = Σ_p op(A)[i][p]·b[p].
            if (transA) {
                axpy(a, aOff, m, m, k, b, bOff, c, cOff, accumulate);
            } else {
                dot(a, aOff, k, m, k, b, bOff, c, cOff, accumulate);
            }
        } else {
            // A is 1×k or k×1: either way a[aOff + p]. C[j] = Σ_p a[p]·op(B)[p][j].
            if (transB) {
                dot(b, bOff, k, n, k, a, aOff, c, cOff, accumulate);
            } else {
                axpy(b, bOff, n, n, k, a, aOff, c, cOff, accumulate);
            }
        }
    }

    /** y[j] = Σ_{p<terms} x[p]·mat[off + p·ld + j] for j < outs, four vectors of outputs at a time. */
    private static void axpy(float[] mat, int off, int ld, int outs, int terms, float[] x, int xOff,
                             float[] c, int cOff, boolean accumulate) {
        int j = 0;
        for (; j + 4 * LANES <= outs; j += 4 * LANES) {
            FloatVector y0 = FloatVector.zero(SPECIES);
            FloatVector y1 = y0;
            FloatVector y2 = y0;
            FloatVector y3 = y0;
            for (int p = 0, mi = off + j; p < terms; p++, mi += ld) {
                FloatVector xp = FloatVector.broadcast(SPECIES, x[xOff + p]);
                y0 = xp.fma(FloatVector.fromArray(SPECIES, mat, mi), y0);
                y1 = xp.fma(FloatVector.fromArray(SPECIES, mat, mi + LANES), y1);
                y2 = xp.fma(FloatVector.fromArray(SPECIES, mat, mi + 2 * LANES), y2);
                y3 = xp.fma(FloatVector.fromArray(SPECIES, mat, mi + 3 * LANES), y3);
            }
            store(y0, c, cOff + j, accumulate);
            store(y1, c, cOff + j + LANES, accumulate);
            store(y2, c, cOff + j + 2 * LANES, accumulate);
            store(y3, c, cOff + j + 3 * LANES, accumulate);
        }
        for (; j + LANES <= outs; j += LANES) {
            FloatVector y = FloatVector.zero(SPECIES);
            for (int p = 0, mi = off + j; p < terms; p++, mi += ld) {
                y = FloatVector.broadcast(SPECIES, x[xOff + p]).fma(FloatVector.fromArray(SPECIES, mat, mi), y);
            }
            store(y, c, cOff + j, accumulate);
        }
        for (; j < outs; j++) {
            float y = 0f;
            for (int p = 0, mi = off + j; p < terms; p++, mi += ld) {
                y = Math.fma(x[xOff + p], mat[mi], y);
            }
            c[cOff + j] = accumulate ? c[cOff + j] + y : y;
        }
    }

    /** y[i] = Σ_{p<len} mat[off + i·ld + p]·x[p] for i < outs: vector partial sums, then the scalar tail. */
    private static void dot(float[] mat, int off, int ld, int outs, int len, float[] x, int xOff,
                            float[] c, int cOff, boolean accumulate) {
        if (len <= SHORT_ROW) {
            shortDots(mat, off, ld, outs, len, x, xOff, c, cOff, accumulate);
            return;
        }
        int body = len - len % (2 * LANES);
        for (int i = 0; i < outs; i++) {
            int row = off + i * ld;
            FloatVector s0 = FloatVector.zero(SPECIES);
            FloatVector s1 = s0;
            for (int p = 0; p < body; p += 2 * LANES) {
                s0 = FloatVector.fromArray(SPECIES, mat, row + p).fma(FloatVector.fromArray(SPECIES, x, xOff + p), s0);
                s1 = FloatVector.fromArray(SPECIES, mat, row + p + LANES)
                        .fma(FloatVector.fromArray(SPECIES, x, xOff + p + LANES), s1);
            }
            float y = s0.add(s1).reduceLanes(VectorOperators.ADD);
            for (int p = body; p < len; p++) {
                y = Math.fma(mat[row + p], x[xOff + p], y);
            }
            c[cOff + i] = accumulate ? c[cOff + i] + y : y;
        }
    }

    /**
     * {@link #dot} for rows of at most {@link #SHORT_ROW} terms (a Playground network's last layer, 500×4 by 4×1):
     * the same FMA chain from zero in p order as dot's scalar tail, so the same bits, with the terms written out
     * rather than looped over. A loop over four terms cost as much per row as the vector set-up and reduction it
     * replaces (1.0 µs for 500 rows against 1.15); written out it is 0.6 (eight terms: 0.8 against 2.4). The
     * tests nest so that a short row stops at its last term: eight flat {@code len > p ?} steps took 1.1 µs for
     * every length.
     */
    private static void shortDots(float[] mat, int off, int ld, int outs, int len, float[] x, int xOff,
                                  float[] c, int cOff, boolean accumulate) {
        float x0 = x[xOff];
        float x1 = len > 1 ? x[xOff + 1] : 0f;
        float x2 = len > 2 ? x[xOff + 2] : 0f;
        float x3 = len > 3 ? x[xOff + 3] : 0f;
        float x4 = len > 4 ? x[xOff + 4] : 0f;
        float x5 = len > 5 ? x[xOff + 5] : 0f;
        float x6 = len > 6 ? x[xOff + 6] : 0f;
        float x7 = len > 7 ? x[xOff + 7] : 0f;
        for (int i = 0, r = off; i < outs; i++, r += ld) {
            float y = Math.fma(mat[r], x0, 0f);
            if (len > 1) {
                y = Math.fma(mat[r + 1], x1, y);
                if (len > 2) {
                    y = Math.fma(mat[r + 2], x2, y);
                    if (len > 3) {
                        y = Math.fma(mat[r + 3], x3, y);
                        if (len > 4) {
                            y = moreTerms(mat, r, len, y, x4, x5, x6, x7);
                        }
                    }
                }
            }
            c[cOff + i] = accumulate ? c[cOff + i] + y : y;
        }
    }

    /** Terms 4 to len − 1 (len ≤ 8) of a {@link #shortDots} chain that has reached y. */
    private static float moreTerms(float[] mat, int r, int len, float y, float x4, float x5, float x6, float x7) {
        y = Math.fma(mat[r + 4], x4, y);
        if (len > 5) {
            y = Math.fma(mat[r + 5], x5, y);
            if (len > 6) {
                y = Math.fma(mat[r + 6], x6, y);
                if (len > 7) {
                    y = Math.fma(mat[r + 7], x7, y);
                }
            }
        }
        return y;
    }

    private static void store(FloatVector y, float[] c, int co, boolean accumulate) {
        FloatVector out = accumulate ? FloatVector.fromArray(SPECIES, c, co).add(y) : y;
        out.intoArray(c, co);
    }
}
