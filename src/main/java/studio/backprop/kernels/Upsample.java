package studio.backprop.kernels;

import java.util.Arrays;

/**
 * Nearest-neighbour upsampling of NHWC images by integer factors (fh, fw).
 *
 * <p>Shapes: x (n, h, w, c); y (n, h·fh, w·fw, c). Forward: y[b,oy,ox,ci] = x[b, ⌊oy/fh⌋, ⌊ox/fw⌋, ci].
 * Backward (its adjoint): dx[b,iy,ix,ci] = Σ of dy over the fh×fw block that copied it, in row-major order.
 * Parallel over output rows (forward) and input rows (backward), so results are bit-identical for any thread
 * count.
 */
public final class Upsample {

    private Upsample() {
    }

    /** Nearest forward. Modified: y. Not modified: x. */
    public static void nearestForward(float[] x, int n, int h, int w, int c, int fh, int fw, float[] y) {
        check("upsample", x, "x", n, h, w, c, fh, fw, y, "y");
        Rows.run(true, x, y, n * h * fh, w, c, fh, fw, false);
    }

    /**
     * Nearest backward: dx = (accumulate ? dx : 0) + block sums of dy. Shapes: dy (n, h·fh, w·fw, c);
     * dx (n, h, w, c). Modified: dx. Not modified: dy.
     */
    public static void nearestBackward(float[] dy, int n, int h, int w, int c, int fh, int fw, float[] dx,
                                       boolean accumulate) {
        check("upsample backward", dx, "dx", n, h, w, c, fh, fw, dy, "dy");
        Rows.run(false, dy, dx, n * h, w, c, fh, fw, accumulate);
    }

    /** Reference for {@link #nearestForward}, one output element at a time. Modified: y. */
    public static void nearestForwardReference(float[] x, int n, int h, int w, int c, int fh, int fw, float[] y) {
        check("upsample", x, "x", n, h, w, c, fh, fw, y, "y");
        int outH = h * fh;
        int outW = w * fw;
        for (int i = 0; i < y.length; i++) {
            int ci = i % c;
            int ox = i / c % outW;
            int oy = i / c / outW % outH;
            int b = i / c / outW / outH;
            y[i] = x[((b * h + oy / fh) * w + ox / fw) * c + ci];
        }
    }

    /** Reference for {@link #nearestBackward}: scatter-add in output order. Modified: dx. */
    public static void nearestBackwardReference(float[] dy, int n, int h, int w, int c, int fh, int fw, float[] dx,
                                                boolean accumulate) {
        check("upsample backward", dx, "dx", n, h, w, c, fh, fw, dy, "dy");
        if (!accumulate) {
            Arrays.fill(dx, 0f);
        }
        int outH = h * fh;
        int outW = w * fw;
        for (int i = 0; i < dy.length; i++) {
            int ci = i % c;
            int ox = i / c % outW;
            int oy = i / c / outW % outH;
            int b = i / c / outW / outH;
            dx[((b * h + oy / fh) * w + ox / fw) * c + ci] += dy[i];
        }
    }

    private static void check(String op, float[] image, String imageName, int n, int h, int w, int c, int fh,
                              int fw, float[] out, String outName) {
        if (n >= 1 && h >= 1 && w >= 1 && c >= 1 && fh >= 1 && fw >= 1 && image != null
                && image.length == KernelArgs.size(n, h, w, c) && out != null
                && out.length == (long) n * h * fh * w * fw * c) {
            // All good: skip building the messages below.
            return;
        }
        KernelArgs.requireDims(op, KernelArgs.nhwc(n, h, w, c), n, h, w, c);
        if (fh < 1 || fw < 1) {
            throw new IllegalArgumentException(op + ": factors must be at least 1, got " + fh + "×" + fw);
        }
        KernelArgs.requireLength(op, imageName, image, KernelArgs.size(n, h, w, c), KernelArgs.nhwc(n, h, w, c));
        KernelArgs.requireLength(op, outName, out, KernelArgs.size(n, h, fh, w, fw, c),
                KernelArgs.nhwc(n, h * fh, w * fw, c));
    }

    /** Output rows [start, end) of the forward pass: each input pixel copied fw times, each row fh times. */
    private static void forwardRows(float[] x, float[] y, int w, int c, int fh, int fw, int start, int end) {
        int outW = w * fw;
        for (int r = start; r < end; r++) {
            int srcRow = (r / fh) * w * c;
            int dst = r * outW * c;
            for (int ix = 0; ix < w; ix++) {
                for (int f = 0; f < fw; f++, dst += c) {
                    System.arraycopy(x, srcRow + ix * c, y, dst, c);
                }
            }
        }
    }

    /** Input rows [start, end) of the backward pass: each pixel's fh×fw block of dy, summed in row-major order. */
    private static void backwardRows(float[] dy, float[] dx, int w, int c, int fh, int fw, boolean accumulate,
                                     int start, int end) {
        int outRow = w * fw * c;
        for (int r = start; r < end; r++) {
            int dst = r * w * c;
            for (int ix = 0; ix < w; ix++) {
                for (int ci = 0; ci < c; ci++) {
                    float sum = 0f;
                    for (int a = 0; a < fh; a++) {
                        int src = (r * fh + a) * outRow + ix * fw * c + ci;
                        for (int f = 0; f < fw; f++) {
                            sum += dy[src + f * c];
                        }
                    }
                    int i = dst + ix * c + ci;
                    dx[i] = accumulate ? dx[i] + sum : sum;
                }
            }
        }
    }

    /** The calling thread's reusable loop over rows (a capturing lambda was an allocation per call). */
    private static final class Rows extends ReusableLoop {
        private static final ThreadLocal<Rows> JOBS = ThreadLocal.withInitial(Rows::new);

        boolean forward;
        float[] in;
        float[] out;
        int w;
        int c;
        int fh;
        int fw;
        boolean accumulate;

        /** Runs the forward (output rows) or backward (input rows) loop over [0, rows), 16 rows a slice at least. */
        static void run(boolean forward, float[] in, float[] out, int rows, int w, int c, int fh, int fw,
                        boolean accumulate) {
            Rows job = claim(JOBS, Rows::new);
            job.forward = forward;
            job.in = in;
            job.out = out;
            job.w = w;
            job.c = c;
            job.fh = fh;
            job.fw = fw;
            job.accumulate = accumulate;
            job.runOver(rows, 16);
        }

        @Override
        void release() {
            in = null;
            out = null;
        }

        @Override
        public void run(int start, int end) {
            if (forward) {
                forwardRows(in, out, w, c, fh, fw, start, end);
            } else {
                backwardRows(in, out, w, c, fh, fw, accumulate, start, end);
            }
        }
    }
}
