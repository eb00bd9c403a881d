package studio.backprop.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API GEMM path: {@code C = (accumulate ? C : 0) + op(A) · op(B)} with the same shapes and storage
 * as {@link Gemm#gemm}. Only loaded when the {@code jdk.incubator.vector} module is present.
 *
 * <p>Layout (Goto-style): B is packed once per call into panels of {@link #NR} columns (two vectors) for each
 * k-block of {@link #KC}; each thread packs its own rows of A into panels of {@link #MR} rows and runs a 4×NR
 * register-blocked FMA micro-kernel. Threads split C by groups of MR rows, and the k-blocking is fixed, so every
 * element of C sees the same arithmetic whatever the thread count. A single-row or single-column C goes to
 * {@link GemvVector} instead, where tiles would be mostly padding.
 *
 * <p>Modified: C. Not modified: A, B.
 */
final class GemmVector {

    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();
    static final int MR = 4;
    static final int NR = 2 * LANES;
    /** k-block: one B micro-panel (KC×NR floats) stays in L1 while it meets every A micro-panel of the block. */
    static final int KC = 256;
    /** Rows of A packed at a time: an MC×KC block of A stays in L2. */
    static final int MC = 128;

    /** Smallest multiply-add count worth giving a thread of its own. */
    private static final long MIN_MACS_PER_SLICE = 1L << 21;
    private static final long MIN_FLOATS_PER_PACK_SLICE = 1L << 18;

    private static final ScratchBuffer PACKED_B = new ScratchBuffer();
    private static final ScratchBuffer PACKED_A = new ScratchBuffer();
    private static final ScratchBuffer TILE = new ScratchBuffer();

    private GemmVector() {
    }

    /** Human-readable description of the vector shape in use. */
    static String describe() {
        return "Vector API, " + LANES + " float lanes (" + SPECIES.vectorBitSize() + "-bit), " + MR + "×" + NR
                + " micro-kernel";
    }

    /** Arguments are already validated and m, n, k are all positive. */
    static void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, boolean accumulate) {
        if (m == 1 || n == 1) {
            GemvVector.gemm(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff, accumulate);
            return;
        }
        int panels = (n + NR - 1) / NR;
        int paddedN = panels * NR;
        float[] bp = PACKED_B.get(Math.multiplyExact(k, paddedN));
        int packGrain = (int) Math.max(1, MIN_FLOATS_PER_PACK_SLICE / ((long) k * NR));
        KernelPool.parallelFor(panels, packGrain, (start, end) ->
                packB(transB, n, k, b, bOff, bp, paddedN, start, end));
        int rowGroups = (m + MR - 1) / MR;
        int grain = (int) Math.max(1, MIN_MACS_PER_SLICE / ((long) MR * n * k));
        KernelPool.parallelFor(rowGroups, grain, (start, end) ->
                rows(transA, m, n, k, a, aOff, bp, paddedN, c, cOff, accumulate,
                        start * MR, Math.min(m, end * MR)));
    }

    private static void rows(boolean transA, int m, int n, int k, float[] a, int aOff, float[] bp, int paddedN,
                             float[] c, int cOff, boolean accumulate, int rowStart, int rowEnd) {
        float[] ap = PACKED_A.get(MC * KC);
        float[] tile = TILE.get(MR * NR);
        for (int pc = 0; pc < k; pc += KC) {
            int kc = Math.min(KC, k - pc);
            boolean add = accumulate || pc > 0;
            for (int ic = rowStart; ic < rowEnd; ic += MC) {
                int mc = Math.min(MC, rowEnd - ic);
                packA(transA, m, k, a, aOff, ap, ic, mc, pc, kc);
                block(n, kc, ap, bp, pc * paddedN, c, cOff, ic, mc, add, tile);
            }
        }
    }

    /** Multiplies one packed A block (mc rows) by every packed B panel of the current k-block. */
    private static void block(int n, int kc, float[] ap, float[] bp, int slab, float[] c, int cOff,
                              int ic, int mc, boolean add, float[] tile) {
        for (int j0 = 0, bo = slab; j0 < n; j0 += NR, bo += kc * NR) {
            int cols = Math.min(NR, n - j0);
            for (int r0 = 0, ao = 0; r0 < mc; r0 += MR, ao += kc * MR) {
                int rows = Math.min(MR, mc - r0);
                int co = cOff + (ic + r0) * n + j0;
                if (rows == MR && cols == NR) {
                    micro(kc, ap, ao, bp, bo, c, co, n, add);
                } else {
                    micro(kc, ap, ao, bp, bo, tile, 0, NR, false);
                    mergeTile(tile, rows, cols, c, co, n, add);
                }
            }
        }
    }

    /**
     * The 4×NR register block: eight vector accumulators, one FMA per packed A element and B vector. Stores
     * {@code acc} (or {@code C + acc} when {@code add}) into the 4×NR block of {@code c} at {@code co}.
     */
    private static void micro(int kc, float[] ap, int ao, float[] bp, int bo, float[] c, int co, int ldc,
                              boolean add) {
        FloatVector c00 = FloatVector.zero(SPECIES);
        FloatVector c01 = c00;
        FloatVector c10 = c00;
        FloatVector c11 = c00;
        FloatVector c20 = c00;
        FloatVector c21 = c00;
        FloatVector c30 = c00;
        FloatVector c31 = c00;
        for (int p = 0; p < kc; p++, ao += MR, bo += NR) {
            FloatVector b0 = FloatVector.fromArray(SPECIES, bp, bo);
            FloatVector b1 = FloatVector.fromArray(SPECIES, bp, bo + LANES);
            FloatVector av = FloatVector.broadcast(SPECIES, ap[ao]);
            c00 = av.fma(b0, c00);
            c01 = av.fma(b1, c01);
            av = FloatVector.broadcast(SPECIES, ap[ao + 1]);
            c10 = av.fma(b0, c10);
            c11 = av.fma(b1, c11);
            av = FloatVector.broadcast(SPECIES, ap[ao + 2]);
            c20 = av.fma(b0, c20);
            c21 = av.fma(b1, c21);
            av = FloatVector.broadcast(SPECIES, ap[ao + 3]);
            c30 = av.fma(b0, c30);
            c31 = av.fma(b1, c31);
        }
        store(c00, c, co, add);
        store(c01, c, co + LANES, add);
        store(c10, c, co + ldc, add);
        store(c11, c, co + ldc + LANES, add);
        store(c20, c, co + 2 * ldc, add);
        store(c21, c, co + 2 * ldc + LANES, add);
        store(c30, c, co + 3 * ldc, add);
        store(c31, c, co + 3 * ldc + LANES, add);
    }

    private static void store(FloatVector acc, float[] c, int co, boolean add) {
        FloatVector out = add ? FloatVector.fromArray(SPECIES, c, co).add(acc) : acc;
        out.intoArray(c, co);
    }

    /** Edge tiles: the same C + acc addition as {@link #store}, done per element so nothing outside C is touched. */
    private static void mergeTile(float[] tile, int rows, int cols, float[] c, int co, int ldc, boolean add) {
        for (int r = 0; r < rows; r++) {
            int t = r * NR;
            int ci = co + r * ldc;
            for (int j = 0; j < cols; j++) {
                c[ci + j] = add ? c[ci + j] + tile[t + j] : tile[t + j];
            }
        }
    }

    /** Packs B panels [start, end): for each k-block, panel jp holds kc rows of NR floats, zero past column n. */
    private static void packB(boolean transB, int n, int k, float[] b, int bOff, float[] bp, int paddedN,
                              int start, int end) {
        for (int pc = 0; pc < k; pc += KC) {
            int kc = Math.min(KC, k - pc);
            for (int jp = start; jp < end; jp++) {
                int j0 = jp * NR;
                int cols = Math.min(NR, n - j0);
                int dst = pc * paddedN + jp * kc * NR;
                if (transB) {
                    GemmPacking.packColumnsTransposed(b, bOff, k, j0, cols, pc, kc, bp, dst, NR);
                } else {
                    GemmPacking.packColumns(b, bOff, n, j0, cols, pc, kc, bp, dst, NR);
                }
            }
        }
    }

    /** Packs rows [ic, ic+mc) of op(A) for the k-block into MR-row panels: panel-major, then p, then row. */
    private static void packA(boolean transA, int m, int k, float[] a, int aOff, float[] ap,
                              int ic, int mc, int pc, int kc) {
        for (int r0 = 0; r0 < mc; r0 += MR) {
            int rows = Math.min(MR, mc - r0);
            int dst = (r0 / MR) * kc * MR;
            if (transA) {
                GemmPacking.packColumns(a, aOff, m, ic + r0, rows, pc, kc, ap, dst, MR);
            } else {
                GemmPacking.packColumnsTransposed(a, aOff, k, ic + r0, rows, pc, kc, ap, dst, MR);
            }
        }
    }
}
