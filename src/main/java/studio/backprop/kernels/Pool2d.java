package studio.backprop.kernels;

import java.util.Arrays;

/**
 * 2-D pooling over NHWC batches: max (remembering its argmax), average and L2, forward and backward.
 *
 * <p>Shapes: x (n, inH, inW, c); y (n, outH, outW, c) with outH/outW from the {@link ConvGeometry}; argmax has
 * y's length and holds flat indices into x. The window of output (oy, ox) reads the taps
 * (oy·sh − padTop + ky·dh, ox·sw − padLeft + kx·dw) that lie inside the image; padding is never read:
 * <ul>
 *   <li>max: y = max over the taps, ties to the first tap in row-major window order (padding acts as −∞);</li>
 *   <li>average: y = Σ taps / (number of in-image taps), so the count excludes padding;</li>
 *   <li>L2: y = sqrt(Σ taps²), with gradient x / y (0 where y = 0).</li>
 * </ul>
 * A window with no tap inside the image (only possible with padding of a whole window) gives 0 and argmax −1.
 *
 * <p>Forward passes run in parallel over output rows, backward passes over images (windows of one image may
 * overlap, windows of different images never do); each element is always summed in the same order, so results
 * are bit-identical for any thread count. The companion {@link Pool2dReference} holds naive references.
 */
public final class Pool2d {

    private Pool2d() {
    }

    /**
     * Max pooling forward: y = max over each window, argmax = flat index into x of the chosen tap.
     * Modified: y, argmax. Not modified: x.
     */
    public static void maxForward(float[] x, int n, int inH, int inW, int c, ConvGeometry g, float[] y,
                                  int[] argmax) {
        check("max pool", x, "x", n, inH, inW, c, g, y, "y");
        if (argmax == null || argmax.length != y.length) {
            KernelArgs.requireLength("max pool", "argmax", argmax, y.length, outShape(n, inH, inW, c, g));
        }
        int outH = g.outH(inH);
        int outW = g.outW(inW);
        int rows = n * outH;
        int grain = Math.max(1, 256 / outW);
        if (rows < 2 * grain) {
            maxRows(x, inH, inW, c, g, y, argmax, 0, rows);
            return;
        }
        MaxJob job = MAX_JOBS.get();
        job.set(x, inH, inW, c, g, y, argmax, null);
        try {
            KernelPool.parallelFor(rows, grain, job);
        } finally {
            job.set(null, 0, 0, 0, null, null, null, null);
        }
    }

    /** The calling thread's reusable max-pool body: forward rows, or backward images when dy is set. */
    private static final class MaxJob implements KernelPool.RangeBody {
        float[] x;
        int inH;
        int inW;
        int c;
        ConvGeometry g;
        float[] y;
        int[] argmax;
        float[] dy;
        boolean accumulate;

        void set(float[] x, int inH, int inW, int c, ConvGeometry g, float[] y, int[] argmax, float[] dy) {
            this.x = x;
            this.inH = inH;
            this.inW = inW;
            this.c = c;
            this.g = g;
            this.y = y;
            this.argmax = argmax;
            this.dy = dy;
        }

        @Override
        public void run(int start, int end) {
            if (dy == null) {
                maxRows(x, inH, inW, c, g, y, argmax, start, end);
                return;
            }
            // Backward over images [start, end): x is dx here.
            int imageSize = inH * inW * c;
            int perImage = g.outH(inH) * g.outW(inW) * c;
            for (int b = start; b < end; b++) {
                if (!accumulate) {
                    Arrays.fill(x, b * imageSize, (b + 1) * imageSize, 0f);
                }
                for (int i = b * perImage; i < (b + 1) * perImage; i++) {
                    if (argmax[i] >= 0) {
                        x[argmax[i]] += dy[i];
                    }
                }
            }
        }
    }

    private static final ThreadLocal<MaxJob> MAX_JOBS = ThreadLocal.withInitial(MaxJob::new);

