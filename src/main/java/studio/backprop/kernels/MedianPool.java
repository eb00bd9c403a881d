package studio.backprop.kernels;

import java.util.Arrays;

/**
 * Median pooling over NHWC images, per channel: each output is the median of its window's in-image taps. For an
 * odd count m it is the ((m+1)/2)-th smallest value; for an even count the mean of the two middle values, as
 * numpy's median. Padding taps are skipped, not read as 0.
 *
 * <p>Backward: ∂L/∂x goes to the tap(s) that made the median: all of ∂L/∂y to the middle tap for an odd count,
 * half to each of the two middle taps for an even count. Ties are broken by window order (row-major), so a
 * value repeated in a window sends its gradient to its first occurrence among the sorted middle.
 *
 * <p>Shapes: x, dx (n, inH, inW, c); y, dy (n, outH, outW, c); {@code middle} holds two flat x indices per
 * output (equal for an odd count, −1 for a window with no in-image tap). Single-threaded: the explorer's
 * images are small, and a training layer uses {@link Pool2d}.
 */
public final class MedianPool {

    private MedianPool() {
    }

    /** Forward: y = median of each window; middle = the indices it came from. Modified: y, middle. */
    public static void forward(float[] x, int n, int inH, int inW, int c, ConvGeometry g, float[] y, int[] middle) {
        Pool2d.check("median pool", x, "x", n, inH, inW, c, g, y, "y");
        KernelArgs.requireLength("median pool", "middle", middle, 2 * y.length, Pool2d.outShape(n, inH, inW, c, g));
        int[] taps = new int[g.kernelH() * g.kernelW()];
        int outH = g.outH(inH);
        int outW = g.outW(inW);
        for (int b = 0; b < n; b++) {
            for (int oy = 0; oy < outH; oy++) {
                for (int ox = 0; ox < outW; ox++) {
                    for (int ci = 0; ci < c; ci++) {
                        int yi = ((b * outH + oy) * outW + ox) * c + ci;
                        int count = taps(inH, inW, c, g, b, oy, ox, ci, taps);
                        sortByValue(x, taps, count);
                        median(x, taps, count, y, middle, yi);
                    }
                }
            }
        }
    }

    /**
     * Backward: dx = (accumulate ? dx : 0) + ∂L/∂y routed to the middle taps (half each for an even count).
     * Modified: dx. Not modified: dy, middle.
     */
    public static void backward(float[] dy, int[] middle, int n, int inH, int inW, int c, ConvGeometry g, float[] dx,
                                boolean accumulate) {
        Pool2d.check("median pool backward", dx, "dx", n, inH, inW, c, g, dy, "dy");
        KernelArgs.requireLength("median pool backward", "middle", middle, 2 * dy.length,
                Pool2d.outShape(n, inH, inW, c, g));
        if (!accumulate) {
            Arrays.fill(dx, 0f);
        }
        for (int i = 0; i < dy.length; i++) {
            int a = middle[2 * i];
            int b = middle[2 * i + 1];
            if (a < 0) {
                continue;
            }
            if (a == b) {
                dx[a] += dy[i];
            } else {
                dx[a] += dy[i] * 0.5f;
                dx[b] += dy[i] * 0.5f;
            }
        }
    }

    /**
     * The naive reference for {@link #forward}'s values: copies each window's in-image values, sorts them with
     * {@link Arrays#sort(float[])}, and takes the middle (mean of the two middles for an even count).
     * Modified: y.
     */
    public static void forwardReference(float[] x, int n, int inH, int inW, int c, ConvGeometry g, float[] y) {
        Pool2d.check("median pool", x, "x", n, inH, inW, c, g, y, "y");
        int outH = g.outH(inH);
        int outW = g.outW(inW);
        for (int b = 0; b < n; b++) {
            for (int oy = 0; oy < outH; oy++) {
                for (int ox = 0; ox < outW; ox++) {
                    for (int ci = 0; ci < c; ci++) {
                        float[] values = new float[g.kernelH() * g.kernelW()];
                        int m = 0;
                        for (int ky = 0; ky < g.kernelH(); ky++) {
                            for (int kx = 0; kx < g.kernelW(); kx++) {
                                int iy = oy * g.strideH() - g.padTop() + ky * g.dilationH();
                                int ix = ox * g.strideW() - g.padLeft() + kx * g.dilationW();
                                if (iy >= 0 && iy < inH && ix >= 0 && ix < inW) {
                                    values[m++] = x[((b * inH + iy) * inW + ix) * c + ci];
                                }
                            }
                        }
                        float[] sorted = Arrays.copyOf(values, m);
                        Arrays.sort(sorted);
                        float v = m == 0 ? 0f : m % 2 == 1 ? sorted[m / 2]
                                : (float) ((sorted[m / 2 - 1] + (double) sorted[m / 2]) / 2);
                        y[((b * outH + oy) * outW + ox) * c + ci] = v;
                    }
                }
            }
        }
    }

    /** The flat x indices of the in-image taps of one window, row-major; returns how many. */
    private static int taps(int inH, int inW, int c, ConvGeometry g, int b, int oy, int ox, int ci, int[] taps) {
        int count = 0;
        for (int ky = 0; ky < g.kernelH(); ky++) {
            int iy = oy * g.strideH() - g.padTop() + ky * g.dilationH();
            if (iy < 0 || iy >= inH) {
                continue;
            }
            for (int kx = 0; kx < g.kernelW(); kx++) {
                int ix = ox * g.strideW() - g.padLeft() + kx * g.dilationW();
                if (ix >= 0 && ix < inW) {
                    taps[count++] = ((b * inH + iy) * inW + ix) * c + ci;
                }
            }
        }
        return count;
    }

    /** Stable insertion sort of the first {@code count} indices by the values they point at. */
    private static void sortByValue(float[] x, int[] taps, int count) {
        for (int i = 1; i < count; i++) {
            int t = taps[i];
            int j = i - 1;
            while (j >= 0 && x[taps[j]] > x[t]) {
                taps[j + 1] = taps[j];
                j--;
            }
            taps[j + 1] = t;
        }
    }

    private static void median(float[] x, int[] sortedTaps, int count, float[] y, int[] middle, int yi) {
        if (count == 0) {
            y[yi] = 0f;
            middle[2 * yi] = -1;
            middle[2 * yi + 1] = -1;
            return;
        }
        int lo = sortedTaps[(count - 1) / 2];
        int hi = sortedTaps[count / 2];
        y[yi] = lo == hi ? x[lo] : (float) ((x[lo] + (double) x[hi]) / 2);
        middle[2 * yi] = lo;
        middle[2 * yi + 1] = hi;
    }
}
