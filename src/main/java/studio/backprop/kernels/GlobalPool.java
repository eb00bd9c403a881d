package studio.backprop.kernels;

import java.util.Arrays;

/**
 * Global average and max pooling: NHWC (n, h, w, c) → (n, c), one value per image and channel.
 *
 * <p>avg: y[b,ci] = Σ_{iy,ix} x[b,iy,ix,ci] / (h·w), summed in pixel order. max: y[b,ci] = max over pixels, ties
 * to the first pixel in row-major order, argmax[b·c + ci] = flat index into x. Parallel over images, so results
 * are bit-identical for any thread count.
 */
public final class GlobalPool {

    private GlobalPool() {
    }

    /** Global average forward. Modified: y (n, c). Not modified: x (n, h, w, c). */
    public static void avgForward(float[] x, int n, int h, int w, int c, float[] y) {
        check("global average pool", x, "x", n, h, w, c, y, "y");
        Images.run(Kind.AVG_FORWARD, x, null, y, n, h * w, c, false);
    }

    /**
     * Global average backward: dx[b,iy,ix,ci] = (accumulate ? dx : 0) + dy[b,ci] / (h·w).
     * Modified: dx (n, h, w, c). Not modified: dy (n, c).
     */
    public static void avgBackward(float[] dy, int n, int h, int w, int c, float[] dx, boolean accumulate) {
        check("global average pool backward", dx, "dx", n, h, w, c, dy, "dy");
        Images.run(Kind.AVG_BACKWARD, dy, null, dx, n, h * w, c, accumulate);
    }

    /** Global max forward. Modified: y (n, c), argmax (n, c). Not modified: x (n, h, w, c). */
    public static void maxForward(float[] x, int n, int h, int w, int c, float[] y, int[] argmax) {
        check("global max pool", x, "x", n, h, w, c, y, "y");
        requireArgmax("global max pool", argmax, n, c);
        Images.run(Kind.MAX_FORWARD, x, argmax, y, n, h * w, c, false);
    }

    /**
     * Global max backward: dx = (accumulate ? dx : 0) + dy[b,ci] at argmax[b,ci], 0 elsewhere.
     * Modified: dx (n, h, w, c). Not modified: dy, argmax (n, c).
     */
    public static void maxBackward(float[] dy, int[] argmax, int n, int h, int w, int c, float[] dx,
                                   boolean accumulate) {
        check("global max pool backward", dx, "dx", n, h, w, c, dy, "dy");
        requireArgmax("global max pool backward", argmax, n, c);
        Images.run(Kind.MAX_BACKWARD, dy, argmax, dx, n, h * w, c, accumulate);
    }

    /** Reference for {@link #avgForward}: channel by channel. Modified: y. */
    public static void avgForwardReference(float[] x, int n, int h, int w, int c, float[] y) {
        check("global average pool", x, "x", n, h, w, c, y, "y");
        for (int b = 0; b < n; b++) {
            for (int ci = 0; ci < c; ci++) {
                float sum = 0f;
                for (int p = 0; p < h * w; p++) {
                    sum += x[(b * h * w + p) * c + ci];
                }
                y[b * c + ci] = sum / (h * w);
            }
        }
    }

    private static void check(String op, float[] image, String imageName, int n, int h, int w, int c, float[] out,
                              String outName) {
        if (n >= 1 && h >= 1 && w >= 1 && c >= 1 && image != null && image.length == KernelArgs.size(n, h, w, c)
                && out != null && out.length == (long) n * c) {
            // All good: skip building the messages below.
            return;
        }
        KernelArgs.requireDims(op, KernelArgs.nhwc(n, h, w, c), n, h, w, c);
        KernelArgs.requireLength(op, imageName, image, KernelArgs.size(n, h, w, c), KernelArgs.nhwc(n, h, w, c));
        KernelArgs.requireLength(op, outName, out, KernelArgs.size(n, c), "(n=" + n + ", c=" + c + ")");
    }

    private static void requireArgmax(String op, int[] argmax, int n, int c) {
        if (argmax == null || argmax.length != (long) n * c) {
            KernelArgs.requireLength(op, "argmax", argmax, (long) n * c, "(n=" + n + ", c=" + c + ")");
        }
    }

