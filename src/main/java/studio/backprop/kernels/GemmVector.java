package studio.backprop.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API GEMM path: {@code C = (accumulate ? C : 0) + op(A) · op(B)} with the same shapes and storage
 * as {@link Gemm#gemm}. Only loaded when the {@code jdk.incubator.vector} module is present.
 *
 * <p>Layout (Goto-style): B is packed once per call into panels of {@link #NR} columns (two vectors) for each
 * k-block of {@link #KC}; each thread packs its own rows of A into panels of {@link #MR} rows (a block's last
 * panel 8 or 4), a strip of {@link #MC} rows for all k-blocks at once, then takes B's panels a slab of
 * {@link #STRIP_PANELS} at a time through every k-block, so that the strip's block of C stays in L2 between
 * k-blocks instead of coming back from memory (taking each k-block across all of C lost 8% at 1024³). Where B's
 * full panels already lie in memory as the kernels read them (B stored plain) and packing would cost more than it
 * saves ({@link #readsBInPlace}), they are read in place; so are A's rows when C has few of them and packing them
 * would cost more than it saves ({@link #readsAInPlace}, the kernels of {@link GemmDirectKernels}). It
 * runs the 12×NR (8×NR, 4×NR) register-blocked FMA micro-kernels of {@link GemmMicroKernels}
 * (8×LANES and one-vector panels when n <= LANES). Threads split C by groups of register-block rows, or, when C
 * has few rows and many columns, by B panels (each thread packing its own, after all threads have packed A's
 * panels once between them); the blocking depends only on the shape, so every element of C sees the same
 * arithmetic whatever the thread count and the split. A single-row or single-column C goes to
 * {@link GemvVector} instead, where tiles would be mostly padding.
 *
 * <p>Modified: C. Not modified: A, B.
 */
final class GemmVector {

    static final VectorSpecies<Float> SPECIES = GemmMicroKernels.SPECIES;
    static final int LANES = GemmMicroKernels.LANES;
    /** Rows of a full wide panel; a block's last panel may have 8 or 4 (or fewer, padded to a multiple of 4). */
    static final int MR = 12;
    static final int NR = GemmMicroKernels.NR;
    /** Rows of the one-vector-wide block used when n <= LANES. */
    static final int MR_NARROW = 8;
    /** k-block: one B micro-panel (KC×NR floats) stays in L1 while it meets every A micro-panel of the block. */
    static final int KC = 256;
    /**
     * Rows of A packed at a time (a multiple of both panel heights, 12 and 8): an MC×KC block of A (288 KB) stays
     * in a 1 MB L2. With 144, a 256² product took two strips, so B was packed and A strips packed for it: 180-193
     * GFLOP/s on one thread and 263-268 on two; now all 256 rows are read in place (and split by B's panels on two
     * threads): 218-219 and 441-452. At 512 and 1024 the two values measured the same.
     */
    static final int MC = 288;
    /** B panels taken through all k-blocks at a time when a row strip has several k-blocks. */
    static final int STRIP_PANELS = 8;
    /** Longest k for which a strip's A is packed for all its k-blocks at once (MC·k floats per thread). */
    static final int MAX_STRIP_K = 8192;

    /**
     * Smallest multiply-add count worth giving a thread of its own: about 10 µs of kernel time. Pool workers spin
     * between the back-to-back kernels of a training step, so handing them a slice costs about a microsecond;
     * with the earlier 0.1 ms (the cost of waking a parked thread) the batch-64 products of an MLP step never
     * split and its second thread sat idle.
     */
    private static final long MIN_MACS_PER_SLICE = 1L << 20;
    /**
     * Floats of B worth packing on another thread (about 10 µs of copying): the MLP's 784×128 weights are then
     * packed by both threads instead of one while the other waits.
     */
    private static final long MIN_FLOATS_PER_PACK_SLICE = 1L << 15;
    /**
     * Each chunk of rows streams all of packed B once per k-block: keep chunks tall enough to amortise it, yet
     * short enough that a batch of 64 rows still makes four chunks for two threads.
     */
    private static final int MIN_CHUNK_ROWS = 16;

    private static final ScratchBuffer PACKED_B = new ScratchBuffer();
    private static final ScratchBuffer PACKED_A = new ScratchBuffer();
    /** All of op(A), packed once for every thread, when threads split B's panels (m ≤ MC). */
    private static final ScratchBuffer SHARED_A = new ScratchBuffer();
    private static final ScratchBuffer TILE = new ScratchBuffer();
    /** One A panel packed on the spot when A is otherwise read in place: a block's last rows, short of a panel. */
    private static final ScratchBuffer LAST_ROWS = new ScratchBuffer();

    private GemmVector() {
    }

    /** Human-readable description of the vector shape in use. */
    static String describe() {
        return "Vector API, " + LANES + " float lanes (" + SPECIES.vectorBitSize() + "-bit), " + MR + "×" + NR
                + " micro-kernel (" + MR_NARROW + "×" + LANES + " when n <= " + LANES + ")";
    }

    /** Arguments are already validated and m, n, k are all positive. */
    static void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, boolean accumulate) {
        if (m == 1 || n == 1) {
            GemvVector.gemm(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff, accumulate);
            return;
        }
        // Narrow products (few output channels, few classes) would leave most of a two-vector tile as padding.
        boolean narrow = n <= LANES;
        int mr = narrow ? MR_NARROW : MR;
        int nr = narrow ? LANES : NR;
        int panels = (n + nr - 1) / nr;
        Call call = CALLS.get();
        if (call.inUse) {
            call = new Call();
        }
        call.set(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff, accumulate, mr, nr, panels * nr,
                PACKED_B.get(Math.multiplyExact(k, panels * nr)));
        try {
            if (splitsColumns(m, n, k, nr, panels)) {
                // Few rows, many columns (a batch of 64 through a wide layer): unless A is read in place, the
                // threads pack A's panels once between them; then each packs and multiplies its own B panels
                // against all the rows, so its panels stay in its own cache (each thread packing all of A was a
                // tenth of an MLP step).
                if (!call.directA) {
                    int rowPanels = (m + mr - 1) / mr;
                    call.sharedA = SHARED_A.get(Math.multiplyExact(rowPanels * mr, k));
                    call.mode = Mode.PACK_A;
                    KernelPool.parallelFor(rowPanels, 1, call);
                }
                call.mode = Mode.COLUMNS;
                KernelPool.parallelFor(panels, 1, call);
                return;
            }
            int packGrain = (int) Math.max(1, MIN_FLOATS_PER_PACK_SLICE / ((long) k * nr));
            call.mode = Mode.PACK_B;
            KernelPool.parallelFor(panels, packGrain, call);
            call.mode = Mode.ROWS;
            int rowGroups = (m + mr - 1) / mr;
            int grain = (int) Math.max(1, MIN_MACS_PER_SLICE / ((long) mr * n * k));
            DynamicSplit.run(rowGroups, grain, MIN_CHUNK_ROWS / mr, call);
        } finally {
            call.release();
        }
    }

    /**
     * Whether threads take slices of B's panels rather than of C's rows: when all the rows fit one packed A block
     * (so splitting rows would make every thread stream all of packed B, half of it packed by the other core),
     * more than one thread may run, each thread gets at least two panels, and the product is worth two threads,
     * the test the row split makes. (Asking two panels' worth of work of each slice instead sent a batch of 64
     * through dY·Wᵀ of a 400→120 layer, 64×400×120, to the row split, where the second core read all of packed
     * B from the first: 77-81 µs on two threads against 45-47 on one; split over columns, 37-38.)
     */
    static boolean splitsColumns(int m, int n, int k, int nr, int panels) {
        int threads = KernelPool.threads();
        return threads > 1 && m <= MC && panels >= 2 * Math.min(threads, 2)
                && (long) m * n * k >= 2 * MIN_MACS_PER_SLICE;
    }

    /**
     * Whether full B panels are read from B itself (not transB: each k step of a panel is NR consecutive floats
     * of B, row stride n). Worth it when few row panels share a B panel (m ≤ MC: a batch of 64 through a layer,
     * 158 → 147 µs for 64×128×784), or when a panel's kc rows, n floats apart, fall into enough distinct L1 sets
     * to stay resident (kc·gcd(n, 1024) ≤ 8192 for a 48 KB, 12-way L1 with 4 KB per way; that batch's weight
     * gradient Xᵀ·dY, 784×128×64: 146 → 129 µs). A 1024² B read in place ran at 72 GFLOP/s instead of 110.
     */
    static boolean readsBInPlace(boolean transB, int m, int n, int k) {
        if (transB) {
            return false;
        }
        int kc = Math.min(k, KC);
        return m <= MC || (long) kc * gcd(n, 1024) <= 8192;
    }

    /**
     * Whether the wide kernels read A's rows where A stores them ({@link GemmDirectKernels}) instead of packing
     * them: A stored plain (each row's k floats side by side), few enough rows that a packed panel would meet
     * only one pass over B (m ≤ MC, as for a batch through a layer, where packing was a fifth of the product),
     * and a row length that spreads the twelve rows over at least four L1 sets (gcd(k, 1024) ≤ 256, a 4 KB way:
     * rows 4 KB apart would all land in one set and evict each other).
     */
    static boolean readsAInPlace(boolean transA, int m, int n, int k) {
        return !transA && n > LANES && m <= MC && gcd(k, 1024) <= 256;
    }

    private static int gcd(int x, int y) {
        while (y != 0) {
            int t = x % y;
            x = y;
            y = t;
        }
        return x;
    }

    /** What {@link Call#run} does with its range. */
    private enum Mode {
        /** Pack B panels [start, end). */
        PACK_B,
        /** Pack A's row panels [start, end) for every k-block into the shared buffer (m ≤ MC). */
        PACK_A,
        /** Multiply groups of mr rows [start, end) by every (already packed) panel. */
        ROWS,
        /** Pack B panels [start, end) and multiply every row, from the shared packed A, by them. */
        COLUMNS
    }

    /** Each thread's reusable call state (a record and two lambdas per call before). */
    private static final ThreadLocal<Call> CALLS = ThreadLocal.withInitial(Call::new);

    /** One GEMM call with its register-block shape (mr×nr) and the packed B shared by all threads. */
    private static final class Call implements KernelPool.RangeBody {
        boolean transA;
        boolean transB;
        int m;
        int n;
        int k;
        float[] a;
        int aOff;
        float[] b;
        int bOff;
        float[] c;
        int cOff;
        boolean accumulate;
        int mr;
        int nr;
        int paddedN;
        float[] bp;
        /** Full B panels are read where B stores them (not transB: a panel's columns are side by side). */
        boolean directB;
        /** A's rows are read where A stores them ({@link #readsAInPlace}); only short last panels are packed. */
        boolean directA;
        /** Packed A for the COLUMNS mode: k-block pc at {@code pc·mPad}, laid out as {@link #packA} lays a block. */
        float[] sharedA;
        Mode mode = Mode.ROWS;
        boolean inUse;

        void set(boolean transA, boolean transB, int m, int n, int k, float[] a, int aOff, float[] b, int bOff,
                 float[] c, int cOff, boolean accumulate, int mr, int nr, int paddedN, float[] bp) {
            this.transA = transA;
            this.transB = transB;
            this.m = m;
            this.n = n;
            this.k = k;
            this.a = a;
            this.aOff = aOff;
            this.b = b;
            this.bOff = bOff;
            this.c = c;
            this.cOff = cOff;
            this.accumulate = accumulate;
            this.mr = mr;
            this.nr = nr;
            this.paddedN = paddedN;
            this.bp = bp;
            this.directB = GemmVector.readsBInPlace(transB, m, n, k);
            this.directA = GemmVector.readsAInPlace(transA, m, n, k);
            this.inUse = true;
        }

        void release() {
            a = null;
            b = null;
            c = null;
            bp = null;
            sharedA = null;
            inUse = false;
        }

        @Override
        public void run(int start, int end) {
            switch (mode) {
                case PACK_B -> packB(start, end);
                case PACK_A -> packSharedA(start, end);
                case ROWS -> rows(start * mr, Math.min(m, end * mr), 0, (n + nr - 1) / nr);
                case COLUMNS -> {
                    packB(start, end);
                    columns(start, end);
                }
                default -> throw new IllegalStateException("gemm: unknown mode " + mode);
            }
        }

        /** C rows [rowStart, rowEnd) × B panels [panelStart, panelEnd), B already packed. */
        void rows(int rowStart, int rowEnd, int panelStart, int panelEnd) {
            float[] tile = TILE.get(mr * nr);
            if (k <= KC || k > MAX_STRIP_K) {
                float[] ap = directA ? null : PACKED_A.get(MC * KC);
                for (int ic = rowStart; ic < rowEnd; ic += MC) {
                    int mc = Math.min(MC, rowEnd - ic);
                    for (int pc = 0; pc < k; pc += KC) {
                        int kc = Math.min(KC, k - pc);
                        if (!directA) {
                            packA(ap, 0, ic, mc, pc, kc);
                        }
                        block(kc, ap, 0, pc, ic, mc, accumulate || pc > 0, tile, panelStart, panelEnd);
                    }
                }
                return;
            }
            // Several k-blocks: pack the strip's A for every k-block once, then take B's panels a slab of
            // STRIP_PANELS at a time through all the k-blocks, so the strip's C block stays in L2 between them.
            float[] strip = directA ? null : PACKED_A.get(MC * k);
            for (int ic = rowStart; ic < rowEnd; ic += MC) {
                int mc = Math.min(MC, rowEnd - ic);
                for (int pc = 0; pc < k && !directA; pc += KC) {
                    packA(strip, pc * MC, ic, mc, pc, Math.min(KC, k - pc));
                }
                for (int jc = panelStart; jc < panelEnd; jc += STRIP_PANELS) {
                    int jEnd = Math.min(panelEnd, jc + STRIP_PANELS);
                    for (int pc = 0; pc < k; pc += KC) {
                        block(Math.min(KC, k - pc), strip, pc * MC, pc, ic, mc, accumulate || pc > 0,
                                tile, jc, jEnd);
                    }
                }
            }
        }

        /** Every row of C × B panels [panelStart, panelEnd), with A and B already packed (m ≤ MC). */
        void columns(int panelStart, int panelEnd) {
            float[] tile = TILE.get(mr * nr);
            int mPad = (m + mr - 1) / mr * mr;
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                block(kc, sharedA, pc * mPad, pc, 0, m, accumulate || pc > 0, tile, panelStart,
                        panelEnd);
            }
        }

        /** Packs A's row panels [start, end) of every k-block into {@link #sharedA}. */
        void packSharedA(int start, int end) {
            int mPad = (m + mr - 1) / mr * mr;
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                for (int panel = start; panel < end; panel++) {
                    packPanel(sharedA, pc * mPad + panel * mr * kc, panel * mr, Math.min(mr, m - panel * mr), pc,
                            kc);
                }
            }
        }

        /**
         * Multiplies one packed A block (mc rows) by the packed B panels [panelStart, panelEnd) of the current
         * k-block. Each tile's arithmetic is the same whichever panels or rows a thread was given.
         */
        private void block(int kc, float[] ap, int aBase, int pc, int ic, int mc, boolean add, float[] tile,
                           int panelStart, int panelEnd) {
            for (int jp = panelStart; jp < panelEnd; jp++) {
                int j0 = jp * nr;
                int cols = Math.min(nr, n - j0);
                boolean bInPlace = bPanelInPlace(cols);
                float[] bs = bInPlace ? b : bp;
                int bo = bInPlace ? bOff + pc * n + j0 : pc * paddedN + jp * kc * nr;
                int bStep = bInPlace ? n : nr;
                for (int r0 = 0; r0 < mc; r0 += mr) {
                    int rows = Math.min(mr, mc - r0);
                    int height = panelHeight(rows);
                    int co = cOff + (ic + r0) * n + j0;
                    if (directA && rows == height) {
                        int ao = aOff + (ic + r0) * k + pc;
                        if (cols == nr) {
                            directKernel(height, kc, ao, bs, bo, bStep, c, co, n, add);
                        } else {
                            directKernel(height, kc, ao, bs, bo, bStep, tile, 0, nr, false);
                            GemmMicroKernels.mergeTile(tile, nr, rows, cols, c, co, n, add);
                        }
                        continue;
                    }
                    float[] as = ap;
                    int ao = aBase + r0 * kc;
                    if (directA) {
                        // A short last panel (rows padded to 4, 8 or 12 with zeros): packed here, as it would be.
                        as = LAST_ROWS.get(height * kc);
                        packPanel(as, 0, ic + r0, rows, pc, kc);
                        ao = 0;
                    }
                    if (rows == height && cols == nr) {
                        kernel(height, kc, as, ao, bs, bo, bStep, c, co, n, add);
                    } else {
                        kernel(height, kc, as, ao, bs, bo, bStep, tile, 0, nr, false);
                        GemmMicroKernels.mergeTile(tile, nr, rows, cols, c, co, n, add);
                    }
                }
            }
        }

        /** Whether a panel of {@code cols} columns is read from B itself rather than packed. */
        private boolean bPanelInPlace(int cols) {
            return directB && cols == nr;
        }

        /**
         * Rows packed for a panel holding {@code rows} rows of C: full panels keep mr; a wide block's last panel
         * is rounded up to 4 or 8 (its padding rows are zero), a narrow one is padded to mr.
         */
        private int panelHeight(int rows) {
            return nr == LANES ? mr : (rows + 3) & ~3;
        }

        /** A full panel of {@code height} rows of A read in place, A's row stride k. */
        private void directKernel(int height, int kc, int ao, float[] bs, int bo, int bStep, float[] out, int co,
                                  int ldc, boolean add) {
            if (height == 12) {
                GemmDirectKernels.micro12Rows(kc, a, ao, k, bs, bo, bStep, out, co, ldc, add);
            } else if (height == 8) {
                GemmDirectKernels.micro8Rows(kc, a, ao, k, bs, bo, bStep, out, co, ldc, add);
            } else {
                GemmDirectKernels.micro4Rows(kc, a, ao, k, bs, bo, bStep, out, co, ldc, add);
            }
        }

        private void kernel(int height, int kc, float[] ap, int ao, float[] bs, int bo, int bStep, float[] out,
                            int co, int ldc, boolean add) {
            if (nr == LANES) {
                GemmMicroKernels.microNarrow(kc, ap, ao, bs, bo, bStep, out, co, ldc, add);
            } else if (height == 12) {
                GemmMicroKernels.micro12(kc, ap, ao, bs, bo, bStep, out, co, ldc, add);
            } else if (height == 8) {
                GemmMicroKernels.micro8(kc, ap, ao, bs, bo, bStep, out, co, ldc, add);
            } else {
                GemmMicroKernels.micro4(kc, ap, ao, bs, bo, bStep, out, co, ldc, add);
            }
        }

        /**
         * Packs B panels [start, end): per k-block, panel jp holds kc rows of nr floats, zero past column n. Full
         * two-vector panels of a plain B are copied a row of B at a time across all of them.
         */
        void packB(int start, int end) {
            int fullEnd = Math.min(end, n / nr);
            boolean byRow = nr == NR && !transB && !directB && fullEnd > start;
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                if (byRow) {
                    packPanelsByRow(start, fullEnd, pc, kc);
                }
                for (int jp = byRow ? fullEnd : start; jp < end; jp++) {
                    int j0 = jp * nr;
                    int cols = Math.min(nr, n - j0);
                    if (bPanelInPlace(cols)) {
                        continue;
                    }
                    int dst = pc * paddedN + jp * kc * nr;
                    if (transB) {
                        GemmPacking.packColumnsTransposed(b, bOff, k, j0, cols, pc, kc, bp, dst, nr);
                    } else {
                        GemmPacking.packColumns(b, bOff, n, j0, cols, pc, kc, bp, dst, nr);
                    }
                }
            }
        }

        /**
         * Packs the full two-vector (NR-wide) panels [start, end) of a plain B for the k-block at pc a row of B at a
         * time: row p's floats of panel jp go to {@code bp[pc·paddedN + jp·kc·nr + p·nr ..]}, as
         * {@link GemmPacking#packColumns} puts them. Each row of B is read once from front to back; a panel at a time
         * read nr floats from each of kc rows n apart, which at n = 1024 fell into the same cache sets and outran no
         * prefetcher (1.1 ns a float against 0.4 at n = 512): packing 1024² took 1.07 ms, now 0.56.
         */
        private void packPanelsByRow(int start, int end, int pc, int kc) {
            int panelStride = kc * nr;
            for (int p = 0; p < kc; p++) {
                int s = bOff + (pc + p) * n + start * nr;
                int d = pc * paddedN + start * panelStride + p * nr;
                for (int jp = start; jp < end; jp++, s += nr, d += panelStride) {
                    FloatVector.fromArray(SPECIES, b, s).intoArray(bp, d);
                    FloatVector.fromArray(SPECIES, b, s + LANES).intoArray(bp, d + LANES);
                }
            }
        }

        /**
         * Packs rows [ic, ic+mc) of op(A) for the k-block into panels of mr rows (the last one
         * {@link #panelHeight} rows): the panel starting at row r0 begins at {@code r0·kc}, then p, then row.
         */
        private void packA(float[] ap, int base, int ic, int mc, int pc, int kc) {
            for (int r0 = 0; r0 < mc; r0 += mr) {
                packPanel(ap, base + r0 * kc, ic + r0, Math.min(mr, mc - r0), pc, kc);
            }
        }

        /** Packs rows [row, row+rows) of op(A), columns [pc, pc+kc), as one panel of panelHeight(rows) at dst. */
        private void packPanel(float[] ap, int dst, int row, int rows, int pc, int kc) {
            int height = panelHeight(rows);
            if (transA && rows == 12 && height == 12 && LANES == 16) {
                packTwelveOfTransposed(ap, dst, row, pc, kc);
                return;
            }
            if (transA) {
                GemmPacking.packColumns(a, aOff, m, row, rows, pc, kc, ap, dst, height);
            } else {
                GemmPacking.packColumnsTransposed(a, aOff, k, row, rows, pc, kc, ap, dst, height);
            }
        }

        /**
         * The full 12-row panel of op(A) = Aᵀ at {@code row}: k step p's twelve floats lie side by side in A's row
         * pc + p, so each is copied with one vector load and store. The store's last four lanes land on the next
         * step's first four, which that step's store then overwrites; the last step (and any whose load would
         * leave A) is copied float by float, so nothing is written past the panel.
         */
        private void packTwelveOfTransposed(float[] ap, int dst, int row, int pc, int kc) {
            int s = aOff + pc * m + row;
            int p = 0;
            for (int d = dst; p < kc - 1 && s + LANES <= a.length; p++, s += m, d += 12) {
                FloatVector.fromArray(SPECIES, a, s).intoArray(ap, d);
            }
            for (; p < kc; p++, s += m) {
                System.arraycopy(a, s, ap, dst + p * 12, 12);
            }
        }
    }
}
