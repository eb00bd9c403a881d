package studio.backprop.kernels;

import java.util.Arrays;

/**
 * im2col and its adjoint col2im for NHWC images.
 *
 * <p>For one image x of shape (h, w, c) and a window geometry giving an outH×outW output, im2col builds the
 * matrix {@code cols} of (outH·outW) rows × (kh·kw·c) columns:
 * {@code cols[oy·outW + ox][(ky·kw + kx)·c + ci] = x[oy·sh − padTop + ky·dh][ox·sw − padLeft + kx·dw][ci]},
 * 0 for taps outside the image. Its column order matches HWIO weights flattened to (kh·kw·cin) × cout, so a
 * convolution is cols · W and lands directly in NHWC. col2im is the adjoint: it adds every entry of cols back
 * onto the pixel it was read from.
 *
 * <p>The batched forms treat several consecutive images as one tall matrix of images·outH·outW rows.
 */
public final class Im2Col {

    /** Output rows per parallel task for im2col; small enough to share a single large image. */
    private static final int ROW_GRAIN = 64;

    private Im2Col() {
    }

    /** Number of floats im2col writes for one image: outH·outW·kh·kw·c. */
    public static long colsSize(int h, int w, int c, ConvGeometry g) {
        return KernelArgs.size(g.outH(h), g.outW(w), g.kernelH(), g.kernelW(), c);
    }

    /**
     * im2col of one image. Math as in the class comment.
     *
     * <p>Shapes: x holds the image (h, w, c) from {@code xOff}; cols receives (outH·outW) × (kh·kw·c) from
     * {@code colsOff}. Modified: cols. Not modified: x.
     */
    public static void im2col(float[] x, int xOff, int h, int w, int c, ConvGeometry g, float[] cols, int colsOff) {
        im2colBatch(x, xOff, 1, h, w, c, g, cols, colsOff);
    }

    /**
     * im2col of {@code images} consecutive images into one (images·outH·outW) × (kh·kw·c) matrix, in parallel
     * over its rows. Modified: cols. Not modified: x.
     */
    public static void im2colBatch(float[] x, int xOff, int images, int h, int w, int c, ConvGeometry g,
                                   float[] cols, int colsOff) {
        checkBatch("im2col", x, xOff, images, h, w, c, g, cols, colsOff);
        int rows = images * g.outH(h) * g.outW(w);
        if (!KernelPool.splits(rows, ROW_GRAIN)) {
            fillRows(x, xOff, h, w, c, g, cols, colsOff, 0, rows);
            return;
        }
        RowJob.take(true, x, xOff, h, w, c, g, cols, colsOff, false).runOver(rows, ROW_GRAIN);
    }

    /**
     * col2im of one image: x[iy][ix][ci] = (accumulate ? x : 0) + Σ of the cols entries im2col would read from
     * that pixel. The exact adjoint of {@link #im2col}. Modified: x. Not modified: cols.
     */
    public static void col2im(float[] cols, int colsOff, int h, int w, int c, ConvGeometry g, float[] x, int xOff,
                              boolean accumulate) {
        col2imBatch(cols, colsOff, 1, h, w, c, g, x, xOff, accumulate);
    }

    /**
     * col2im of {@code images} consecutive images, in parallel over input rows: each input row gathers its own
     * contributions, so no two threads write the same pixel and the summation order is fixed.
     * Modified: x. Not modified: cols.
     */
    public static void col2imBatch(float[] cols, int colsOff, int images, int h, int w, int c, ConvGeometry g,
                                   float[] x, int xOff, boolean accumulate) {
        checkBatch("col2im", x, xOff, images, h, w, c, g, cols, colsOff);
        int rowGrain = Math.max(1, 4096 / Math.max(1, w * c));
        if (!KernelPool.splits(images * h, rowGrain)) {
            gatherRows(cols, colsOff, h, w, c, g, x, xOff, accumulate, 0, images * h);
            return;
        }
        RowJob.take(false, x, xOff, h, w, c, g, cols, colsOff, accumulate).runOver(images * h, rowGrain);
    }

