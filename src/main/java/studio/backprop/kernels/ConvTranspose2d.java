package studio.backprop.kernels;

import java.util.Arrays;

/**
 * Transposed 2-D convolution over NHWC batches, with Keras's weight layout.
 *
 * <p>Shapes: x (n, inH, inW, cin); weights (kh, kw, cout, cin); bias (cout) or null; y (n, outH, outW, cout)
 * with {@code outH = (inH − 1)·sh + dh·(kh − 1) + 1 − padTop − padBottom + outputPaddingH} (likewise for W).
 * It is the exact adjoint of a {@link Conv2d} with the same geometry mapping (outH, outW, cout) to
 * (inH, inW, cin): that convolution's HWIO weights (kh, kw, I = cout, O = cin) are these very floats, so no
 * permutation is needed. Math: {@code y[b, iy·sh − padTop + ky·dh, ix·sw − padLeft + kx·dw, co] +=
 * x[b,iy,ix,ci] · w[ky,kx,co,ci]} for every tap inside y, then + bias[co].
 *
 * <p>The output padding (0 ≤ p &lt; stride) adds rows/columns at the bottom/right that a strided convolution of
 * the larger image would also map onto an inH×inW output, choosing between the several input sizes a strided
 * convolution folds together.
 *
 * <p>Every pass delegates to {@link Conv2d}, inheriting its workspace rules and bit-identical threading.
 */
public final class ConvTranspose2d {

    private ConvTranspose2d() {
    }

    /** Output height: (inH − 1)·sh + dh·(kh − 1) + 1 − padTop − padBottom + outputPaddingH. */
    public static int outH(int inH, ConvGeometry g, int outputPaddingH) {
        return (inH - 1) * g.strideH() + g.dilationH() * (g.kernelH() - 1) + 1 - g.padTop() - g.padBottom()
                + outputPaddingH;
    }

    /** Output width: (inW − 1)·sw + dw·(kw − 1) + 1 − padLeft − padRight + outputPaddingW. */
    public static int outW(int inW, ConvGeometry g, int outputPaddingW) {
        return (inW - 1) * g.strideW() + g.dilationW() * (g.kernelW() - 1) + 1 - g.padLeft() - g.padRight()
                + outputPaddingW;
    }

    /** Floats of scratch every pass needs for this shape; pass it as {@code workspace} to avoid allocation. */
    public static int workspaceSize(int n, int inH, int inW, int cin, int cout, ConvGeometry g, int outputPaddingH,
                                    int outputPaddingW) {
        checkGeometry(n, inH, inW, cin, cout, g, outputPaddingH, outputPaddingW);
        return Conv2d.workspaceSize(n, outH(inH, g, outputPaddingH), outW(inW, g, outputPaddingW), cout, g);
    }

    /**
     * Forward pass (math in the class comment); {@code bias} may be null.
     * Modified: y, workspace. Not modified: x, weights, bias.
     */
    public static void forward(float[] x, int n, int inH, int inW, int cin, float[] weights, float[] bias,
                               int cout, ConvGeometry g, int outputPaddingH, int outputPaddingW,
                               float[] workspace, float[] y) {
        checkGeometry(n, inH, inW, cin, cout, g, outputPaddingH, outputPaddingW);
        Conv2d.requireBias("conv2d transpose", bias, cout);
        int outH = outH(inH, g, outputPaddingH);
        int outW = outW(inW, g, outputPaddingW);
        checkArrays("conv2d transpose", x, "x", n, inH, inW, cin, weights, cout, g, y, "y", outH, outW);
        Conv2d.backwardInput(x, n, outH, outW, cout, weights, cin, g, workspace, y, false);
        if (bias != null) {
            Conv2d.addBias(y, n * outH * outW, cout, bias);
        }
    }

