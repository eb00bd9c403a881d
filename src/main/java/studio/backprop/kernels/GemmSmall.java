package studio.backprop.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API paths for the products of a Playground-sized network, where C has a handful of columns (or a handful
 * of cells) and one vector per row of C, as in {@link GemmNarrow}, would leave most lanes empty. Same contract as
 * {@link Gemm#gemm}; single-threaded (a call is well under a microsecond), so results do not depend on the thread
 * count. L below is the number of float lanes.
 *
 * <p><b>Packed rows</b> (A not transposed, n divides L, n ≤ L/2, k ≤ n): the R = L/n rows of C from row i are
 * contiguous, so one vector holds them all; lane l is C[i + l/n][l mod n] = Σ_p A[i + l/n][p] · op(B)[p][l mod n].
 * A's R rows are R·k ≤ L contiguous floats, loaded as one vector and rearranged per p so that lane l holds
 * A[i + l/n][p]; row p of op(B), repeated R times, is a pattern vector built once per call. Each lane accumulates
 * by FMA in p order from zero and is then stored (or added to C). Up to k = 2n this once took two vectors of A
 * per chunk, rearranged together; Java 17 did not compile that two-vector rearrange, so every vector was boxed
 * (32×8×10: 1.5-2.6 µs and 18,720 bytes a call; through {@link GemmVector}, 0.37 µs and nothing).
 *
 * <p><b>Outer products</b> (C = Aᵀ·B with A stored k×m, B stored k×n, m·n ≤ L: the weight gradient Xᵀ·δ): C is
 * the sum over p of the outer products of row p of A and row p of B. A vector covers G = L/(m·n) consecutive p,
 * whose rows are G·m and G·n contiguous floats; rearranged, lane g·m·n + i·n + j holds A[p+g][i] and B[p+g][j].
 * Two accumulators take alternate steps (FMA latency); at the end they are added, the G groups are summed in
 * order, and the rows p left over at the end are added by scalar FMA in order.
 *
 * <p><b>Stacked rows</b> (C = Aᵀ·B as above, the wider of A and B with w columns dividing L, the other with at most
 * four): tried first, since it needs one rearrange per R = L/w rows and column of the narrower operand, where the
 * outer products rearrange both operands for every p ({@link #stackedRows}).
 *
 * <p>A rearrange checks its shuffle's indexes on every call unless C2 can hoist the shuffle: the loops keep each
 * shuffle in a local for a whole pass, which halved the packed rows' time.
 */
final class GemmSmall {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();
    /** Most columns the narrower operand of {@link #stackedRows} may have (one accumulator each). */
    static final int MAX_NARROW = 4;

    /** PACKED[n][k][p]: lane l → flat index (l/n)·k + p into the chunk's R·k ≤ L floats of A. */
    private static final VectorShuffle<Float>[][][] PACKED = packedShuffles();
    /** STACKED[wide][narrow][t]: lane (q, u) → float q·narrow + t of the narrow operand's rows. */
    private static final VectorShuffle<Float>[][][] STACKED = stackedShuffles();
    /** OUTER[m][n][0 or 1]: lane → the float of A's rows (0) or of B's rows (1) it multiplies. */
    private static final VectorShuffle<Float>[][][] OUTER = outerShuffles();

    private static final ScratchBuffer PATTERN = new ScratchBuffer();
    private static final ScratchBuffer LANE_SUMS = new ScratchBuffer();
    private static final ScratchBuffer PARTIAL_SUMS = new ScratchBuffer();

    private GemmSmall() {
    }

    /** Whether the packed-rows path takes this product. */
    static boolean packedRowsApply(boolean transA, int m, int n, int k) {
        return !transA && n <= LANES / 2 && LANES % n == 0 && k <= n && m >= LANES / n;
    }

    /** Whether the stacked-rows path takes this product (it is tried before the outer products). */
    static boolean stackedRowsApply(boolean transA, boolean transB, int m, int n, int k) {
        int wide = Math.max(m, n);
        return transA && !transB && wide <= LANES / 2 && LANES % wide == 0 && Math.min(m, n) <= MAX_NARROW
                && k >= 2 * (LANES / wide);
    }

    /** Whether the outer-products path takes this product. */
    static boolean outerProductsApply(boolean transA, boolean transB, int m, int n, int k) {
        return transA && !transB && m * n <= LANES && k >= 4 * (LANES / (m * n));
    }

    /** C (+)= A·op(B) by packed rows; arguments are validated and {@link #packedRowsApply} holds. */
    static void packedRows(boolean transB, int m, int n, int k, float[] a, int aOff, float[] b, int bOff,
                           float[] c, int cOff, boolean accumulate) {
        int rows = LANES / n;
        float[] pattern = PATTERN.get(k * LANES);
        for (int p = 0; p < k; p++) {
            int row = p * LANES;
            for (int j = 0; j < n; j++) {
                pattern[row + j] = transB ? b[bOff + j * k + p] : b[bOff + p * n + j];
            }
            for (int filled = n; filled < LANES; filled *= 2) {
                System.arraycopy(pattern, row, pattern, row + filled, filled);
            }
        }
        int i = termPasses(m, n, k, a, aOff, c, cOff, accumulate, PACKED[n][k], pattern);
        // The last rows, whose vector loads would run past A: the same arithmetic per element, in scalar.
        for (; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float sum = 0f;
                for (int p = 0; p < k; p++) {
                    sum = Math.fma(a[aOff + i * k + p], pattern[p * LANES + j], sum);
                }
                int ci = cOff + i * n + j;
                c[ci] = accumulate ? c[ci] + sum : sum;
            }
        }
    }

    /**
     * The vectors of {@link #packedRows} when A's R rows fit in one vector (k ≤ n): the terms p in passes of four,
     * two or one over all chunks, each pass with its shuffles and pattern rows in locals, the partial sums kept
     * in C (in scratch when accumulating) from one pass to the next. Per lane this is the same FMA chain from zero
     * in p order; with the shuffles loaded once per pass instead of once per chunk, 500×4×4
     * took 0.53 µs instead of 1.0. Returns the number of rows done (whole chunks whose vector fits in a).
     */
    private static int termPasses(int m, int n, int k, float[] a, int aOff, float[] c, int cOff, boolean accumulate,
                                  VectorShuffle<Float>[] shuffles, float[] pattern) {
        int rows = LANES / n;
        int step = rows * k;
        int room = a.length - aOff - LANES;
        int chunks = room < 0 ? 0 : Math.min(m / rows, room / step + 1);
        float[] sums = accumulate ? PARTIAL_SUMS.get(chunks * LANES) : c;
        int sOff = accumulate ? 0 : cOff;
        // fma(x, y, +0) is the first link of a chain from zero.
        java.util.Arrays.fill(sums, sOff, sOff + chunks * LANES, 0f);
        int p = 0;
        for (; p + 4 <= k; p += 4) {
            VectorShuffle<Float> s0 = shuffles[p];
            VectorShuffle<Float> s1 = shuffles[p + 1];
            VectorShuffle<Float> s2 = shuffles[p + 2];
            VectorShuffle<Float> s3 = shuffles[p + 3];
            FloatVector b0 = FloatVector.fromArray(SPECIES, pattern, p * LANES);
            FloatVector b1 = FloatVector.fromArray(SPECIES, pattern, (p + 1) * LANES);
            FloatVector b2 = FloatVector.fromArray(SPECIES, pattern, (p + 2) * LANES);
            FloatVector b3 = FloatVector.fromArray(SPECIES, pattern, (p + 3) * LANES);
            for (int q = 0, ai = aOff, si = sOff; q < chunks; q++, ai += step, si += LANES) {
                FloatVector rowsOfA = FloatVector.fromArray(SPECIES, a, ai);
                FloatVector sum = rowsOfA.rearrange(s0).fma(b0, FloatVector.fromArray(SPECIES, sums, si));
                sum = rowsOfA.rearrange(s1).fma(b1, sum);
                sum = rowsOfA.rearrange(s2).fma(b2, sum);
                rowsOfA.rearrange(s3).fma(b3, sum).intoArray(sums, si);
            }
        }
        for (; p + 2 <= k; p += 2) {
            VectorShuffle<Float> s0 = shuffles[p];
            VectorShuffle<Float> s1 = shuffles[p + 1];
            FloatVector b0 = FloatVector.fromArray(SPECIES, pattern, p * LANES);
            FloatVector b1 = FloatVector.fromArray(SPECIES, pattern, (p + 1) * LANES);
            for (int q = 0, ai = aOff, si = sOff; q < chunks; q++, ai += step, si += LANES) {
                FloatVector rowsOfA = FloatVector.fromArray(SPECIES, a, ai);
                FloatVector sum = rowsOfA.rearrange(s0).fma(b0, FloatVector.fromArray(SPECIES, sums, si));
                rowsOfA.rearrange(s1).fma(b1, sum).intoArray(sums, si);
            }
        }
        if (p < k) {
            VectorShuffle<Float> s0 = shuffles[p];
            FloatVector b0 = FloatVector.fromArray(SPECIES, pattern, p * LANES);
            for (int q = 0, ai = aOff, si = sOff; q < chunks; q++, ai += step, si += LANES) {
                FloatVector.fromArray(SPECIES, a, ai).rearrange(s0).fma(b0, FloatVector.fromArray(SPECIES, sums, si))
                        .intoArray(sums, si);
            }
        }
        if (accumulate) {
            for (int q = 0; q < chunks; q++) {
                FloatVector.fromArray(SPECIES, c, cOff + q * LANES).add(FloatVector.fromArray(SPECIES, sums, q * LANES))
                        .intoArray(c, cOff + q * LANES);
            }
        }
        return chunks * rows;
    }

    /**
     * C (+)= Aᵀ·B by stacked rows; arguments are validated and {@link #stackedRowsApply} holds. Of A (k×m) and
     * B (k×n), call the one with more columns Y (w columns) and the other Z (v ≤ 4 columns). One vector holds
     * R = L/w consecutive rows of Y as they are stored, lane q·w + u = Y[p+q][u]. For each column t of Z, the
     * same R rows of Z rearranged so that lane q·w + u holds Z[p+q][t]; their product accumulates by FMA, chunks
     * of R rows taking turns between two accumulators (FMA latency). Each lane is then a partial sum over the
     * rows p ≡ q (mod 2R), and C's cell is the sum of its 2R lanes in q order, followed by the rows left over at
     * the end by scalar FMA in order. Per R rows this is v rearranges where the outer products need 2R (the
     * weight gradient of a 500-point batch, 4×4×500: 500 rearranges instead of 1,000).
     */
    static void stackedRows(int m, int n, int k, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                            boolean accumulate) {
        boolean wideIsA = m >= n;
        int wide = wideIsA ? m : n;
        int narrow = wideIsA ? n : m;
        float[] y = wideIsA ? a : b;
        int yOff = wideIsA ? aOff : bOff;
        float[] z = wideIsA ? b : a;
        int zOff = wideIsA ? bOff : aOff;
        int rows = LANES / wide;
        VectorShuffle<Float>[] shuffles = STACKED[wide][narrow];
        // Chunks of R rows whose Z vector fits in z (Y's R rows are exactly one vector), taken in pairs.
        int room = z.length - zOff - LANES;
        int chunks = room < 0 ? 0 : Math.min(k / rows, room / (rows * narrow) + 1);
        int pairs = chunks / 2;
        float[] lanes = LANE_SUMS.get(2 * MAX_NARROW * LANES);
        for (int t = 0; t < narrow; t++) {
            VectorShuffle<Float> shuffle = shuffles[t];
            FloatVector even = FloatVector.zero(SPECIES);
            FloatVector odd = even;
            for (int pair = 0, yi = yOff, zi = zOff; pair < pairs; pair++, yi += 2 * LANES,
                    zi += 2 * rows * narrow) {
                even = FloatVector.fromArray(SPECIES, z, zi).rearrange(shuffle)
                        .fma(FloatVector.fromArray(SPECIES, y, yi), even);
                odd = FloatVector.fromArray(SPECIES, z, zi + rows * narrow).rearrange(shuffle)
                        .fma(FloatVector.fromArray(SPECIES, y, yi + LANES), odd);
            }
            even.intoArray(lanes, 2 * t * LANES);
            odd.intoArray(lanes, (2 * t + 1) * LANES);
        }
        int p = 2 * pairs * rows;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                int t = wideIsA ? j : i;
                int u = wideIsA ? i : j;
                float sum = 0f;
                for (int q = 0; q < 2 * rows; q++) {
                    sum += lanes[2 * t * LANES + q * wide + u];
                }
                for (int r = p; r < k; r++) {
                    sum = Math.fma(a[aOff + r * m + i], b[bOff + r * n + j], sum);
                }
                int ci = cOff + i * n + j;
                c[ci] = accumulate ? c[ci] + sum : sum;
            }
        }
    }

    /** C (+)= Aᵀ·B by outer products; arguments are validated and {@link #outerProductsApply} holds. */
    static void outerProducts(int m, int n, int k, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                              boolean accumulate) {
        int cells = m * n;
        int groups = LANES / cells;
        VectorShuffle<Float> fromA = OUTER[m][n][0];
        VectorShuffle<Float> fromB = OUTER[m][n][1];
        FloatVector even = FloatVector.zero(SPECIES);
        FloatVector odd = even;
        int p = 0;
        for (; p + 2 * groups <= k && fits(a, aOff, p + groups, m) && fits(b, bOff, p + groups, n);
             p += 2 * groups) {
            even = rows(a, aOff + p * m, fromA).fma(rows(b, bOff + p * n, fromB), even);
            odd = rows(a, aOff + (p + groups) * m, fromA).fma(rows(b, bOff + (p + groups) * n, fromB), odd);
        }
        for (; p + groups <= k && fits(a, aOff, p, m) && fits(b, bOff, p, n); p += groups) {
            even = rows(a, aOff + p * m, fromA).fma(rows(b, bOff + p * n, fromB), even);
        }
        float[] lanes = LANE_SUMS.get(LANES);
        even.add(odd).intoArray(lanes, 0);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float sum = 0f;
                for (int g = 0; g < groups; g++) {
                    sum += lanes[g * cells + i * n + j];
                }
                for (int q = p; q < k; q++) {
                    sum = Math.fma(a[aOff + q * m + i], b[bOff + q * n + j], sum);
                }
                int ci = cOff + i * n + j;
                c[ci] = accumulate ? c[ci] + sum : sum;
            }
        }
    }

    /** Whether a whole vector can be loaded from row p of a matrix with {@code width} columns. */
    private static boolean fits(float[] x, int off, int p, int width) {
        return off + p * width + LANES <= x.length;
    }

    private static FloatVector rows(float[] x, int from, VectorShuffle<Float> shuffle) {
        return FloatVector.fromArray(SPECIES, x, from).rearrange(shuffle);
    }

    @SuppressWarnings("unchecked")
    private static VectorShuffle<Float>[][][] packedShuffles() {
        VectorShuffle<Float>[][][] table = new VectorShuffle[LANES / 2 + 1][][];
        for (int n = 1; n <= LANES / 2; n++) {
            if (LANES % n != 0) {
                continue;
            }
            table[n] = new VectorShuffle[n + 1][];
            for (int k = 1; k <= n; k++) {
                table[n][k] = new VectorShuffle[k];
                for (int p = 0; p < k; p++) {
                    int[] index = new int[LANES];
                    for (int l = 0; l < LANES; l++) {
                        index[l] = (l / n) * k + p;
                    }
                    table[n][k][p] = VectorShuffle.fromArray(SPECIES, index, 0);
                }
            }
        }
        return table;
    }

    @SuppressWarnings("unchecked")
    private static VectorShuffle<Float>[][][] stackedShuffles() {
        VectorShuffle<Float>[][][] table = new VectorShuffle[LANES / 2 + 1][][];
        for (int wide = 1; wide <= LANES / 2; wide++) {
            if (LANES % wide != 0) {
                continue;
            }
            table[wide] = new VectorShuffle[MAX_NARROW + 1][];
            for (int narrow = 1; narrow <= MAX_NARROW; narrow++) {
                table[wide][narrow] = new VectorShuffle[narrow];
                for (int t = 0; t < narrow; t++) {
                    int[] index = new int[LANES];
                    for (int l = 0; l < LANES; l++) {
                        index[l] = (l / wide) * narrow + t;
                    }
                    table[wide][narrow][t] = VectorShuffle.fromArray(SPECIES, index, 0);
                }
            }
        }
        return table;
    }

    @SuppressWarnings("unchecked")
    private static VectorShuffle<Float>[][][] outerShuffles() {
        VectorShuffle<Float>[][][] table = new VectorShuffle[LANES + 1][LANES + 1][];
        for (int m = 1; m <= LANES; m++) {
            for (int n = 1; m * n <= LANES; n++) {
                int cells = m * n;
                int[] fromA = new int[LANES];
                int[] fromB = new int[LANES];
                for (int l = 0; l < LANES / cells * cells; l++) {
                    int g = l / cells;
                    int cell = l % cells;
                    fromA[l] = g * m + cell / n;
                    fromB[l] = g * n + cell % n;
                }
                table[m][n] = new VectorShuffle[] {VectorShuffle.fromArray(SPECIES, fromA, 0),
                    VectorShuffle.fromArray(SPECIES, fromB, 0)};
            }
        }
        return table;
    }
}