    /** Direct-loop reference for {@link #im2col}: one element at a time. Modified: cols. Not modified: x. */
    public static void im2colReference(float[] x, int xOff, int h, int w, int c, ConvGeometry g, float[] cols,
                                       int colsOff) {
        checkBatch("im2col", x, xOff, 1, h, w, c, g, cols, colsOff);
        int outH = g.outH(h);
        int outW = g.outW(w);
        int k = g.kernelH() * g.kernelW() * c;
        for (int oy = 0; oy < outH; oy++) {
            for (int ox = 0; ox < outW; ox++) {
                for (int ky = 0; ky < g.kernelH(); ky++) {
                    for (int kx = 0; kx < g.kernelW(); kx++) {
                        int iy = oy * g.strideH() - g.padTop() + ky * g.dilationH();
                        int ix = ox * g.strideW() - g.padLeft() + kx * g.dilationW();
                        boolean inside = iy >= 0 && iy < h && ix >= 0 && ix < w;
                        for (int ci = 0; ci < c; ci++) {
                            int col = (ky * g.kernelW() + kx) * c + ci;
                            cols[colsOff + (oy * outW + ox) * k + col] =
                                    inside ? x[xOff + (iy * w + ix) * c + ci] : 0f;
                        }
                    }
                }
            }
        }
    }

    /** Direct-loop reference for {@link #col2im}: scatter-add in cols order. Modified: x. Not modified: cols. */
    public static void col2imReference(float[] cols, int colsOff, int h, int w, int c, ConvGeometry g, float[] x,
                                       int xOff, boolean accumulate) {
        checkBatch("col2im", x, xOff, 1, h, w, c, g, cols, colsOff);
        if (!accumulate) {
            Arrays.fill(x, xOff, xOff + h * w * c, 0f);
        }
        int outH = g.outH(h);
        int outW = g.outW(w);
        int k = g.kernelH() * g.kernelW() * c;
        for (int oy = 0; oy < outH; oy++) {
            for (int ox = 0; ox < outW; ox++) {
                for (int ky = 0; ky < g.kernelH(); ky++) {
                    for (int kx = 0; kx < g.kernelW(); kx++) {
                        int iy = oy * g.strideH() - g.padTop() + ky * g.dilationH();
                        int ix = ox * g.strideW() - g.padLeft() + kx * g.dilationW();
                        if (iy < 0 || iy >= h || ix < 0 || ix >= w) {
                            continue;
                        }
                        for (int ci = 0; ci < c; ci++) {
                            int col = (ky * g.kernelW() + kx) * c + ci;
                            x[xOff + (iy * w + ix) * c + ci] += cols[colsOff + (oy * outW + ox) * k + col];
                        }
                    }
                }
            }
        }
    }

    private static void checkBatch(String op, float[] x, int xOff, int images, int h, int w, int c,
                                   ConvGeometry g, float[] cols, int colsOff) {
        if (images >= 1 && h >= 1 && w >= 1 && c >= 1 && g != null && g.outH(h) >= 1 && g.outW(w) >= 1
                && x != null && xOff >= 0 && xOff + KernelArgs.size(images, h, w, c) <= x.length
                && cols != null && colsOff >= 0 && colsOff + images * colsSize(h, w, c, g) <= cols.length) {
            // All good: the messages below are built only when something is wrong (the image shape's string,
            // built on every call, was what a conv autoencoder's training step still allocated).
            return;
        }
        KernelArgs.requireDims(op, KernelArgs.nhwc(images, h, w, c), images, h, w, c);
        KernelArgs.requireFits(op, g, h, w);
        long imageSize = KernelArgs.size(images, h, w, c);
        long colsSize = images * colsSize(h, w, c, g);
        if (x == null || xOff < 0 || xOff + imageSize > x.length) {
            throw new IllegalArgumentException(op + ": image buffer of length " + (x == null ? "null" : x.length)
                    + " cannot hold " + KernelArgs.nhwc(images, h, w, c) + " from offset " + xOff);
        }
        if (cols == null || colsOff < 0 || colsOff + colsSize > cols.length) {
            throw new IllegalArgumentException(op + ": cols buffer of length "
                    + (cols == null ? "null" : cols.length) + " cannot hold " + colsSize + " floats ("
                    + images + " × " + g.outH(h) * g.outW(w) + " rows × " + g.kernelH() * g.kernelW() * c
                    + " columns) from offset " + colsOff);
        }
    }