    /**
     * Output rows [start, end) (image-major) of max pooling: per pixel and channel, the first tap is taken and a
     * later one replaces it only when strictly greater, exactly as {@link #maxPixel}; windows that lie wholly
     * inside the image skip the bounds tests.
     */
    private static void maxRows(float[] x, int inH, int inW, int c, ConvGeometry g, float[] y, int[] argmax,
                                int start, int end) {
        int outH = g.outH(inH);
        int outW = g.outW(inW);
        int kh = g.kernelH();
        int kw = g.kernelW();
        int dh = g.dilationH();
        int dw = g.dilationW();
        int rowStride = inW * c;
        boolean pairs = Gemm.vectorInUse() && MaxPoolPairs.applies(g) && 2 * outW <= inW;
        for (int r = start; r < end; r++) {
            int b = r / outH;
            int oy = r - b * outH;
            int y0 = oy * g.strideH() - g.padTop();
            boolean rowsInside = y0 >= 0 && y0 + (kh - 1) * dh < inH;
            if (pairs && rowsInside) {
                MaxPoolPairs.row(x, b, y0, inH, inW, c, outW, y, argmax, r * outW * c);
                continue;
            }
            for (int ox = 0; ox < outW; ox++) {
                int x0 = ox * g.strideW() - g.padLeft();
                if (!rowsInside || x0 < 0 || x0 + (kw - 1) * dw >= inW) {
                    maxPixel(x, 0, inH, inW, c, g, y, argmax, b, oy, ox);
                    continue;
                }
                int yb = (r * outW + ox) * c;
                int first = ((b * inH + y0) * inW + x0) * c;
                for (int ci = 0; ci < c; ci++) {
                    int bestAt = first + ci;
                    float best = x[bestAt];
                    for (int ky = 0; ky < kh; ky++) {
                        int at = first + ci + ky * dh * rowStride;
                        for (int kx = 0; kx < kw; kx++, at += dw * c) {
                            // Selects rather than a branch: which tap wins is data-dependent and mispredicts.
                            float v = x[at];
                            boolean greater = v > best;
                            bestAt = greater ? at : bestAt;
                            best = greater ? v : best;
                        }
                    }
                    y[yb + ci] = best;
                    argmax[yb + ci] = bestAt;
                }
            }
        }
    }

    /**
     * Max pooling backward: dx = (accumulate ? dx : 0) + Σ over outputs i of dy[i] at x index argmax[i].
     * Modified: dx. Not modified: dy, argmax.
     */
    public static void maxBackward(float[] dy, int[] argmax, int n, int inH, int inW, int c, ConvGeometry g,
                                   float[] dx, boolean accumulate) {
        check("max pool backward", dx, "dx", n, inH, inW, c, g, dy, "dy");
        if (argmax == null || argmax.length != dy.length) {
            KernelArgs.requireLength("max pool backward", "argmax", argmax, dy.length, outShape(n, inH, inW, c, g));
        }
        MaxJob job = MAX_JOBS.get();
        job.set(dx, inH, inW, c, g, null, argmax, dy);
        job.accumulate = accumulate;
        try {
            // Per image, as in PoolJob: windows of different images never share a pixel.
            KernelPool.parallelFor(n, 1, job);
        } finally {
            job.set(null, 0, 0, 0, null, null, null, null);
        }
    }

    /**
     * Max unpooling: y = 0 except y[argmax[i]] = pooled[i]; where overlapping windows chose the same pixel, the
     * later output (in NHWC order) wins. Shapes: pooled (n, outH, outW, c); y (n, inH, inW, c).
     * Modified: y. Not modified: pooled, argmax.
     */
    public static void maxUnpool(float[] pooled, int[] argmax, int n, int inH, int inW, int c, ConvGeometry g,
                                 float[] y) {
        check("max unpool", y, "y", n, inH, inW, c, g, pooled, "pooled");
        if (argmax == null || argmax.length != pooled.length) {
            KernelArgs.requireLength("max unpool", "argmax", argmax, pooled.length, outShape(n, inH, inW, c, g));
        }
        PoolJob.run(Pass.UNPOOL, null, y, pooled, null, argmax, n, inH, inW, c, g, false);
    }