    /**
     * Gradient w.r.t. the input: dx = (accumulate ? dx : 0) + Conv2d(dy, w), i.e.
     * dx[b,iy,ix,ci] += Σ_{ky,kx,co} dy[b, iy·sh − padTop + ky·dh, ix·sw − padLeft + kx·dw, co] · w[ky,kx,co,ci].
     * Shapes: dy (n, outH, outW, cout); dx (n, inH, inW, cin). Modified: dx, workspace. Not modified: dy, weights.
     */
    public static void backwardInput(float[] dy, int n, int inH, int inW, int cin, float[] weights, int cout,
                                     ConvGeometry g, int outputPaddingH, int outputPaddingW, float[] workspace,
                                     float[] dx, boolean accumulate) {
        checkGeometry(n, inH, inW, cin, cout, g, outputPaddingH, outputPaddingW);
        int outH = outH(inH, g, outputPaddingH);
        int outW = outW(inW, g, outputPaddingW);
        checkArrays("conv2d transpose backward input", dx, "dx", n, inH, inW, cin, weights, cout, g, dy, "dy", outH,
                outW);
        Conv2d.forwardInto(dy, n, outH, outW, cout, weights, cin, g, workspace, dx, accumulate);
    }

    /**
     * Gradient w.r.t. the weights: dW[ky,kx,co,ci] = (accumulate ? dW : 0) + Σ_{b,iy,ix} dy[b, tap, co] ·
     * x[b,iy,ix,ci], summed over the batch in image order. Shapes: x (n, inH, inW, cin); dy (n, outH, outW,
     * cout); dW (kh, kw, cout, cin). Modified: dW, workspace. Not modified: x, dy.
     */
    public static void backwardWeight(float[] x, float[] dy, int n, int inH, int inW, int cin, int cout,
                                      ConvGeometry g, int outputPaddingH, int outputPaddingW, float[] workspace,
                                      float[] dW, boolean accumulate) {
        checkGeometry(n, inH, inW, cin, cout, g, outputPaddingH, outputPaddingW);
        int outH = outH(inH, g, outputPaddingH);
        int outW = outW(inW, g, outputPaddingW);
        checkArrays("conv2d transpose backward weight", x, "x", n, inH, inW, cin, dW, cout, g, dy, "dy", outH,
                outW);
        Conv2d.backwardWeight(dy, x, n, outH, outW, cout, cin, g, workspace, dW, accumulate);
    }

    /**
     * Gradient w.r.t. the bias: db[co] = (accumulate ? db : 0) + Σ_{b,oy,ox} dy[b,oy,ox,co].
     * Shapes: dy (n, outH, outW, cout); db (cout). Modified: db. Not modified: dy.
     */
    public static void backwardBias(float[] dy, int n, int outH, int outW, int cout, float[] db,
                                    boolean accumulate) {
        Conv2d.backwardBias(dy, n, outH, outW, cout, db, accumulate);
    }

    /** Direct scatter reference for {@link #forward}. Modified: y. Not modified: x, weights, bias. */
    public static void forwardReference(float[] x, int n, int inH, int inW, int cin, float[] weights, float[] bias,
                                        int cout, ConvGeometry g, int outputPaddingH, int outputPaddingW,
                                        float[] y) {
        checkGeometry(n, inH, inW, cin, cout, g, outputPaddingH, outputPaddingW);
        Conv2d.requireBias("conv2d transpose", bias, cout);
        int outH = outH(inH, g, outputPaddingH);
        int outW = outW(inW, g, outputPaddingW);
        Conv2d.check("conv2d transpose", n, outH, outW, cout, cin, g, y, "y", weights, x, "x");
        Arrays.fill(y, 0f);
        Conv2d.forEachTap(n, outH, outW, cout, cin, g, (yi, wi, xi) -> y[yi] += x[xi] * weights[wi]);
        if (bias != null) {
            for (int i = 0; i < y.length; i++) {
                y[i] += bias[i % cout];
            }
        }
    }