    private static void fillRows(float[] x, int xOff, int h, int w, int c, ConvGeometry g, float[] cols,
                                 int colsOff, int start, int end) {
        int outH = g.outH(h);
        int outW = g.outW(w);
        int perImage = outH * outW;
        int kw = g.kernelW();
        int k = g.kernelH() * kw * c;
        int span = kw * c;
        for (int r = start; r < end; r++) {
            int img = r / perImage;
            int p = r - img * perImage;
            int oy = p / outW;
            int ox = p - oy * outW;
            int xImg = xOff + img * h * w * c;
            int y0 = oy * g.strideH() - g.padTop();
            int x0 = ox * g.strideW() - g.padLeft();
            int dst = colsOff + r * k;
            boolean denseRow = g.dilationW() == 1 && x0 >= 0 && x0 + kw <= w;
            for (int ky = 0; ky < g.kernelH(); ky++, dst += span) {
                int iy = y0 + ky * g.dilationH();
                if (iy < 0 || iy >= h) {
                    Arrays.fill(cols, dst, dst + span, 0f);
                } else if (denseRow) {
                    // NHWC keeps a dense run of kw pixels contiguous, so the whole kernel row is one copy.
                    System.arraycopy(x, xImg + (iy * w + x0) * c, cols, dst, span);
                } else {
                    fillTaps(x, xImg + iy * w * c, w, c, x0, g, cols, dst);
                }
            }
        }
    }

    private static void fillTaps(float[] x, int rowBase, int w, int c, int x0, ConvGeometry g, float[] cols,
                                 int dst) {
        for (int kx = 0; kx < g.kernelW(); kx++, dst += c) {
            int ix = x0 + kx * g.dilationW();
            if (ix < 0 || ix >= w) {
                Arrays.fill(cols, dst, dst + c, 0f);
            } else {
                System.arraycopy(x, rowBase + ix * c, cols, dst, c);
            }
        }
    }

    private static void gatherRows(float[] cols, int colsOff, int h, int w, int c, ConvGeometry g, float[] x,
                                   int xOff, boolean accumulate, int start, int end) {
        int outH = g.outH(h);
        int outW = g.outW(w);
        int k = g.kernelH() * g.kernelW() * c;
        int rowLen = w * c;
        for (int r = start; r < end; r++) {
            int img = r / h;
            int iy = r - img * h;
            int dstRow = xOff + r * rowLen;
            if (!accumulate) {
                Arrays.fill(x, dstRow, dstRow + rowLen, 0f);
            }
            int colsImg = colsOff + img * outH * outW * k;
            for (int ky = 0; ky < g.kernelH(); ky++) {
                int t = iy + g.padTop() - ky * g.dilationH();
                if (t < 0 || t % g.strideH() != 0 || t / g.strideH() >= outH) {
                    continue;
                }
                int src = colsImg + (t / g.strideH()) * outW * k + ky * g.kernelW() * c;
                addKernelRow(cols, src, k, outW, w, c, g, x, dstRow);
            }
        }
    }

    /** Adds, for one output row and kernel row ky, every tap that lands in input row {@code dstRow}. */
    private static void addKernelRow(float[] cols, int src, int k, int outW, int w, int c, ConvGeometry g,
                                     float[] x, int dstRow) {
        for (int ox = 0; ox < outW; ox++, src += k) {
            int x0 = ox * g.strideW() - g.padLeft();
            for (int kx = 0; kx < g.kernelW(); kx++) {
                int ix = x0 + kx * g.dilationW();
                if (ix < 0 || ix >= w) {
                    continue;
                }
                int s = src + kx * c;
                int d = dstRow + ix * c;
                for (int ci = 0; ci < c; ci++) {
                    x[d + ci] += cols[s + ci];
                }
            }
        }
    }

    /** The calling thread's reusable loop over im2col's rows of cols or col2im's rows of the image. */
    private static final class RowJob extends ReusableLoop {
        private static final ThreadLocal<RowJob> JOBS = ThreadLocal.withInitial(RowJob::new);

        boolean toColumns;
        float[] x;
        int xOff;
        int h;
        int w;
        int c;
        ConvGeometry g;
        float[] cols;
        int colsOff;
        boolean accumulate;

        static RowJob take(boolean toColumns, float[] x, int xOff, int h, int w, int c, ConvGeometry g,
                           float[] cols, int colsOff, boolean accumulate) {
            RowJob job = claim(JOBS, RowJob::new);
            job.toColumns = toColumns;
            job.x = x;
            job.xOff = xOff;
            job.h = h;
            job.w = w;
            job.c = c;
            job.g = g;
            job.cols = cols;
            job.colsOff = colsOff;
            job.accumulate = accumulate;
            return job;
        }

        @Override
        void release() {
            x = null;
            cols = null;
            g = null;
        }

        @Override
        public void run(int start, int end) {
            if (toColumns) {
                fillRows(x, xOff, h, w, c, g, cols, colsOff, start, end);
            } else {
                gatherRows(cols, colsOff, h, w, c, g, x, xOff, accumulate, start, end);
            }
        }
    }
}
