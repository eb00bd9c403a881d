package studio.backprop.kernels;

import java.util.Arrays;

/**
 * 2-D convolution (cross-correlation, no kernel flip) over NHWC batches with HWIO weights.
 *
 * <p>Shapes: x (n, inH, inW, cin); weights (kh, kw, cin, cout); bias (cout) or null; y (n, outH, outW, cout)
 * with outH/outW from the {@link ConvGeometry}. Math:
 * {@code y[b,oy,ox,co] = bias[co] + Σ_{ky,kx,ci} x[b, oy·sh − padTop + ky·dh, ox·sw − padLeft + kx·dw, ci]
 * · w[ky,kx,ci,co]}, taps outside the image reading 0.
 *
 * <p>The fast paths lower a chunk of images to one im2col matrix and call {@link Gemm#gemm}, so the whole chunk
 * is a single (images·outH·outW) × cout product that lands directly in NHWC. Chunks hold as many images as fit a
 * fixed budget computed from the shapes alone, never from the thread count; with {@code Gemm} itself
 * thread-count independent, every result is bit-identical for any number of threads. The backward passes sum
 * over the batch in image order inside that fixed chunking. Stride-1 layers with few channels go to the direct
 * kernels of {@link ConvDirect} instead (see {@link #direct}), which need no workspace.
 *
 * <p>A caller may pass a scratch {@code workspace} of at least {@link #workspaceSize} floats so that a training
 * step allocates nothing; {@code null} allocates one per call.
 */
public final class Conv2d {

    /** Upper bound on the im2col chunk, in floats (8 MiB), unless a single image needs more. */
    private static final long CHUNK_FLOATS = 1L << 21;

    private Conv2d() {
    }

    /** Output height for an input of height {@code inH}. */
    public static int outH(int inH, ConvGeometry g) {
        return g.outH(inH);
    }

    /** Output width for an input of width {@code inW}. */
    public static int outW(int inW, ConvGeometry g) {
        return g.outW(inW);
    }