    /** Direct gather reference for {@link #backwardInput}. Modified: dx. Not modified: dy, weights. */
    public static void backwardInputReference(float[] dy, int n, int inH, int inW, int cin, float[] weights,
                                              int cout, ConvGeometry g, int outputPaddingH, int outputPaddingW,
                                              float[] dx, boolean accumulate) {
        checkGeometry(n, inH, inW, cin, cout, g, outputPaddingH, outputPaddingW);
        int outH = outH(inH, g, outputPaddingH);
        int outW = outW(inW, g, outputPaddingW);
        Conv2d.check("conv2d transpose backward input", n, outH, outW, cout, cin, g, dy, "dy", weights, dx, "dx");
        if (!accumulate) {
            Arrays.fill(dx, 0f);
        }
        Conv2d.forEachTap(n, outH, outW, cout, cin, g, (yi, wi, xi) -> dx[xi] += dy[yi] * weights[wi]);
    }

    /** Direct reference for {@link #backwardWeight}. Modified: dW. Not modified: x, dy. */
    public static void backwardWeightReference(float[] x, float[] dy, int n, int inH, int inW, int cin, int cout,
                                               ConvGeometry g, int outputPaddingH, int outputPaddingW, float[] dW,
                                               boolean accumulate) {
        checkGeometry(n, inH, inW, cin, cout, g, outputPaddingH, outputPaddingW);
        int outH = outH(inH, g, outputPaddingH);
        int outW = outW(inW, g, outputPaddingW);
        Conv2d.check("conv2d transpose backward weight", n, outH, outW, cout, cin, g, dy, "dy", dW, x, "x");
        if (!accumulate) {
            Arrays.fill(dW, 0f);
        }
        Conv2d.forEachTap(n, outH, outW, cout, cin, g, (yi, wi, xi) -> dW[wi] += dy[yi] * x[xi]);
    }

    private static void checkArrays(String op, float[] in, String inName, int n, int inH, int inW, int cin,
                                    float[] weights, int cout, ConvGeometry g, float[] out, String outName,
                                    int outH, int outW) {
        if (in != null && weights != null && out != null && in.length == KernelArgs.size(n, inH, inW, cin)
                && weights.length == KernelArgs.size(g.kernelH(), g.kernelW(), cout, cin)
                && out.length == KernelArgs.size(n, outH, outW, cout)) {
            // The messages below are built only when something is wrong: a string per call was most of a conv
            // autoencoder step's allocation.
            return;
        }
        KernelArgs.requireLength(op, inName, in, KernelArgs.size(n, inH, inW, cin),
                KernelArgs.nhwc(n, inH, inW, cin));
        KernelArgs.requireLength(op, "weights", weights, KernelArgs.size(g.kernelH(), g.kernelW(), cout, cin),
                "(kh=" + g.kernelH() + ", kw=" + g.kernelW() + ", cout=" + cout + ", cin=" + cin + ")");
        KernelArgs.requireLength(op, outName, out, KernelArgs.size(n, outH, outW, cout),
                KernelArgs.nhwc(n, outH, outW, cout));
    }

    private static void checkGeometry(int n, int inH, int inW, int cin, int cout, ConvGeometry g, int opH,
                                      int opW) {
        String op = "conv2d transpose";
        if (n < 1 || inH < 1 || inW < 1 || cin < 1 || cout < 1) {
            KernelArgs.requireDims(op, KernelArgs.nhwc(n, inH, inW, cin) + " with cout=" + cout, n, inH, inW, cin,
                    cout);
        }
        if (g == null) {
            throw new IllegalArgumentException(op + ": geometry is null");
        }
        if (opH < 0 || opW < 0 || opH >= g.strideH() || opW >= g.strideW()) {
            throw new IllegalArgumentException(op + ": output padding " + opH + "×" + opW
                    + " must be at least 0 and smaller than the stride " + g.strideH() + "×" + g.strideW());
        }
        int outH = outH(inH, g, opH);
        int outW = outW(inW, g, opW);
        if (outH < 1 || outW < 1) {
            throw new IllegalArgumentException(op + ": kernel " + KernelArgs.window(g) + " on a " + inH + "×" + inW
                    + " input with " + KernelArgs.padding(g) + " gives an output of " + outH + "×" + outW
                    + "; the padding removes more than the transposed convolution produces");
        }
    }
}