    /** Average pooling forward: y = Σ in-image taps / their count. Modified: y. Not modified: x. */
    public static void avgForward(float[] x, int n, int inH, int inW, int c, ConvGeometry g, float[] y) {
        check("average pool", x, "x", n, inH, inW, c, g, y, "y");
        PoolJob.run(Pass.AVG_FORWARD, x, y, null, null, null, n, inH, inW, c, g, false);
    }

    /**
     * Average pooling backward: every in-image tap of a window receives dy / count.
     * dx = (accumulate ? dx : 0) + that. Modified: dx. Not modified: dy.
     */
    public static void avgBackward(float[] dy, int n, int inH, int inW, int c, ConvGeometry g, float[] dx,
                                   boolean accumulate) {
        check("average pool backward", dx, "dx", n, inH, inW, c, g, dy, "dy");
        PoolJob.run(Pass.AVG_BACKWARD, null, null, dy, dx, null, n, inH, inW, c, g, accumulate);
    }

    /** L2 pooling forward: y = sqrt(Σ in-image taps²). Modified: y. Not modified: x. */
    public static void l2Forward(float[] x, int n, int inH, int inW, int c, ConvGeometry g, float[] y) {
        check("L2 pool", x, "x", n, inH, inW, c, g, y, "y");
        PoolJob.run(Pass.L2_FORWARD, x, y, null, null, null, n, inH, inW, c, g, false);
    }

    /**
     * L2 pooling backward: each tap receives dy · x / y (0 where y = 0), dx = (accumulate ? dx : 0) + that.
     * Shapes: x, dx (n, inH, inW, c); y, dy (n, outH, outW, c). Modified: dx. Not modified: x, y, dy.
     */
    public static void l2Backward(float[] x, float[] y, float[] dy, int n, int inH, int inW, int c, ConvGeometry g,
                                  float[] dx, boolean accumulate) {
        check("L2 pool backward", dx, "dx", n, inH, inW, c, g, dy, "dy");
        if (x == null || x.length != dx.length || y == null || y.length != dy.length) {
            KernelArgs.requireLength("L2 pool backward", "x", x, dx.length, KernelArgs.nhwc(n, inH, inW, c));
            KernelArgs.requireLength("L2 pool backward", "y", y, dy.length, outShape(n, inH, inW, c, g));
        }
        PoolJob.run(Pass.L2_BACKWARD, x, y, dy, dx, null, n, inH, inW, c, g, accumulate);
    }

    /** Number of taps k·d apart, starting at {@code start}, that land inside [0, size). */
    static int inside(int start, int k, int d, int size) {
        int count = 0;
        for (int t = 0; t < k; t++) {
            int i = start + t * d;
            if (i >= 0 && i < size) {
                count++;
            }
        }
        return count;
    }

    static void check(String op, float[] image, String imageName, int n, int inH, int inW, int c, ConvGeometry g,
                      float[] out, String outName) {
        if (n >= 1 && inH >= 1 && inW >= 1 && c >= 1 && g != null && g.outH(inH) >= 1 && g.outW(inW) >= 1
                && image != null && image.length == KernelArgs.size(n, inH, inW, c) && out != null
                && out.length == KernelArgs.size(n, g.outH(inH), g.outW(inW), c)) {
            // All good: skip building the messages below.
            return;
        }
        KernelArgs.requireDims(op, KernelArgs.nhwc(n, inH, inW, c), n, inH, inW, c);
        KernelArgs.requireFits(op, g, inH, inW);
        KernelArgs.requireLength(op, imageName, image, KernelArgs.size(n, inH, inW, c),
                KernelArgs.nhwc(n, inH, inW, c));
        KernelArgs.requireLength(op, outName, out, KernelArgs.size(n, g.outH(inH), g.outW(inW), c),
                outShape(n, inH, inW, c, g));
    }