    /**
     * Floats of scratch the fast paths need for this input shape (0 for a pointwise 1×1 stride-1 unpadded
     * convolution, which multiplies the input directly). The same size serves forward and both backward passes.
     */
    public static int workspaceSize(int n, int inH, int inW, int cin, ConvGeometry g) {
        if (n < 1 || inH < 1 || inW < 1 || cin < 1) {
            KernelArgs.requireDims("conv2d", KernelArgs.nhwc(n, inH, inW, cin), n, inH, inW, cin);
        }
        KernelArgs.requireFits("conv2d", g, inH, inW);
        if (pointwise(g)) {
            return 0;
        }
        long size = chunkImages(n, inH, inW, cin, g) * Im2Col.colsSize(inH, inW, cin, g);
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("conv2d: one image of " + KernelArgs.nhwc(1, inH, inW, cin)
                    + " with kernel " + KernelArgs.window(g) + " needs " + size + " floats of im2col scratch");
        }
        return (int) size;
    }

    /**
     * Forward pass: y = conv(x, w) + bias (math in the class comment). {@code bias} may be null.
     * Modified: y, workspace. Not modified: x, weights, bias.
     */
    public static void forward(float[] x, int n, int inH, int inW, int cin, float[] weights, float[] bias,
                               int cout, ConvGeometry g, float[] workspace, float[] y) {
        check("conv2d", n, inH, inW, cin, cout, g, x, "x", weights, y, "y");
        requireBias("conv2d", bias, cout);
        if (direct(cin, cout, g)) {
            checkWorkspace("conv2d", workspace, n, inH, inW, cin, g);
            ConvDirect.forward(x, n, inH, inW, cin, weights, bias, cout, g, y);
            return;
        }
        forwardInto(x, n, inH, inW, cin, weights, cout, g, workspace, y, false);
        if (bias != null) {
            addBias(y, n * g.outH(inH) * g.outW(inW), cout, bias);
        }
    }

    /**
     * Gradient w.r.t. the input: dx[b,iy,ix,ci] = (accumulate ? dx : 0) + Σ dy[b,oy,ox,co] · w[ky,kx,ci,co]
     * over every (oy, ox, ky, kx) whose tap lands on (iy, ix). The exact adjoint of {@link #forward} without
     * bias. Shapes: dy (n, outH, outW, cout); dx (n, inH, inW, cin). Modified: dx, workspace. Not modified: dy,
     * weights.
     */
    public static void backwardInput(float[] dy, int n, int inH, int inW, int cin, float[] weights, int cout,
                                     ConvGeometry g, float[] workspace, float[] dx, boolean accumulate) {
        check("conv2d backward input", n, inH, inW, cin, cout, g, dx, "dx", weights, dy, "dy");
        if (direct(cin, cout, g)) {
            checkWorkspace("conv2d backward input", workspace, n, inH, inW, cin, g);
            ConvDirect.backwardInput(dy, n, inH, inW, cin, weights, cout, g, dx, accumulate);
            return;
        }
        int pixels = g.outH(inH) * g.outW(inW);
        int k = g.kernelH() * g.kernelW() * cin;
        if (pointwise(g)) {
            Gemm.gemm(false, true, n * pixels, cin, cout, dy, 0, weights, 0, dx, 0, accumulate);
            return;
        }
        int chunk = chunkImages(n, inH, inW, cin, g);
        float[] cols = KernelArgs.workspace("conv2d backward input", workspace, (long) chunk * pixels * k);
        for (int b0 = 0; b0 < n; b0 += chunk) {
            int nb = Math.min(chunk, n - b0);
            Gemm.gemm(false, true, nb * pixels, k, cout, dy, b0 * pixels * cout, weights, 0, cols, 0, false);
            Im2Col.col2imBatch(cols, 0, nb, inH, inW, cin, g, dx, b0 * inH * inW * cin, accumulate);
        }
    }

    /**
     * Gradient w.r.t. the weights: dW[ky,kx,ci,co] = (accumulate ? dW : 0) + Σ_{b,oy,ox} x[b, tap] · dy[b,oy,ox,co],
     * i.e. colsᵀ · dy summed over the batch in image order. Shapes: x (n, inH, inW, cin); dy (n, outH, outW,
     * cout); dW (kh, kw, cin, cout). Modified: dW, workspace. Not modified: x, dy.
     */
    public static void backwardWeight(float[] x, float[] dy, int n, int inH, int inW, int cin, int cout,
                                      ConvGeometry g, float[] workspace, float[] dW, boolean accumulate) {
        check("conv2d backward weight", n, inH, inW, cin, cout, g, x, "x", dW, dy, "dy");
        if (direct(cin, cout, g)) {
            checkWorkspace("conv2d backward weight", workspace, n, inH, inW, cin, g);
            ConvDirect.backwardWeight(x, dy, n, inH, inW, cin, cout, g, dW, accumulate);
            return;
        }
        int pixels = g.outH(inH) * g.outW(inW);
        int k = g.kernelH() * g.kernelW() * cin;
        if (pointwise(g)) {
            Gemm.gemm(true, false, k, cout, n * pixels, x, 0, dy, 0, dW, 0, accumulate);
            return;
        }
        int chunk = chunkImages(n, inH, inW, cin, g);
        float[] cols = KernelArgs.workspace("conv2d backward weight", workspace, (long) chunk * pixels * k);
        for (int b0 = 0; b0 < n; b0 += chunk) {
            int nb = Math.min(chunk, n - b0);
            Im2Col.im2colBatch(x, b0 * inH * inW * cin, nb, inH, inW, cin, g, cols, 0);
            Gemm.gemm(true, false, k, cout, nb * pixels, cols, 0, dy, b0 * pixels * cout, dW, 0,
                    accumulate || b0 > 0);
        }
    }

    /**
     * Gradient w.r.t. the bias: db[co] = (accumulate ? db : 0) + Σ_{b,oy,ox} dy[b,oy,ox,co], summed in double:
     * fixed chunks of rows in parallel, then the chunk sums in order. Shapes: dy (n, outH, outW, cout); db (cout).
     * Modified: db. Not modified: dy.
     */
    public static void backwardBias(float[] dy, int n, int outH, int outW, int cout, float[] db,
                                    boolean accumulate) {
        checkBias("conv2d backward bias", dy, n, outH, outW, cout, db);
        int rows = n * outH * outW;
        int chunks = (rows + BIAS_CHUNK_ROWS - 1) / BIAS_CHUNK_ROWS;
        BiasJob job = BIAS_JOB.get();
        if (job.partial.length < chunks * cout) {
            job.partial = new double[chunks * cout];
        }
        job.dy = dy;
        job.rows = rows;
        job.cout = cout;
        try {
            KernelPool.parallelFor(chunks, 1, job);
        } finally {
            job.dy = null;
        }
        double[] partial = job.partial;
        for (int co = 0; co < cout; co++) {
            double sum = 0;
            for (int ch = 0; ch < chunks; ch++) {
                sum += partial[ch * cout + co];
            }
            db[co] = (float) (accumulate ? db[co] + sum : sum);
        }
    }

    /** The calling thread's reusable bias-gradient loop: chunk sums into {@code partial}. */
    private static final class BiasJob implements KernelPool.RangeBody {
        double[] partial = new double[0];
        float[] dy;
        int rows;
        int cout;

        @Override
        public void run(int start, int end) {
            for (int ch = start; ch < end; ch++) {
                int r0 = ch * BIAS_CHUNK_ROWS;
                sumRows(dy, r0, Math.min(rows, r0 + BIAS_CHUNK_ROWS), cout, partial, ch * cout);
            }
        }
    }

    private static final ThreadLocal<BiasJob> BIAS_JOB = ThreadLocal.withInitial(BiasJob::new);

    /**
     * Rows summed per chunk of the bias gradient. The chunks are fixed by the shape, summed in parallel and then
     * added in chunk order, so the result does not depend on the thread count.
     */
    private static final int BIAS_CHUNK_ROWS = 4096;

    /** sums[off + co] = Σ_{r0 <= r < r1} dy[r, co] in double, in row order. */
    private static void sumRows(float[] dy, int r0, int r1, int cout, double[] sums, int off) {
        if (Gemm.vectorInUse()) {
            ElementwiseVector.columnSums(dy, r0, r1, cout, sums, off);
            return;
        }
        for (int co = 0; co < cout; co++) {
            sums[off + co] = 0;
        }
        for (int r = r0, base = r0 * cout; r < r1; r++, base += cout) {
            for (int co = 0; co < cout; co++) {
                sums[off + co] += dy[base + co];
            }
        }
    }

    /** Direct-loop reference for {@link #forward}, summing taps in (ky, kx, ci) order. Modified: y. */
    public static void forwardReference(float[] x, int n, int inH, int inW, int cin, float[] weights, float[] bias,
                                        int cout, ConvGeometry g, float[] y) {
        check("conv2d", n, inH, inW, cin, cout, g, x, "x", weights, y, "y");
        requireBias("conv2d", bias, cout);
        int outH = g.outH(inH);
        int outW = g.outW(inW);
        for (int b = 0; b < n; b++) {
            for (int oy = 0; oy < outH; oy++) {
                for (int ox = 0; ox < outW; ox++) {
                    for (int co = 0; co < cout; co++) {
                        float sum = 0f;
                        for (int ky = 0; ky < g.kernelH(); ky++) {
                            int iy = oy * g.strideH() - g.padTop() + ky * g.dilationH();
                            for (int kx = 0; kx < g.kernelW(); kx++) {
                                int ix = ox * g.strideW() - g.padLeft() + kx * g.dilationW();
                                if (iy < 0 || iy >= inH || ix < 0 || ix >= inW) {
                                    continue;
                                }
                                for (int ci = 0; ci < cin; ci++) {
                                    sum += x[((b * inH + iy) * inW + ix) * cin + ci]
                                            * weights[((ky * g.kernelW() + kx) * cin + ci) * cout + co];
                                }
                            }
                        }
                        y[((b * outH + oy) * outW + ox) * cout + co] = bias == null ? sum : sum + bias[co];
                    }
                }
            }
        }
    }

    /** Direct-loop reference for {@link #backwardInput}: scatter-add of every tap. Modified: dx. */
    public static void backwardInputReference(float[] dy, int n, int inH, int inW, int cin, float[] weights,
                                              int cout, ConvGeometry g, float[] dx, boolean accumulate) {
        check("conv2d backward input", n, inH, inW, cin, cout, g, dx, "dx", weights, dy, "dy");
        if (!accumulate) {
            Arrays.fill(dx, 0f);
        }
        forEachTap(n, inH, inW, cin, cout, g, (xi, wi, yi) -> dx[xi] += dy[yi] * weights[wi]);
    }

    /** Direct-loop reference for {@link #backwardWeight}. Modified: dW. */
    public static void backwardWeightReference(float[] x, float[] dy, int n, int inH, int inW, int cin, int cout,
                                               ConvGeometry g, float[] dW, boolean accumulate) {
        check("conv2d backward weight", n, inH, inW, cin, cout, g, x, "x", dW, dy, "dy");
        if (!accumulate) {
            Arrays.fill(dW, 0f);
        }
        forEachTap(n, inH, inW, cin, cout, g, (xi, wi, yi) -> dW[wi] += x[xi] * dy[yi]);
    }

    /** Direct-loop reference for {@link #backwardBias}, summed in float. Modified: db. */
    public static void backwardBiasReference(float[] dy, int n, int outH, int outW, int cout, float[] db,
                                             boolean accumulate) {
        checkBias("conv2d backward bias", dy, n, outH, outW, cout, db);
        for (int co = 0; co < cout; co++) {
            float sum = 0f;
            for (int r = 0; r < n * outH * outW; r++) {
                sum += dy[r * cout + co];
            }
            db[co] = accumulate ? db[co] + sum : sum;
        }
    }

    /** One multiply of the convolution: input index, weight index, output index. */
    @FunctionalInterface
    interface Tap {
        void apply(int xIndex, int wIndex, int yIndex);
    }

    /** Visits every in-image (input, weight, output) triple in (b, oy, ox, ky, kx, ci, co) order. */
    static void forEachTap(int n, int inH, int inW, int cin, int cout, ConvGeometry g, Tap tap) {
        int outH = g.outH(inH);
        int outW = g.outW(inW);
        for (int b = 0; b < n; b++) {
            for (int oy = 0; oy < outH; oy++) {
                for (int ox = 0; ox < outW; ox++) {
                    for (int ky = 0; ky < g.kernelH(); ky++) {
                        int iy = oy * g.strideH() - g.padTop() + ky * g.dilationH();
                        for (int kx = 0; kx < g.kernelW(); kx++) {
                            int ix = ox * g.strideW() - g.padLeft() + kx * g.dilationW();
                            if (iy < 0 || iy >= inH || ix < 0 || ix >= inW) {
                                continue;
                            }
                            for (int ci = 0; ci < cin; ci++) {
                                int xi = ((b * inH + iy) * inW + ix) * cin + ci;
                                int wBase = ((ky * g.kernelW() + kx) * cin + ci) * cout;
                                int yBase = ((b * outH + oy) * outW + ox) * cout;
                                for (int co = 0; co < cout; co++) {
                                    tap.apply(xi, wBase + co, yBase + co);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /** y (+)= x ⊛ w without bias; the shared core of forward and of the transposed convolution's backward. */
    static void forwardInto(float[] x, int n, int inH, int inW, int cin, float[] weights, int cout, ConvGeometry g,
                            float[] workspace, float[] y, boolean accumulate) {
        int pixels = g.outH(inH) * g.outW(inW);
        int k = g.kernelH() * g.kernelW() * cin;
        if (pointwise(g)) {
            Gemm.gemm(false, false, n * pixels, cout, cin, x, 0, weights, 0, y, 0, accumulate);
            return;
        }
        int chunk = chunkImages(n, inH, inW, cin, g);
        float[] cols = KernelArgs.workspace("conv2d", workspace, (long) chunk * pixels * k);
        for (int b0 = 0; b0 < n; b0 += chunk) {
            int nb = Math.min(chunk, n - b0);
            Im2Col.im2colBatch(x, b0 * inH * inW * cin, nb, inH, inW, cin, g, cols, 0);
            Gemm.gemm(false, false, nb * pixels, cout, k, cols, 0, weights, 0, y, b0 * pixels * cout, accumulate);
        }
    }

    /** y[r, co] += bias[co] for each of {@code rows} rows, in parallel over rows. */
    static void addBias(float[] y, int rows, int cout, float[] bias) {
        int grain = Math.max(1, 8192 / cout);
        if (!KernelPool.splits(rows, grain)) {
            addBiasRows(y, cout, bias, 0, rows);
            return;
        }
        BiasRows job = ReusableLoop.claim(BIAS_ROWS, BiasRows::new);
        job.y = y;
        job.cout = cout;
        job.bias = bias;
        job.runOver(rows, grain);
    }

    /** The calling thread's reusable loop for {@link #addBias}. */
    private static final class BiasRows extends ReusableLoop {
        float[] y;
        int cout;
        float[] bias;

        @Override
        void release() {
            y = null;
            bias = null;
        }

        @Override
        public void run(int start, int end) {
            addBiasRows(y, cout, bias, start, end);
        }
    }

    private static final ThreadLocal<BiasRows> BIAS_ROWS = ThreadLocal.withInitial(BiasRows::new);

    private static void addBiasRows(float[] y, int cout, float[] bias, int start, int end) {
        for (int r = start; r < end; r++) {
            int base = r * cout;
            for (int co = 0; co < cout; co++) {
                y[base + co] += bias[co];
            }
        }
    }

    static void requireBias(String op, float[] bias, int cout) {
        if (bias != null && bias.length != cout) {
            KernelArgs.requireLength(op, "bias", bias, cout, "(cout=" + cout + ")");
        }
    }

    /**
     * Validates the shapes shared by every pass: {@code image} is the (n, inH, inW, cin) side, {@code out} the
     * (n, outH, outW, cout) side and {@code weights} (kh, kw, cin, cout).
     */
    static void check(String op, int n, int inH, int inW, int cin, int cout, ConvGeometry g, float[] image,
                      String imageName, float[] weights, float[] out, String outName) {
        if (n >= 1 && inH >= 1 && inW >= 1 && cin >= 1 && cout >= 1 && g != null && g.outH(inH) >= 1
                && g.outW(inW) >= 1 && image != null && image.length == KernelArgs.size(n, inH, inW, cin)
                && weights != null && weights.length == KernelArgs.size(g.kernelH(), g.kernelW(), cin, cout)
                && out != null && out.length == KernelArgs.size(n, g.outH(inH), g.outW(inW), cout)) {
            // All good: skip building the messages below, which a training step would pay for on every call.
            return;
        }
        KernelArgs.requireDims(op, KernelArgs.nhwc(n, inH, inW, cin) + " with cout=" + cout, n, inH, inW, cin,
                cout);
        KernelArgs.requireFits(op, g, inH, inW);
        int outH = g.outH(inH);
        int outW = g.outW(inW);
        KernelArgs.requireLength(op, imageName, image, KernelArgs.size(n, inH, inW, cin),
                KernelArgs.nhwc(n, inH, inW, cin));
        KernelArgs.requireLength(op, "weights", weights, KernelArgs.size(g.kernelH(), g.kernelW(), cin, cout),
                "(kh=" + g.kernelH() + ", kw=" + g.kernelW() + ", cin=" + cin + ", cout=" + cout + ")");
        KernelArgs.requireLength(op, outName, out, KernelArgs.size(n, outH, outW, cout),
                KernelArgs.nhwc(n, outH, outW, cout));
    }

    /**
     * Whether the direct few-channel kernels ({@link ConvDirect}, Vector API only) take this layer instead of
     * im2col + GEMM.
     */
    static boolean direct(int cin, int cout, ConvGeometry g) {
        return Gemm.vectorInUse() && ConvDirect.applies(cin, cout, g);
    }

    /** The direct kernels use their own scratch, but a given workspace must still honour {@link #workspaceSize}. */
    private static void checkWorkspace(String op, float[] workspace, int n, int inH, int inW, int cin,
                                       ConvGeometry g) {
        if (workspace != null) {
            KernelArgs.workspace(op, workspace, (long) chunkImages(n, inH, inW, cin, g)
                    * Im2Col.colsSize(inH, inW, cin, g));
        }
    }

    private static boolean pointwise(ConvGeometry g) {
        return g.kernelH() == 1 && g.kernelW() == 1 && g.strideH() == 1 && g.strideW() == 1
                && g.padTop() == 0 && g.padBottom() == 0 && g.padLeft() == 0 && g.padRight() == 0;
    }

    private static int chunkImages(int n, int inH, int inW, int cin, ConvGeometry g) {
        long perImage = Math.max(1, Im2Col.colsSize(inH, inW, cin, g));
        return (int) Math.max(1, Math.min(n, CHUNK_FLOATS / perImage));
    }

    static void checkBias(String op, float[] dy, int n, int outH, int outW, int cout, float[] db) {
        if (n >= 1 && outH >= 1 && outW >= 1 && cout >= 1 && dy != null
                && dy.length == KernelArgs.size(n, outH, outW, cout) && db != null && db.length == cout) {
            return;
        }
        KernelArgs.requireDims(op, KernelArgs.nhwc(n, outH, outW, cout), n, outH, outW, cout);
        KernelArgs.requireLength(op, "dy", dy, KernelArgs.size(n, outH, outW, cout),
                KernelArgs.nhwc(n, outH, outW, cout));
        KernelArgs.requireLength(op, "db", db, cout, "(cout=" + cout + ")");
    }
}
