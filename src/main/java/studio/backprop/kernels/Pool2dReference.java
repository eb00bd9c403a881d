package studio.backprop.kernels;

import java.util.Arrays;

/**
 * Naive direct-loop references for {@link Pool2d}, one output element at a time, used by the tests as oracles.
 * Same shapes, math and "Modified" contracts as the matching {@link Pool2d} method.
 */
public final class Pool2dReference {

    private Pool2dReference() {
    }

    /** Reference for {@link Pool2d#maxForward}. Modified: y, argmax. */
    public static void maxForward(float[] x, int n, int inH, int inW, int c, ConvGeometry g, float[] y,
                                  int[] argmax) {
        Pool2d.check("max pool", x, "x", n, inH, inW, c, g, y, "y");
        KernelArgs.requireLength("max pool", "argmax", argmax, y.length, Pool2d.outShape(n, inH, inW, c, g));
        forEachOutput(n, inH, inW, c, g, (yi, taps, count) -> {
            float best = Float.NEGATIVE_INFINITY;
            int arg = -1;
            for (int t = 0; t < count; t++) {
                if (arg < 0 || x[taps[t]] > best) {
                    best = x[taps[t]];
                    arg = taps[t];
                }
            }
            y[yi] = arg < 0 ? 0f : best;
            argmax[yi] = arg;
        });
    }

    /** Reference for {@link Pool2d#maxBackward}. Modified: dx. */
    public static void maxBackward(float[] dy, int[] argmax, int n, int inH, int inW, int c, ConvGeometry g,
                                   float[] dx, boolean accumulate) {
        Pool2d.check("max pool backward", dx, "dx", n, inH, inW, c, g, dy, "dy");
        if (!accumulate) {
            Arrays.fill(dx, 0f);
        }
        for (int i = 0; i < dy.length; i++) {
            if (argmax[i] >= 0) {
                dx[argmax[i]] += dy[i];
            }
        }
    }

    /** Reference for {@link Pool2d#avgForward}. Modified: y. */
    public static void avgForward(float[] x, int n, int inH, int inW, int c, ConvGeometry g, float[] y) {
        Pool2d.check("average pool", x, "x", n, inH, inW, c, g, y, "y");
        forEachOutput(n, inH, inW, c, g, (yi, taps, count) -> {
            float sum = 0f;
            for (int t = 0; t < count; t++) {
                sum += x[taps[t]];
            }
            y[yi] = count == 0 ? 0f : sum / count;
        });
    }

    /** Reference for {@link Pool2d#avgBackward}. Modified: dx. */
    public static void avgBackward(float[] dy, int n, int inH, int inW, int c, ConvGeometry g, float[] dx,
                                   boolean accumulate) {
        Pool2d.check("average pool backward", dx, "dx", n, inH, inW, c, g, dy, "dy");
        if (!accumulate) {
            Arrays.fill(dx, 0f);
        }
        forEachOutput(n, inH, inW, c, g, (yi, taps, count) -> {
            for (int t = 0; t < count; t++) {
                dx[taps[t]] += dy[yi] / count;
            }
        });
    }

    /** Reference for {@link Pool2d#l2Forward}. Modified: y. */
    public static void l2Forward(float[] x, int n, int inH, int inW, int c, ConvGeometry g, float[] y) {
        Pool2d.check("L2 pool", x, "x", n, inH, inW, c, g, y, "y");
        forEachOutput(n, inH, inW, c, g, (yi, taps, count) -> {
            float sum = 0f;
            for (int t = 0; t < count; t++) {
                sum += x[taps[t]] * x[taps[t]];
            }
            y[yi] = (float) Math.sqrt(sum);
        });
    }

    /** Reference for {@link Pool2d#l2Backward}. Modified: dx. */
    public static void l2Backward(float[] x, float[] y, float[] dy, int n, int inH, int inW, int c, ConvGeometry g,
                                  float[] dx, boolean accumulate) {
        Pool2d.check("L2 pool backward", dx, "dx", n, inH, inW, c, g, dy, "dy");
        if (!accumulate) {
            Arrays.fill(dx, 0f);
        }
        forEachOutput(n, inH, inW, c, g, (yi, taps, count) -> {
            for (int t = 0; t < count; t++) {
                dx[taps[t]] += y[yi] == 0f ? 0f : dy[yi] * x[taps[t]] / y[yi];
            }
        });
    }

    /** One output element with the flat x indices of its in-image taps, in row-major window order. */
    @FunctionalInterface
    private interface Window {
        void visit(int yIndex, int[] taps, int count);
    }

    private static void forEachOutput(int n, int inH, int inW, int c, ConvGeometry g, Window window) {
        int outH = g.outH(inH);
        int outW = g.outW(inW);
        int[] taps = new int[g.kernelH() * g.kernelW()];
        for (int b = 0; b < n; b++) {
            for (int oy = 0; oy < outH; oy++) {
                for (int ox = 0; ox < outW; ox++) {
                    for (int ci = 0; ci < c; ci++) {
                        int count = 0;
                        for (int ky = 0; ky < g.kernelH(); ky++) {
                            for (int kx = 0; kx < g.kernelW(); kx++) {
                                int iy = oy * g.strideH() - g.padTop() + ky * g.dilationH();
                                int ix = ox * g.strideW() - g.padLeft() + kx * g.dilationW();
                                if (iy >= 0 && iy < inH && ix >= 0 && ix < inW) {
                                    taps[count++] = ((b * inH + iy) * inW + ix) * c + ci;
                                }
                            }
                        }
                        window.visit(((b * outH + oy) * outW + ox) * c + ci, taps, count);
                    }
                }
            }
        }
    }
}