    static String outShape(int n, int inH, int inW, int c, ConvGeometry g) {
        return KernelArgs.nhwc(n, g.outH(inH), g.outW(inW), c);
    }

    private static void maxPixel(float[] x, int n, int inH, int inW, int c, ConvGeometry g, float[] y,
                                 int[] argmax, int b, int oy, int ox) {
        int yb = ((b * g.outH(inH) + oy) * g.outW(inW) + ox) * c;
        int y0 = oy * g.strideH() - g.padTop();
        int x0 = ox * g.strideW() - g.padLeft();
        boolean first = true;
        for (int ky = 0; ky < g.kernelH(); ky++) {
            int iy = y0 + ky * g.dilationH();
            for (int kx = 0; kx < g.kernelW() && iy >= 0 && iy < inH; kx++) {
                int ix = x0 + kx * g.dilationW();
                if (ix < 0 || ix >= inW) {
                    continue;
                }
                int xb = ((b * inH + iy) * inW + ix) * c;
                for (int ci = 0; ci < c; ci++) {
                    // Strictly greater keeps the first of equal values: ties go to the earliest tap.
                    if (first || x[xb + ci] > y[yb + ci]) {
                        y[yb + ci] = x[xb + ci];
                        argmax[yb + ci] = xb + ci;
                    }
                }
                first = false;
            }
        }
        if (first) {
            Arrays.fill(y, yb, yb + c, 0f);
            Arrays.fill(argmax, yb, yb + c, -1);
        }
    }

    private static void sumPixel(float[] x, int n, int inH, int inW, int c, ConvGeometry g, float[] y, int b,
                                 int oy, int ox, boolean squares) {
        int yb = ((b * g.outH(inH) + oy) * g.outW(inW) + ox) * c;
        int y0 = oy * g.strideH() - g.padTop();
        int x0 = ox * g.strideW() - g.padLeft();
        Arrays.fill(y, yb, yb + c, 0f);
        for (int ky = 0; ky < g.kernelH(); ky++) {
            int iy = y0 + ky * g.dilationH();
            for (int kx = 0; kx < g.kernelW() && iy >= 0 && iy < inH; kx++) {
                int ix = x0 + kx * g.dilationW();
                if (ix < 0 || ix >= inW) {
                    continue;
                }
                int xb = ((b * inH + iy) * inW + ix) * c;
                for (int ci = 0; ci < c; ci++) {
                    float v = x[xb + ci];
                    y[yb + ci] += squares ? v * v : v;
                }
            }
        }
        int count = inside(y0, g.kernelH(), g.dilationH(), inH) * inside(x0, g.kernelW(), g.dilationW(), inW);
        for (int ci = 0; ci < c; ci++) {
            float s = y[yb + ci];
            y[yb + ci] = squares ? (float) Math.sqrt(s) : count == 0 ? 0f : s / count;
        }
    }

    /** Average (x == null) or L2 backward of one output pixel into dx. */
    private static void spreadPixel(float[] dy, float[] x, float[] y, int n, int inH, int inW, int c,
                                    ConvGeometry g, float[] dx, int b, int oy, int ox) {
        int yb = ((b * g.outH(inH) + oy) * g.outW(inW) + ox) * c;
        int y0 = oy * g.strideH() - g.padTop();
        int x0 = ox * g.strideW() - g.padLeft();
        int count = inside(y0, g.kernelH(), g.dilationH(), inH) * inside(x0, g.kernelW(), g.dilationW(), inW);
        for (int ky = 0; ky < g.kernelH(); ky++) {
            int iy = y0 + ky * g.dilationH();
            for (int kx = 0; kx < g.kernelW() && iy >= 0 && iy < inH; kx++) {
                int ix = x0 + kx * g.dilationW();
                if (ix < 0 || ix >= inW) {
                    continue;
                }
                int xb = ((b * inH + iy) * inW + ix) * c;
                for (int ci = 0; ci < c; ci++) {
                    float out = x == null ? count : y[yb + ci];
                    float num = x == null ? dy[yb + ci] : dy[yb + ci] * x[xb + ci];
                    dx[xb + ci] += out == 0f ? 0f : num / out;
                }
            }
        }
    }

