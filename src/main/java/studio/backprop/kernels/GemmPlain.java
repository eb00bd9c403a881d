package studio.backprop.kernels;

import java.util.Arrays;

/**
 * The plain-Java GEMM path (no Vector API): {@code C = (accumulate ? C : 0) + op(A) · op(B)} with the same
 * shapes and storage as {@link Gemm#gemm}.
 *
 * <p>On JDK 17, C2 auto-vectorises {@code y[j] += a * x[j]} when both arrays are indexed from zero, but with
 * offsets into flat arrays it cannot rule out aliasing and stays scalar (measured: about 6 against 30-50
 * GFLOP/s). So each NB-column × KB-deep block of op(B) is packed
 * into its own row arrays, C rows are accumulated in per-thread row buffers, and four rows of C share every
 * load of B. Threads split C by groups of four rows; the blocking is fixed, so results do not depend on the
 * thread count.
 *
 * <p>Modified: C. Not modified: A, B.
 */
final class GemmPlain {

    static final int NB = 256;
    static final int KB = 256;
    private static final int RG = 4;
    /** About 0.1 ms of this kernel's time, the measured cost of waking a parked pool thread. */
    private static final long MIN_MACS_PER_SLICE = 1L << 21;
    private static final int MIN_CHUNK_ROWS = 64;

    private static final ThreadLocal<float[][]> PANEL = ThreadLocal.withInitial(() -> new float[KB][NB]);
    private static final ThreadLocal<float[][]> ROWS = ThreadLocal.withInitial(() -> new float[RG][NB]);

    private GemmPlain() {
    }

    /** Arguments are already validated and m, n, k are all positive. */
    static void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, boolean accumulate) {
        if (n == 1) {
            // One-float row buffers would make every axpy a call per element; a dot product per row is cheaper.
            Gemm.gemmReference(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff, accumulate);
            return;
        }
        float[][] panel = PANEL.get();
        int groups = (m + RG - 1) / RG;
        for (int jc = 0; jc < n; jc += NB) {
            int nc = Math.min(NB, n - jc);
            for (int pc = 0; pc < k; pc += KB) {
                int kc = Math.min(KB, k - pc);
                packPanel(transB, n, k, b, bOff, panel, jc, nc, pc, kc);
                Block blk = BLOCKS.get();
                if (blk.inUse) {
                    blk = new Block();
                }
                blk.set(transA, m, n, k, a, aOff, panel, c, cOff, jc, nc, pc, kc, accumulate || pc > 0);
                int grain = (int) Math.max(1, MIN_MACS_PER_SLICE / ((long) RG * nc * kc));
                try {
                    DynamicSplit.run(groups, grain, MIN_CHUNK_ROWS / RG, blk);
                } finally {
                    blk.release();
                }
            }
        }
    }

    private static void packPanel(boolean transB, int n, int k, float[] b, int bOff, float[][] panel,
                                  int jc, int nc, int pc, int kc) {
        for (int p = 0; p < kc; p++) {
            float[] row = panel[p];
            if (transB) {
                for (int j = 0, s = bOff + jc * k + pc + p; j < nc; j++, s += k) {
                    row[j] = b[s];
                }
            } else {
                System.arraycopy(b, bOff + (pc + p) * n + jc, row, 0, nc);
            }
        }
    }

    /**
     * The calling thread's block, reused call after call so that a product allocates nothing (attention's many
     * small products made a record and a lambda per call: 70 KB per training step of a transformer block).
     */
    private static final ThreadLocal<Block> BLOCKS = ThreadLocal.withInitial(Block::new);

    /**
     * One NB×KB block of the product, shared read-only by the threads that split its groups of RG rows, from
     * {@link #set} until {@link #release}.
     */
    private static final class Block implements KernelPool.RangeBody {
        boolean inUse;
        boolean transA;
        int m;
        int n;
        int k;
        float[] a;
        int aOff;
        float[][] panel;
        float[] c;
        int cOff;
        int jc;
        int nc;
        int pc;
        int kc;
        boolean add;

        void set(boolean transA, int m, int n, int k, float[] a, int aOff, float[][] panel, float[] c, int cOff,
                 int jc, int nc, int pc, int kc, boolean add) {
            this.inUse = true;
            this.transA = transA;
            this.m = m;
            this.n = n;
            this.k = k;
            this.a = a;
            this.aOff = aOff;
            this.panel = panel;
            this.c = c;
            this.cOff = cOff;
            this.jc = jc;
            this.nc = nc;
            this.pc = pc;
            this.kc = kc;
            this.add = add;
        }

        /** Drops the arrays (so a finished product keeps nothing alive) and frees the block for the next call. */
        void release() {
            a = null;
            panel = null;
            c = null;
            inUse = false;
        }

        /** Groups of RG rows [start, end). */
        @Override
        public void run(int start, int end) {
            rows(start * RG, Math.min(m, end * RG));
        }

        void rows(int rowStart, int rowEnd) {
            float[][] acc = ROWS.get();
            for (int i = rowStart; i < rowEnd; i += RG) {
                int g = Math.min(RG, rowEnd - i);
                load(acc, i, g);
                if (g == RG) {
                    fourRows(acc, i);
                } else {
                    for (int q = 0; q < g; q++) {
                        oneRow(acc[q], i + q);
                    }
                }
                for (int q = 0; q < g; q++) {
                    System.arraycopy(acc[q], 0, c, cOff + (i + q) * n + jc, nc);
                }
            }
        }

        private void load(float[][] acc, int i, int g) {
            for (int q = 0; q < g; q++) {
                if (add) {
                    System.arraycopy(c, cOff + (i + q) * n + jc, acc[q], 0, nc);
                } else {
                    Arrays.fill(acc[q], 0, nc, 0f);
                }
            }
        }

        private float aAt(int i, int p) {
            return transA ? a[aOff + p * m + i] : a[aOff + i * k + p];
        }

        private void fourRows(float[][] acc, int i) {
            float[] r0 = acc[0];
            float[] r1 = acc[1];
            float[] r2 = acc[2];
            float[] r3 = acc[3];
            for (int p = 0; p < kc; p++) {
                int pp = pc + p;
                axpy4(aAt(i, pp), aAt(i + 1, pp), aAt(i + 2, pp), aAt(i + 3, pp), panel[p], r0, r1, r2, r3, nc);
            }
        }

        private void oneRow(float[] r, int i) {
            for (int p = 0; p < kc; p++) {
                axpy1(aAt(i, pc + p), panel[p], r, nc);
            }
        }
    }

    /** r_q[j] += a_q · x[j] for four rows at once: one load of x feeds four multiply-adds. */
    private static void axpy4(float a0, float a1, float a2, float a3, float[] x,
                              float[] r0, float[] r1, float[] r2, float[] r3, int len) {
        for (int j = 0; j < len; j++) {
            float xv = x[j];
            r0[j] += a0 * xv;
            r1[j] += a1 * xv;
            r2[j] += a2 * xv;
            r3[j] += a3 * xv;
        }
    }

    /** r[j] += a · x[j]: the same per-element arithmetic as {@link #axpy4}. */
    private static void axpy1(float a0, float[] x, float[] r, int len) {
        for (int j = 0; j < len; j++) {
            r[j] += a0 * x[j];
        }
    }
}
