package studio.backprop.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API path for small products with a narrow C (2 <= n <= one vector of lanes): the hidden layers of
 * a Playground-sized network, whose packing and edge tiles in {@link GemmVector} cost more than the arithmetic.
 * Same contract as {@link Gemm#gemm}.
 *
 * <p>op(B) (k×n) is copied into k zero-padded rows of one vector each; every row of C is then one vector
 * accumulator, C[i][·] = Σ_p op(A)[i][p]·B[p][·] by FMA in p order, eight rows at a time (then four, then one). Single-threaded (the
 * products are a few microseconds), so results trivially do not depend on the thread count.
 */
final class GemmNarrow {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();
    /** Largest product (multiply-adds) sent here; beyond it GemmVector's threads and blocking pay off. */
    static final long MAX_MACS = 1L << 17;

    private static final ScratchBuffer PADDED_B = new ScratchBuffer();
    private static final ScratchBuffer ROW = new ScratchBuffer();

    private GemmNarrow() {
    }

    /** Whether a product of this shape belongs here. */
    static boolean applies(int m, int n, int k) {
        return m >= 2 && n >= 2 && n <= LANES && (long) m * n * k <= MAX_MACS;
    }

    /** Arguments are already validated and m, n, k are all positive. */
    static void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, boolean accumulate) {
        // Rows p < direct of op(B) are read straight from B (a whole vector from the row start stays inside the
        // array; lanes past n belong to the next rows and are dropped); the rest come from zero-padded copies.
        int room = b.length - bOff - LANES;
        int direct = transB || room < 0 ? 0 : Math.min(k, room / n + 1);
        float[] bp = PADDED_B.get((k - direct) * LANES);
        if (transB) {
            for (int p = 0; p < k; p++) {
                int row = p * LANES;
                for (int j = 0, s = bOff + p; j < n; j++, s += k) {
                    bp[row + j] = b[s];
                }
                java.util.Arrays.fill(bp, row + n, row + LANES, 0f);
            }
        } else {
            for (int p = direct; p < k; p++) {
                int row = (p - direct) * LANES;
                System.arraycopy(b, bOff + p * n, bp, row, n);
                java.util.Arrays.fill(bp, row + n, row + LANES, 0f);
            }
        }
        float[] out = ROW.get(8 * LANES);
        // op(A)[i][p] sits at a[aOff + i·rowStep + p·colStep].
        int rowStep = transA ? 1 : k;
        int colStep = transA ? m : 1;
        int i = 0;
        for (; i + 8 <= m; i += 8) {
            eightRows(a, aOff + i * rowStep, rowStep, colStep, b, bOff, n, direct, bp, k, out);
            store(out, c, cOff + i * n, n, 8, accumulate);
        }
        for (; i + 4 <= m; i += 4) {
            fourRows(a, aOff + i * rowStep, rowStep, colStep, b, bOff, n, direct, bp, k, out);
            store(out, c, cOff + i * n, n, 4, accumulate);
        }
        for (; i < m; i++) {
            oneRow(a, aOff + i * rowStep, colStep, b, bOff, n, direct, bp, k, out);
            store(out, c, cOff + i * n, n, 1, accumulate);
        }
    }

    /**
     * Eight rows of C from a0, with the arithmetic of {@link #fourRows}: eight independent FMA chains keep both
     * FMA units busy where four wait on each other's latency (the MNIST MLP's logits products, 64×10×128 and
     * 128×10×64, ran at about one FMA a cycle).
     */
    private static void eightRows(float[] a, int a0, int rowStep, int colStep, float[] b, int bOff, int n,
                                  int direct, float[] bp, int k, float[] out) {
        FloatVector c0 = FloatVector.zero(SPECIES);
        FloatVector c1 = c0;
        FloatVector c2 = c0;
        FloatVector c3 = c0;
        FloatVector c4 = c0;
        FloatVector c5 = c0;
        FloatVector c6 = c0;
        FloatVector c7 = c0;
        int ai = a0;
        for (int p = 0, bi = bOff; p < direct; p++, ai += colStep, bi += n) {
            FloatVector bv = FloatVector.fromArray(SPECIES, b, bi);
            c0 = FloatVector.broadcast(SPECIES, a[ai]).fma(bv, c0);
            c1 = FloatVector.broadcast(SPECIES, a[ai + rowStep]).fma(bv, c1);
            c2 = FloatVector.broadcast(SPECIES, a[ai + 2 * rowStep]).fma(bv, c2);
            c3 = FloatVector.broadcast(SPECIES, a[ai + 3 * rowStep]).fma(bv, c3);
            c4 = FloatVector.broadcast(SPECIES, a[ai + 4 * rowStep]).fma(bv, c4);
            c5 = FloatVector.broadcast(SPECIES, a[ai + 5 * rowStep]).fma(bv, c5);
            c6 = FloatVector.broadcast(SPECIES, a[ai + 6 * rowStep]).fma(bv, c6);
            c7 = FloatVector.broadcast(SPECIES, a[ai + 7 * rowStep]).fma(bv, c7);
        }
        for (int p = direct, bi = 0; p < k; p++, ai += colStep, bi += LANES) {
            FloatVector bv = FloatVector.fromArray(SPECIES, bp, bi);
            c0 = FloatVector.broadcast(SPECIES, a[ai]).fma(bv, c0);
            c1 = FloatVector.broadcast(SPECIES, a[ai + rowStep]).fma(bv, c1);
            c2 = FloatVector.broadcast(SPECIES, a[ai + 2 * rowStep]).fma(bv, c2);
            c3 = FloatVector.broadcast(SPECIES, a[ai + 3 * rowStep]).fma(bv, c3);
            c4 = FloatVector.broadcast(SPECIES, a[ai + 4 * rowStep]).fma(bv, c4);
            c5 = FloatVector.broadcast(SPECIES, a[ai + 5 * rowStep]).fma(bv, c5);
            c6 = FloatVector.broadcast(SPECIES, a[ai + 6 * rowStep]).fma(bv, c6);
            c7 = FloatVector.broadcast(SPECIES, a[ai + 7 * rowStep]).fma(bv, c7);
        }
        c0.intoArray(out, 0);
        c1.intoArray(out, LANES);
        c2.intoArray(out, 2 * LANES);
        c3.intoArray(out, 3 * LANES);
        c4.intoArray(out, 4 * LANES);
        c5.intoArray(out, 5 * LANES);
        c6.intoArray(out, 6 * LANES);
        c7.intoArray(out, 7 * LANES);
    }

    /**
     * Rows of C from a0: op(B) row p is B itself at bOff + p·n for p < direct, padded row p − direct of bp
     * after that.
     */
    private static void fourRows(float[] a, int a0, int rowStep, int colStep, float[] b, int bOff, int n,
                                 int direct, float[] bp, int k, float[] out) {
        FloatVector c0 = FloatVector.zero(SPECIES);
        FloatVector c1 = c0;
        FloatVector c2 = c0;
        FloatVector c3 = c0;
        int ai = a0;
        for (int p = 0, bi = bOff; p < direct; p++, ai += colStep, bi += n) {
            FloatVector bv = FloatVector.fromArray(SPECIES, b, bi);
            c0 = FloatVector.broadcast(SPECIES, a[ai]).fma(bv, c0);
            c1 = FloatVector.broadcast(SPECIES, a[ai + rowStep]).fma(bv, c1);
            c2 = FloatVector.broadcast(SPECIES, a[ai + 2 * rowStep]).fma(bv, c2);
            c3 = FloatVector.broadcast(SPECIES, a[ai + 3 * rowStep]).fma(bv, c3);
        }
        for (int p = direct, bi = 0; p < k; p++, ai += colStep, bi += LANES) {
            FloatVector bv = FloatVector.fromArray(SPECIES, bp, bi);
            c0 = FloatVector.broadcast(SPECIES, a[ai]).fma(bv, c0);
            c1 = FloatVector.broadcast(SPECIES, a[ai + rowStep]).fma(bv, c1);
            c2 = FloatVector.broadcast(SPECIES, a[ai + 2 * rowStep]).fma(bv, c2);
            c3 = FloatVector.broadcast(SPECIES, a[ai + 3 * rowStep]).fma(bv, c3);
        }
        c0.intoArray(out, 0);
        c1.intoArray(out, LANES);
        c2.intoArray(out, 2 * LANES);
        c3.intoArray(out, 3 * LANES);
    }

    /** The same per-row arithmetic as {@link #fourRows}, for the last m mod 4 rows. */
    private static void oneRow(float[] a, int a0, int colStep, float[] b, int bOff, int n, int direct,
                               float[] bp, int k, float[] out) {
        FloatVector c0 = FloatVector.zero(SPECIES);
        int ai = a0;
        for (int p = 0, bi = bOff; p < direct; p++, ai += colStep, bi += n) {
            c0 = FloatVector.broadcast(SPECIES, a[ai]).fma(FloatVector.fromArray(SPECIES, b, bi), c0);
        }
        for (int p = direct, bi = 0; p < k; p++, ai += colStep, bi += LANES) {
            c0 = FloatVector.broadcast(SPECIES, a[ai]).fma(FloatVector.fromArray(SPECIES, bp, bi), c0);
        }
        c0.intoArray(out, 0);
    }

    /** C rows (rows of them, n floats each, contiguous from co) (+)= the first n lanes of each row of out. */
    private static void store(float[] out, float[] c, int co, int n, int rows, boolean accumulate) {
        // Scalar on purpose: masked vector stores are not intrinsified on JDK 17, and arraycopy calls of a few
        // floats cost more than the loop.
        for (int r = 0; r < rows; r++, co += n) {
            int o = r * LANES;
            if (accumulate) {
                for (int j = 0; j < n; j++) {
                    c[co + j] += out[o + j];
                }
            } else {
                for (int j = 0; j < n; j++) {
                    c[co + j] = out[o + j];
                }
            }
        }
    }
}
