package studio.backprop.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Direct stride-1 convolution for layers with few channels (LeNet-sized), on the Vector API. Same contracts and
 * shapes as {@link Conv2d}; {@link Conv2d} routes here when {@link #applies} says so.
 *
 * <p>im2col + GEMM is poor when cout is 6 or 16: the product is a tall, narrow matrix whose packing and edge
 * tiles cost more than its arithmetic. Here each image is copied into zero-padded planes (one per channel, row
 * length Wp = padded width), so that every tap (ky, kx) of a stride-1 window is the same plane shifted by
 * {@code ky·dh·Wp + kx·dw}. An output plane laid out on the same Wp-wide grid is then a sum of shifted planes
 * times one weight each: long contiguous vectors, no gathering. The grid's last Wp − outW columns of each row
 * are computed and thrown away.
 *
 * <ul>
 *   <li>forward: for a block of 8 (6, 4) output channels and 2 vectors of grid positions, 16 (12, 8)
 *       accumulators; per tap and input channel, 2 loads of the shifted plane and 8 (6, 4) broadcast weights feed
 *       16 (12, 8) FMAs ({@link ConvDirectKernels}).</li>
 *   <li>backward input: the same kernel on dy, padded by (k−1)·d − pad, with the weights flipped and their
 *       channel axes swapped (the transposed correlation of a stride-1 convolution is a correlation).</li>
 *   <li>backward weight: dW[tap, ci, co] = Σ_images Σ_pixels plane_ci(pixel + shift(tap)) · dy[pixel, co], read
 *       straight from the NHWC dy: a vector of output channels per pixel, eight (tap, ci) rows of broadcast plane
 *       values, eight FMAs. Each lane is one channel's sum over the pixels in order; images go in chunks that
 *       fit in L1, every job of a thread taking each chunk in turn.</li>
 * </ul>
 *
 * <p>Channel counts are padded to multiples of 4 with zero weights (forward, backward input), and rows of the
 * weight gradient to multiples of 8 (or 4) by rereading a real row; the padding's results are never written out.
 * Work is split over images (forward, backward input) or over jobs of weight-gradient rows (each summing all
 * images in order), so every output element sees the same arithmetic whatever the thread count. Scratch lives in
 * per-thread {@link ScratchBuffer}s: no allocation in steady state beyond the loop bodies.
 */
final class ConvDirect {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final int BLOCK = 4;
    /** Multiply-adds worth handing to another thread (~0.1 ms, the cost of waking a parked one). */
    private static final long MIN_MACS_PER_SLICE = 1L << 21;

    /** Per-thread: one image's padded planes and its output grid. */
    private static final ScratchBuffer LOCAL = new ScratchBuffer();
    /** Caller's: the whole batch's planes (backward weight) or the repacked weights (forward, backward input). */
    private static final ScratchBuffer SHARED = new ScratchBuffer();

    private ConvDirect() {
    }

    /**
     * Whether the direct kernels handle this layer: stride 1, padding no wider than the dilated window (so the
     * transposed correlation needs no negative padding), and few channels (im2col + GEMM wins on wide layers).
     */
    static boolean applies(int cin, int cout, ConvGeometry g) {
        return g.strideH() == 1 && g.strideW() == 1
                && g.padTop() <= (g.kernelH() - 1) * g.dilationH()
                && g.padBottom() <= (g.kernelH() - 1) * g.dilationH()
                && g.padLeft() <= (g.kernelW() - 1) * g.dilationW()
                && g.padRight() <= (g.kernelW() - 1) * g.dilationW()
                && g.kernelH() * g.kernelW() > 1
                && cin <= 16 && cout <= 32;
    }

    /**
     * The calling thread's recently used grids (a layer's forward, input-gradient and weight-gradient grids) and
     * its reusable loop bodies, so that a training step builds no objects here.
     */
    private static final class Local {
        final ConvGrid[] grids = new ConvGrid[8];
        int next;
        final ImageJob images = new ImageJob();
        final PlaneJob planes = new PlaneJob();
        final RowJob rows = new RowJob();

        ConvGrid grid(int h, int w, int c, int t, int b, int l, int r, ConvGeometry g) {
            for (ConvGrid grid : grids) {
                if (grid != null && grid.matches(h, w, c, t, b, l, r, g)) {
                    return grid;
                }
            }
            ConvGrid grid = new ConvGrid(h, w, c, t, b, l, r, g);
            grids[next] = grid;
            next = (next + 1) % grids.length;
            return grid;
        }
    }

    private static final ThreadLocal<Local> LOCALS = ThreadLocal.withInitial(Local::new);

    /** The correlation of every image: planes, correlate, scatter (+ bias) into out. */
    private static final class ImageJob implements KernelPool.RangeBody {
        ConvGrid grid;
        float[] in;
        float[] wq;
        int coPad;
        int cout;
        float[] bias;
        float[] out;
        boolean accumulate;

        @Override
        public void run(int start, int end) {
            float[] buf = LOCAL.get(grid.c * grid.plane + coPad * grid.len);
            int acc = grid.c * grid.plane;
            int inImage = grid.h * grid.w * grid.c;
            int outImage = grid.outH * grid.outW * cout;
            for (int b = start; b < end; b++) {
                grid.planes(in, b * inImage, buf, 0);
                correlate(grid, buf, wq, coPad, cout, buf, acc);
                scatter(grid, buf, acc, cout, bias, out, b * outImage, accumulate);
            }
        }
    }

    /** Backward weight, first pass: every image's input planes into buf. */
    private static final class PlaneJob implements KernelPool.RangeBody {
        ConvGrid grid;
        float[] x;
        float[] buf;

        @Override
        public void run(int start, int end) {
            int xImage = grid.c * grid.plane;
            int inImage = grid.h * grid.w * grid.c;
            for (int b = start; b < end; b++) {
                grid.planes(x, b * inImage, buf, b * xImage);
            }
        }
    }

    /**
     * Backward weight, second pass: jobs of eight (tap, ci) rows × one vector of output channels, job j covering
     * rows 8·(j / vectors) … and channels LANES·(j % vectors) ….
     */
    private static final class RowJob implements KernelPool.RangeBody {
        ConvGrid grid;
        float[] planes;
        float[] dy;
        int n;
        int cout;
        int vectors;
        /** Images per chunk, and where each of their pixels sits in the planes ({@link ConvGrid#pixels}). */
        int chunk;
        int[] pixels;
        /** The first image whose gradient is read from the copy at {@code planes[copied…]}, not from dy. */
        int firstCopied;
        /** Where the copy of the last images' gradients, and a vector of zeros after it, start in planes. */
        int copied;
        float[] dW;
        boolean accumulate;

        /**
         * Images outermost, in chunks whose planes and gradients fit in L1, and the jobs [start, end) inside, each
         * job's sums kept in this thread's buffer between chunks: every job then reads the chunk from L1 instead
         * of streaming the whole batch from L2. Each lane still sums the pixels in order, so the bits are those
         * of one pass.
         */
        @Override
        public void run(int start, int end) {
            int rows = grid.taps() * grid.c;
            int dyImage = grid.outH * grid.outW * cout;
            int perJob = ROWS * LANES;
            float[] sums = LOCAL.get((end - start) * perJob);
            java.util.Arrays.fill(sums, 0, (end - start) * perJob, 0f);
            for (int b0 = 0; b0 < n; b0 += chunk) {
                int images = Math.min(chunk, n - b0);
                // The batch's last images read their gradients from the padded copy after the planes.
                int direct = Math.max(0, Math.min(images, firstCopied - b0));
                for (int job = start; job < end; job++) {
                    int at = (job - start) * perJob;
                    int co0 = job % vectors * LANES;
                    int r0 = job / vectors * ROWS;
                    sumRows(r0, b0, direct, dy, b0 * dyImage + co0, sums, at);
                    int b1 = b0 + direct;
                    sumRows(r0, b1, images - direct, planes, copied + (b1 - firstCopied) * dyImage + co0, sums, at);
                }
            }
            for (int job = start; job < end; job++) {
                writeRows(sums, (job - start) * perJob, job / vectors * ROWS, rows, job % vectors * LANES, cout,
                        dW, accumulate);
            }
        }

        /** Rows r0 … of images b0 … b0+images−1 into sums[at…], their gradients read from g[d…]. */
        private void sumRows(int r0, int b0, int images, float[] g, int d, float[] sums, int at) {
            if (images == 0) {
                return;
            }
            int rows = grid.taps() * grid.c;
            int x = b0 * grid.c * grid.plane;
            int count = images * grid.outH * grid.outW;
            if (rows - r0 > ROWS / 2) {
                ConvDirectKernels.weightRows8(planes, pixels, count, x + rowOffset(grid, r0, rows),
                        x + rowOffset(grid, r0 + 1, rows), x + rowOffset(grid, r0 + 2, rows),
                        x + rowOffset(grid, r0 + 3, rows), x + rowOffset(grid, r0 + 4, rows),
                        x + rowOffset(grid, r0 + 5, rows), x + rowOffset(grid, r0 + 6, rows),
                        x + rowOffset(grid, r0 + 7, rows), g, d, cout, sums, at);
            } else {
                ConvDirectKernels.weightRows4(planes, pixels, count, x + rowOffset(grid, r0, rows),
                        x + rowOffset(grid, r0 + 1, rows), x + rowOffset(grid, r0 + 2, rows),
                        x + rowOffset(grid, r0 + 3, rows), g, d, cout, sums, at);
            }
        }
    }

    /** Weight-gradient rows per job: {@link ConvDirectKernels#weightRows8}, or its four-row form for the last. */
    private static final int ROWS = 8;

    /** Floats of one chunk of images' planes and gradients that the weight-gradient jobs read together. */
    private static final int L1_FLOATS = 8 * 1024;

    static void forward(float[] x, int n, int inH, int inW, int cin, float[] weights, float[] bias, int cout,
                        ConvGeometry g, float[] y) {
        Local local = LOCALS.get();
        ConvGrid grid = local.grid(inH, inW, cin, g.padTop(), g.padBottom(), g.padLeft(), g.padRight(), g);
        int coPad = roundUp(cout, BLOCK);
        float[] wq = SHARED.get(grid.taps() * cin * coPad);
        packForward(weights, grid.taps(), cin, cout, coPad, wq);
        run(local, grid, x, n, wq, coPad, cout, bias, y, false);
    }

    static void backwardInput(float[] dy, int n, int inH, int inW, int cin, float[] weights, int cout,
                              ConvGeometry g, float[] dx, boolean accumulate) {
        int outH = g.outH(inH);
        int outW = g.outW(inW);
        int spanH = (g.kernelH() - 1) * g.dilationH();
        int spanW = (g.kernelW() - 1) * g.dilationW();
        Local local = LOCALS.get();
        ConvGrid grid = local.grid(outH, outW, cout, spanH - g.padTop(), spanH - g.padBottom(), spanW - g.padLeft(),
                spanW - g.padRight(), g);
        int ciPad = roundUp(cin, BLOCK);
        float[] wq = SHARED.get(grid.taps() * cout * ciPad);
        packTransposed(weights, g.kernelH(), g.kernelW(), cin, cout, ciPad, wq);
        run(local, grid, dy, n, wq, ciPad, cin, null, dx, accumulate);
    }

    /** Runs the correlation of every image in parallel: {@code out} (+)= grid ⋆ wq (+ bias). */
    private static void run(Local local, ConvGrid grid, float[] in, int n, float[] wq, int coPad, int cout,
                            float[] bias, float[] out, boolean accumulate) {
        long macs = (long) grid.len * coPad * grid.taps() * grid.c;
        int grain = (int) Math.max(1, MIN_MACS_PER_SLICE / Math.max(1, macs));
        ImageJob job = local.images;
        job.grid = grid;
        job.in = in;
        job.wq = wq;
        job.coPad = coPad;
        job.cout = cout;
        job.bias = bias;
        job.out = out;
        job.accumulate = accumulate;
        try {
            KernelPool.parallelFor(n, grain, job);
        } finally {
            job.in = null;
            job.wq = null;
            job.bias = null;
            job.out = null;
        }
    }

    /**
     * acc[co·len + q] = Σ_{tap, ci} planes[ci·plane + q + shift(tap)] · wq[(tap·c + ci)·coPad + co], summed in
     * (ky, kx, ci) order with FMA, for every grid position q and output channel co < channels (the padding
     * channels up to coPad are left alone unless a strip of four or eight covers them).
     */
    private static void correlate(ConvGrid grid, float[] planes, float[] wq, int coPad, int channels, float[] acc,
                                  int accOff) {
        for (int co = 0; co < channels; ) {
            int left = channels - co;
            int width = left >= 7 ? 2 * BLOCK : left >= 5 ? 6 : BLOCK;
            for (int q = 0; q < grid.len; q += 2 * LANES) {
                int o = accOff + co * grid.len + q;
                if (width == BLOCK) {
                    ConvDirectKernels.strip4(grid.shifts, planes, q, wq, co, coPad, acc, o, grid.len);
                } else if (width == 6) {
                    ConvDirectKernels.strip6(grid.shifts, planes, q, wq, co, coPad, acc, o, grid.len);
                } else {
                    ConvDirectKernels.strip8(grid.shifts, planes, q, wq, co, coPad, acc, o, grid.len);
                }
            }
            co += width;
        }
    }

    /**
     * out[oy, ox, co] (+)= acc[co·len + oy·Wp + ox] (+ bias[co]) for one NHWC output image. Channel by channel
     * along each row, so the planes are read in order, with the four bias/accumulate cases in loops of their own
     * (one selection per element cost more than the copy); each element gets the same one or two additions.
     */
    private static void scatter(ConvGrid grid, float[] acc, int accOff, int cout, float[] bias, float[] out,
                                int outOff, boolean accumulate) {
        int outW = grid.outW;
        int len = grid.len;
        for (int oy = 0; oy < grid.outH; oy++) {
            int rowAcc = accOff + oy * grid.wp;
            int rowOut = outOff + oy * outW * cout;
            for (int co = 0; co < cout; co++) {
                int a = rowAcc + co * len;
                int o = rowOut + co;
                if (bias == null && !accumulate) {
                    for (int ox = 0; ox < outW; ox++, o += cout) {
                        out[o] = acc[a + ox];
                    }
                } else if (bias == null) {
                    for (int ox = 0; ox < outW; ox++, o += cout) {
                        out[o] = out[o] + acc[a + ox];
                    }
                } else if (!accumulate) {
                    float b = bias[co];
                    for (int ox = 0; ox < outW; ox++, o += cout) {
                        out[o] = acc[a + ox] + b;
                    }
                } else {
                    float b = bias[co];
                    for (int ox = 0; ox < outW; ox++, o += cout) {
                        out[o] = out[o] + (acc[a + ox] + b);
                    }
                }
            }
        }
    }

    /** wq[(tap·cin + ci)·coPad + co] = w[tap, ci, co], zero for co ≥ cout. */
    private static void packForward(float[] w, int taps, int cin, int cout, int coPad, float[] wq) {
        for (int r = 0; r < taps * cin; r++) {
            System.arraycopy(w, r * cout, wq, r * coPad, cout);
            java.util.Arrays.fill(wq, r * coPad + cout, (r + 1) * coPad, 0f);
        }
    }

    /** wq[((ky·kw + kx)·cout + co)·ciPad + ci] = w[kh−1−ky, kw−1−kx, ci, co]: flipped, channel axes swapped. */
    private static void packTransposed(float[] w, int kh, int kw, int cin, int cout, int ciPad, float[] wq) {
        for (int ky = 0; ky < kh; ky++) {
            for (int kx = 0; kx < kw; kx++) {
                int src = ((kh - 1 - ky) * kw + (kw - 1 - kx)) * cin * cout;
                int dst = (ky * kw + kx) * cout * ciPad;
                for (int co = 0; co < cout; co++) {
                    for (int ci = 0; ci < ciPad; ci++) {
                        wq[dst + co * ciPad + ci] = ci < cin ? w[src + ci * cout + co] : 0f;
                    }
                }
            }
        }
    }

    static void backwardWeight(float[] x, float[] dy, int n, int inH, int inW, int cin, int cout, ConvGeometry g,
                               float[] dW, boolean accumulate) {
        Local local = LOCALS.get();
        ConvGrid grid = local.grid(inH, inW, cin, g.padTop(), g.padBottom(), g.padLeft(), g.padRight(), g);
        int xImage = cin * grid.plane;
        // A vector read at a pixel may run up to LANES − 1 floats past its gradient: the images where that could
        // pass dy's end are read from a copy with zeros after it.
        int dyImage = grid.outH * grid.outW * cout;
        int copiedImages = Math.min(n, (LANES + dyImage - 1) / dyImage);
        int copiedFloats = copiedImages * dyImage;
        float[] buf = SHARED.get(n * xImage + copiedFloats + LANES);
        System.arraycopy(dy, (n - copiedImages) * dyImage, buf, n * xImage, copiedFloats);
        java.util.Arrays.fill(buf, n * xImage + copiedFloats, n * xImage + copiedFloats + LANES, 0f);
        PlaneJob planes = local.planes;
        planes.grid = grid;
        planes.x = x;
        planes.buf = buf;
        RowJob rows = local.rows;
        rows.grid = grid;
        rows.planes = buf;
        rows.dy = dy;
        rows.n = n;
        rows.cout = cout;
        rows.vectors = (cout + LANES - 1) / LANES;
        rows.chunk = Math.max(1, Math.min(n, L1_FLOATS / (xImage + dyImage)));
        rows.pixels = grid.pixels(rows.chunk);
        rows.firstCopied = n - copiedImages;
        rows.copied = n * xImage;
        rows.dW = dW;
        rows.accumulate = accumulate;
        int jobs = (grid.taps() * cin + ROWS - 1) / ROWS * rows.vectors;
        long macs = (long) n * grid.outH * grid.outW * ROWS * LANES;
        try {
            KernelPool.parallelFor(n, 4, planes);
            KernelPool.parallelFor(jobs, (int) Math.max(1, MIN_MACS_PER_SLICE / macs), rows);
        } finally {
            planes.x = null;
            planes.buf = null;
            rows.planes = null;
            rows.dy = null;
            rows.dW = null;
            rows.pixels = null;
        }
    }

    /** Offset inside one image's planes of (tap, ci) row r; rows past the last are read as row 0 and dropped. */
    private static int rowOffset(ConvGrid grid, int r, int rows) {
        return r >= rows ? 0 : grid.shifts[r];
    }

    /** dW rows r0 … r0+7 (tap·cin + ci) × channels co0 … co0+LANES−1 from a job's sums at sums[at…]. */
    private static void writeRows(float[] sums, int at, int r0, int rows, int co0, int cout, float[] dW,
                                  boolean accumulate) {
        for (int r = r0; r < Math.min(rows, r0 + ROWS); r++) {
            for (int co = co0, s = at + (r - r0) * LANES; co < Math.min(cout, co0 + LANES); co++, s++) {
                int i = r * cout + co;
                dW[i] = accumulate ? dW[i] + sums[s] : sums[s];
            }
        }
    }

    private static int roundUp(int v, int m) {
        return (v + m - 1) / m * m;
    }
}