    /** y[b] = the mean over the pixels of image b, per channel, summed in pixel order. */
    private static void avgForwardImages(float[] x, int pixels, int c, float[] y, int start, int end) {
        for (int b = start; b < end; b++) {
            int yb = b * c;
            Arrays.fill(y, yb, yb + c, 0f);
            for (int p = 0; p < pixels; p++) {
                int xb = (b * pixels + p) * c;
                for (int ci = 0; ci < c; ci++) {
                    y[yb + ci] += x[xb + ci];
                }
            }
            for (int ci = 0; ci < c; ci++) {
                y[yb + ci] /= pixels;
            }
        }
    }

    /** dx of images [start, end): dy[b, ci] / pixels at every pixel. */
    private static void avgBackwardImages(float[] dy, int pixels, int c, float[] dx, boolean accumulate, int start,
                                          int end) {
        for (int b = start; b < end; b++) {
            for (int p = 0; p < pixels; p++) {
                int xb = (b * pixels + p) * c;
                for (int ci = 0; ci < c; ci++) {
                    float g = dy[b * c + ci] / pixels;
                    dx[xb + ci] = accumulate ? dx[xb + ci] + g : g;
                }
            }
        }
    }

    /** y and argmax of images [start, end): the first pixel holding each channel's maximum. */
    private static void maxForwardImages(float[] x, int pixels, int c, float[] y, int[] argmax, int start, int end) {
        for (int b = start; b < end; b++) {
            for (int ci = 0; ci < c; ci++) {
                int best = b * pixels * c + ci;
                for (int p = 1; p < pixels; p++) {
                    int i = (b * pixels + p) * c + ci;
                    if (x[i] > x[best]) {
                        best = i;
                    }
                }
                y[b * c + ci] = x[best];
                argmax[b * c + ci] = best;
            }
        }
    }

    /** dx of images [start, end): cleared unless accumulating, then dy[b, ci] added at argmax[b, ci]. */
    private static void maxBackwardImages(float[] dy, int[] argmax, int pixels, int c, float[] dx,
                                          boolean accumulate, int start, int end) {
        int imageSize = pixels * c;
        for (int b = start; b < end; b++) {
            if (!accumulate) {
                Arrays.fill(dx, b * imageSize, (b + 1) * imageSize, 0f);
            }
            for (int ci = 0; ci < c; ci++) {
                dx[argmax[b * c + ci]] += dy[b * c + ci];
            }
        }
    }

    private enum Kind { AVG_FORWARD, AVG_BACKWARD, MAX_FORWARD, MAX_BACKWARD }

    /** The calling thread's reusable loop over images (a capturing lambda was an allocation per call). */
    private static final class Images extends ReusableLoop {
        private static final ThreadLocal<Images> JOBS = ThreadLocal.withInitial(Images::new);

        Kind kind;
        float[] in;
        int[] argmax;
        float[] out;
        int pixels;
        int c;
        boolean accumulate;

        /** Runs the loop of {@code kind} over images [0, n), one image per slice at least. */
        static void run(Kind kind, float[] in, int[] argmax, float[] out, int n, int pixels, int c,
                        boolean accumulate) {
            Images job = claim(JOBS, Images::new);
            job.kind = kind;
            job.in = in;
            job.argmax = argmax;
            job.out = out;
            job.pixels = pixels;
            job.c = c;
            job.accumulate = accumulate;
            job.runOver(n, 1);
        }

        @Override
        void release() {
            in = null;
            argmax = null;
            out = null;
        }

        @Override
        public void run(int start, int end) {
            switch (kind) {
                case AVG_FORWARD -> avgForwardImages(in, pixels, c, out, start, end);
                case AVG_BACKWARD -> avgBackwardImages(in, pixels, c, out, accumulate, start, end);
                case MAX_FORWARD -> maxForwardImages(in, pixels, c, out, argmax, start, end);
                case MAX_BACKWARD -> maxBackwardImages(in, argmax, pixels, c, out, accumulate, start, end);
                default -> throw new IllegalStateException("global pool: unknown loop " + kind);
            }
        }
    }
}
