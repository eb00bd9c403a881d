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
        int pixels = h * w;
        KernelPool.parallelFor(n, 1, (start, end) -> {
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
        });
    }

    /**
     * Global average backward: dx[b,iy,ix,ci] = (accumulate ? dx : 0) + dy[b,ci] / (h·w).
     * Modified: dx (n, h, w, c). Not modified: dy (n, c).
     */
    public static void avgBackward(float[] dy, int n, int h, int w, int c, float[] dx, boolean accumulate) {
        check("global average pool backward", dx, "dx", n, h, w, c, dy, "dy");
        int pixels = h * w;
        KernelPool.parallelFor(n, 1, (start, end) -> {
            for (int b = start; b < end; b++) {
                for (int p = 0; p < pixels; p++) {
                    int xb = (b * pixels + p) * c;
                    for (int ci = 0; ci < c; ci++) {
                        float g = dy[b * c + ci] / pixels;
                        dx[xb + ci] = accumulate ? dx[xb + ci] + g : g;
                    }
                }
            }
        });
    }

    /** Global max forward. Modified: y (n, c), argmax (n, c). Not modified: x (n, h, w, c). */
    public static void maxForward(float[] x, int n, int h, int w, int c, float[] y, int[] argmax) {
        check("global max pool", x, "x", n, h, w, c, y, "y");
        KernelArgs.requireLength("global max pool", "argmax", argmax, KernelArgs.size(n, c),
                "(n=" + n + ", c=" + c + ")");
        int pixels = h * w;
        KernelPool.parallelFor(n, 1, (start, end) -> {
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
        });
    }

    /**
     * Global max backward: dx = (accumulate ? dx : 0) + dy[b,ci] at argmax[b,ci], 0 elsewhere.
     * Modified: dx (n, h, w, c). Not modified: dy, argmax (n, c).
     */
    public static void maxBackward(float[] dy, int[] argmax, int n, int h, int w, int c, float[] dx,
                                   boolean accumulate) {
        check("global max pool backward", dx, "dx", n, h, w, c, dy, "dy");
        KernelArgs.requireLength("global max pool backward", "argmax", argmax, KernelArgs.size(n, c),
                "(n=" + n + ", c=" + c + ")");
        int imageSize = h * w * c;
        Pool2d.overImages(n, imageSize, dx, accumulate, b -> {
            for (int ci = 0; ci < c; ci++) {
                dx[argmax[b * c + ci]] += dy[b * c + ci];
            }
        });
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
}