    private enum Pass { AVG_FORWARD, L2_FORWARD, AVG_BACKWARD, L2_BACKWARD, UNPOOL }

    /**
     * The calling thread's reusable loop for the average and L2 pools and max unpooling (lambdas here were two
     * allocations a call, on one thread too): forward passes over output rows, the others per image, each image
     * of the output first cleared unless accumulating (windows of different images never share a pixel).
     */
    private static final class PoolJob extends ReusableLoop {
        private static final ThreadLocal<PoolJob> JOBS = ThreadLocal.withInitial(PoolJob::new);

        Pass pass;
        float[] x;
        float[] y;
        /** dy, or the pooled values for {@link Pass#UNPOOL}. */
        float[] dy;
        float[] dx;
        int[] argmax;
        int n;
        int inH;
        int inW;
        int c;
        ConvGeometry g;
        boolean accumulate;

        static void run(Pass pass, float[] x, float[] y, float[] dy, float[] dx, int[] argmax, int n, int inH,
                        int inW, int c, ConvGeometry g, boolean accumulate) {
            PoolJob job = claim(JOBS, PoolJob::new);
            job.pass = pass;
            job.x = x;
            job.y = y;
            job.dy = dy;
            job.dx = dx;
            job.argmax = argmax;
            job.n = n;
            job.inH = inH;
            job.inW = inW;
            job.c = c;
            job.g = g;
            job.accumulate = accumulate;
            if (pass == Pass.AVG_FORWARD || pass == Pass.L2_FORWARD) {
                job.runOver(n * g.outH(inH), Math.max(1, 256 / g.outW(inW)));
            } else {
                job.runOver(n, 1);
            }
        }

        @Override
        void release() {
            x = null;
            y = null;
            dy = null;
            dx = null;
            argmax = null;
            g = null;
        }

        @Override
        public void run(int start, int end) {
            int outH = g.outH(inH);
            int outW = g.outW(inW);
            if (pass == Pass.AVG_FORWARD || pass == Pass.L2_FORWARD) {
                for (int r = start; r < end; r++) {
                    for (int ox = 0; ox < outW; ox++) {
                        sumPixel(x, n, inH, inW, c, g, y, r / outH, r % outH, ox, pass == Pass.L2_FORWARD);
                    }
                }
                return;
            }
            float[] out = pass == Pass.UNPOOL ? y : dx;
            int imageSize = inH * inW * c;
            int perImage = outH * outW * c;
            for (int b = start; b < end; b++) {
                if (!accumulate) {
                    Arrays.fill(out, b * imageSize, (b + 1) * imageSize, 0f);
                }
                if (pass == Pass.UNPOOL) {
                    for (int i = b * perImage; i < (b + 1) * perImage; i++) {
                        if (argmax[i] >= 0) {
                            y[argmax[i]] = dy[i];
                        }
                    }
                    continue;
                }
                for (int oy = 0; oy < outH; oy++) {
                    for (int ox = 0; ox < outW; ox++) {
                        spreadPixel(dy, pass == Pass.L2_BACKWARD ? x : null, pass == Pass.L2_BACKWARD ? y : null, n,
                                inH, inW, c, g, dx, b, oy, ox);
                    }
                }
            }
        }
    }
}
