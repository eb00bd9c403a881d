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
 *   <li>backward weight: dW[tap, ci, co] = Σ_images Σ_grid plane_ci shifted by tap × dy_co (zero on the thrown
 *       away columns): a 4×4 block of (tap, ci) rows × output channels keeps 16 vector accumulators, fed by 4 + 4
 *       loads per grid vector; images go in chunks that fit in L1, every block of a thread taking each chunk
 *       in turn, and the lane sums are reduced to scalars at the end.</li>
 * </ul>
 *
 * <p>Channel counts are padded to multiples of 4 with zero weights (forward, backward input) or zero gradient
 * planes (backward weight), whose results are never written out. Work is split over images (forward, backward
 * input) or over blocks of weight gradients (each summing all images in order), so every output element sees
 * the same arithmetic whatever the thread count. Scratch lives in per-thread {@link ScratchBuffer}s: no
 * allocation in steady state beyond the loop bodies.
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
        final BlockJob blocks = new BlockJob();

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

    /** Backward weight, first pass: every image's input planes and gradient grid into buf. */
    private static final class PlaneJob implements KernelPool.RangeBody {
        ConvGrid grid;
        float[] x;
        float[] dy;
        float[] buf;
        int cout;
        int coPad;
        int dyBase;

        @Override
        public void run(int start, int end) {
            int xImage = grid.c * grid.plane;
            int dyImage = coPad * grid.len;
            int inImage = grid.h * grid.w * grid.c;
            int outImage = grid.outH * grid.outW * cout;
            for (int b = start; b < end; b++) {
                grid.planes(x, b * inImage, buf, b * xImage);
                gradientGrid(grid, dy, b * outImage, cout, coPad, buf, dyBase + b * dyImage);
            }
        }
    }

    /** Backward weight, second pass: 4×4 blocks of (tap, ci) rows × output channels. */
    private static final class BlockJob implements KernelPool.RangeBody {
        ConvGrid grid;
        float[] buf;
        int n;
        int coPad;
        int dyBase;
        int cout;
        float[] dW;
        boolean accumulate;

        /**
         * Images outermost, in chunks whose planes fit in L1, and the blocks [start, end) inside, each block's
         * 16 lane sums kept in this thread's buffer between chunks: every block then reads its planes from L1
         * instead of streaming the whole batch from L2 (which held the kernel at a third of its FMA rate). Each
         * lane still sums images in order and grid vectors in order, so the bits are those of one pass.
         */
        @Override
        public void run(int start, int end) {
            int coBlocks = coPad / BLOCK;
            int rows = grid.taps() * grid.c;
            int xImage = grid.c * grid.plane;
            int dyImage = coPad * grid.len;
            int perBlock = BLOCK * BLOCK * LANES;
            float[] sums = LOCAL.get((end - start) * perBlock);
            java.util.Arrays.fill(sums, 0, (end - start) * perBlock, 0f);
            int chunk = Math.max(1, L1_FLOATS / (xImage + dyImage));
            for (int b0 = 0; b0 < n; b0 += chunk) {
                int images = Math.min(chunk, n - b0);
                for (int blk = start; blk < end; blk++) {
                    int r0 = blk / coBlocks * BLOCK;
                    int co0 = blk % coBlocks * BLOCK;
                    int o0 = rowOffset(grid, r0, rows);
                    int o1 = rowOffset(grid, r0 + 1, rows);
                    int o2 = rowOffset(grid, r0 + 2, rows);
                    int o3 = rowOffset(grid, r0 + 3, rows);
                    for (int b = b0; b < b0 + images; b++) {
                        int xb = b * xImage;
                        ConvDirectKernels.weightBlock(buf, xb + o0, xb + o1, xb + o2, xb + o3,
                                dyBase + b * dyImage + co0 * grid.len, grid.len, sums, (blk - start) * perBlock);
                    }
                }
            }
            for (int blk = start; blk < end; blk++) {
                writeBlock(sums, (blk - start) * perBlock, blk / coBlocks * BLOCK, rows, blk % coBlocks * BLOCK,
                        cout, dW, accumulate);
            }
        }
    }

    /** Floats of one chunk of images' planes that the weight-gradient blocks read together: two thirds of L1. */
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
        int coPad = roundUp(cout, BLOCK);
        int rowPad = roundUp(grid.taps() * cin, BLOCK);
        int xImage = cin * grid.plane;
        int dyImage = coPad * grid.len;
        float[] buf = SHARED.get(n * (xImage + dyImage));
        PlaneJob planes = local.planes;
        planes.grid = grid;
        planes.x = x;
        planes.dy = dy;
        planes.buf = buf;
        planes.cout = cout;
        planes.coPad = coPad;
        planes.dyBase = n * xImage;
        BlockJob blocks = local.blocks;
        blocks.grid = grid;
        blocks.buf = buf;
        blocks.n = n;
        blocks.coPad = coPad;
        blocks.dyBase = n * xImage;
        blocks.cout = cout;
        blocks.dW = dW;
        blocks.accumulate = accumulate;
        long macs = (long) n * grid.len * BLOCK * BLOCK;
        try {
            KernelPool.parallelFor(n, 4, planes);
            KernelPool.parallelFor(rowPad / BLOCK * (coPad / BLOCK), (int) Math.max(1, MIN_MACS_PER_SLICE / macs),
                    blocks);
        } finally {
            planes.x = null;
            planes.dy = null;
            planes.buf = null;
            blocks.buf = null;
            blocks.dW = null;
        }
    }

    /**
     * dy of one NHWC image onto coPad planes of the Wp-wide grid, zero outside the outH×outW output: the thrown-away
     * columns, the tail of each plane and the padding channels are zeroed, then each row of pixels is spread over
     * the channels' planes ({@link ConvGrid#deinterleave}).
     */
    private static void gradientGrid(ConvGrid grid, float[] dy, int dyOff, int cout, int coPad, float[] dst,
                                     int dstOff) {
        int outW = grid.outW;
        int len = grid.len;
        for (int co = 0; co < cout; co++) {
            int base = dstOff + co * len;
            int zeroFrom = base;
            for (int oy = 0; oy < grid.outH; oy++) {
                int d = base + oy * grid.wp;
                ConvGrid.zero(dst, zeroFrom, d);
                zeroFrom = d + outW;
            }
            ConvGrid.zero(dst, zeroFrom, base + len);
        }
        for (int oy = 0; oy < grid.outH; oy++) {
            ConvGrid.deinterleave(dy, dyOff + oy * outW * cout, cout, outW, dst, dstOff + oy * grid.wp, len);
        }
        ConvGrid.zero(dst, dstOff + cout * len, dstOff + coPad * len);
    }

    /** Offset inside one image's planes of (tap, ci) row r; rows past the last are read as row 0 and dropped. */
    private static int rowOffset(ConvGrid grid, int r, int rows) {
        return r >= rows ? 0 : grid.shifts[r];
    }

    /** dW rows r0..r0+3 (tap·cin + ci) × channels co0..co0+3 from a block's lane sums at sums[at…]. */
    private static void writeBlock(float[] sums, int at, int r0, int rows, int co0, int cout, float[] dW,
                                   boolean accumulate) {
        for (int r = 0; r < BLOCK; r++) {
            for (int c = 0; c < BLOCK; c++) {
                if (r0 + r < rows && co0 + c < cout) {
                    // Lanes added in index order: reduceLanes may order them differently when interpreted.
                    float v = 0f;
                    for (int l = 0, s = at + (r * BLOCK + c) * LANES; l < LANES; l++) {
                        v += sums[s + l];
                    }
                    int i = (r0 + r) * cout + co0 + c;
                    dW[i] = accumulate ? dW[i] + v : v;
                }
            }
        }
    }

    private static int roundUp(int v, int m) {
        return (v + m - 1) / m * m;
    }
}
