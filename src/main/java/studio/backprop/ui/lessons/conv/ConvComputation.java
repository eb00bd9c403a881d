package studio.backprop.ui.lessons.conv;

import java.util.ArrayList;
import java.util.List;
import studio.backprop.autograd.Variable;
import studio.backprop.autograd.ops.ConvTranspose2dOp;
import studio.backprop.autograd.ops.MaxUnpool2dOp;
import studio.backprop.autograd.ops.MedianPool2dOp;
import studio.backprop.autograd.ops.Pool2dOp;
import studio.backprop.kernels.ConvGeometry;
import studio.backprop.tensor.Tensor;
import studio.backprop.ui.lessons.conv.ConvResult.Term;
import studio.backprop.ui.lessons.conv.ConvSettings.PaddingMode;

/**
 * Runs one explorer example through the engine's autograd ops (Conv2dOp, Pool2dOp, MedianPool2dOp,
 * MaxUnpool2dOp, ConvTranspose2dOp, UpsampleOp) on a batch of one single-channel image, and works out, for the
 * display, which input taps made each output element. Every output number comes from the ops; the taps only
 * explain them.
 */
public final class ConvComputation {

    private ConvComputation() {
    }

    /**
     * @throws IllegalArgumentException in words when the window does not fit the (padded) input or a setting is
     *                                  out of range
     */
    public static ConvResult run(ConvSettings s) {
        checkRanges(s);
        ConvGeometry g = geometry(s);
        int h = s.input().length;
        int w = s.input()[0].length;
        ConvOperation op = s.operation();
        if (op != ConvOperation.TRANSPOSED && op != ConvOperation.UPSAMPLE && (g.outH(h) < 1 || g.outW(w) < 1)) {
            throw new IllegalArgumentException("The " + g.kernelH() + "×" + g.kernelW() + " window"
                    + (s.dilation() > 1 ? " (dilation " + s.dilation() + ", spanning " + span(g.kernelH(), g.dilationH())
                    + "×" + span(g.kernelW(), g.dilationW()) + ")" : "") + " does not fit the " + h + "×" + w
                    + " input padded to " + (h + g.padTop() + g.padBottom()) + "×" + (w + g.padLeft() + g.padRight())
                    + ": add padding, or choose a smaller window or dilation.");
        }
        Variable x = Variable.constant(Tensor.of(flat(s.input()), 1, h, w, 1));
        int[] outPad = transposedOutputPadding(s, g);
        Tensor y = switch (op) {
            case CORRELATION -> x.conv2d(kernel(s.kernel()), null, g).value();
            case CONVOLUTION -> x.conv2d(kernel(flip(s.kernel())), null, g).value();
            case MAX_POOL -> x.pool2d(Pool2dOp.Kind.MAX, g).value();
            case AVERAGE_POOL -> x.pool2d(Pool2dOp.Kind.AVG, g).value();
            case L2_POOL -> x.pool2d(Pool2dOp.Kind.L2, g).value();
            case MEDIAN_POOL -> Variable.apply(new MedianPool2dOp(g), x).value();
            case MAX_UNPOOL -> unpool(x, g, h, w);
            case TRANSPOSED -> Variable.apply(new ConvTranspose2dOp(g, outPad[0], outPad[1]), x, kernel(s.kernel()))
                    .value();
            case UPSAMPLE -> x.upsample(s.factor(), s.factor()).value();
        };
        int oh = y.dim(1);
        int ow = y.dim(2);
        float[][] out = new float[oh][ow];
        for (int i = 0; i < oh; i++) {
            System.arraycopy(y.buffer(), i * ow, out[i], 0, ow);
        }
        List<List<Term>> terms = Taps.of(s, g, oh, ow);
        return new ConvResult(s, out, g, SizeFormula.lines(s, g, outPad), SizeFormula.fitNote(s, g), terms);
    }

    /** Max pooling to remember the switches, then max unpooling with them: back to the input's size. */
    private static Tensor unpool(Variable x, ConvGeometry g, int h, int w) {
        Pool2dOp pool = new Pool2dOp(Pool2dOp.Kind.MAX, g);
        Variable pooled = Variable.apply(pool, x);
        return Variable.apply(new MaxUnpool2dOp(pool.argmax(), h, w, g), pooled).value();
    }

    /** The window geometry with valid, same or explicit padding resolved. */
    public static ConvGeometry geometry(ConvSettings s) {
        int kh = s.windowH();
        int kw = s.windowW();
        int d = s.operation().usesPoolWindow() ? 1 : s.dilation();
        if (s.operation() == ConvOperation.UPSAMPLE) {
            return new ConvGeometry(1, 1, s.factor(), s.factor(), 0, 0, 0, 0, 1, 1);
        }
        int[] p = switch (s.padding()) {
            case VALID -> new int[4];
            case EXPLICIT -> s.pads();
            case SAME -> s.operation() == ConvOperation.TRANSPOSED
                    ? transposedSame(kh, kw, s.strideH(), s.strideW(), d)
                    : same(s.input().length, s.input()[0].length, kh, kw, s.strideH(), s.strideW(), d);
        };
        return new ConvGeometry(kh, kw, s.strideH(), s.strideW(), p[0], p[1], p[2], p[3], d, d);
    }

    /** "same" as in Keras: output ⌈n/s⌉, total padding (⌈n/s⌉ − 1)·s + d(k − 1) + 1 − n, the odd one below/right. */
    static int[] same(int h, int w, int kh, int kw, int sh, int sw, int d) {
        int th = Math.max(0, ((h + sh - 1) / sh - 1) * sh + d * (kh - 1) + 1 - h);
        int tw = Math.max(0, ((w + sw - 1) / sw - 1) * sw + d * (kw - 1) + 1 - w);
        return new int[] {th / 2, th - th / 2, tw / 2, tw - tw / 2};
    }

    /** "same" for a transposed convolution (output n·s): crop d(k − 1) + 1 − s when that is positive. */
    private static int[] transposedSame(int kh, int kw, int sh, int sw, int d) {
        int th = Math.max(0, d * (kh - 1) + 1 - sh);
        int tw = Math.max(0, d * (kw - 1) + 1 - sw);
        return new int[] {th / 2, th - th / 2, tw / 2, tw - tw / 2};
    }

    /** Extra output rows/columns a "same" transposed convolution needs to reach n·s exactly. */
    static int[] transposedOutputPadding(ConvSettings s, ConvGeometry g) {
        if (s.operation() != ConvOperation.TRANSPOSED || s.padding() != PaddingMode.SAME) {
            return new int[2];
        }
        return new int[] {Math.max(0, s.strideH() - g.dilationH() * (g.kernelH() - 1) - 1),
                Math.max(0, s.strideW() - g.dilationW() * (g.kernelW() - 1) - 1)};
    }

    private static void checkRanges(ConvSettings s) {
        if (s.strideH() < 1 || s.strideW() < 1 || s.strideH() > 16 || s.strideW() > 16) {
            throw new IllegalArgumentException("The stride must be 1 to 16 in each direction; it is "
                    + s.strideH() + " down and " + s.strideW() + " across.");
        }
        if (s.dilation() < 1 || s.dilation() > 8) {
            throw new IllegalArgumentException("The dilation must be 1 to 8; it is " + s.dilation() + ".");
        }
        if (s.poolH() < 1 || s.poolW() < 1 || s.poolH() > 16 || s.poolW() > 16) {
            throw new IllegalArgumentException("The pool window must be 1 to 16 a side; it is " + s.poolH() + "×"
                    + s.poolW() + ".");
        }
        if (s.factor() < 1 || s.factor() > 8) {
            throw new IllegalArgumentException("The upsampling factor must be 1 to 8; it is " + s.factor() + ".");
        }
        for (int p : s.pads()) {
            if (p < 0 || p > 16) {
                throw new IllegalArgumentException("Each side's padding must be 0 to 16; one is " + p + ".");
            }
        }
    }

    static int span(int k, int d) {
        return d * (k - 1) + 1;
    }

    static float[] flat(float[][] m) {
        int w = m[0].length;
        float[] out = new float[m.length * w];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, out, i * w, w);
        }
        return out;
    }

    private static Variable kernel(float[][] k) {
        return Variable.constant(Tensor.of(flat(k), k.length, k[0].length, 1, 1));
    }

    /** The kernel rotated by 180°: k'[u][v] = k[kh−1−u][kw−1−v]. */
    public static float[][] flip(float[][] k) {
        float[][] out = new float[k.length][k[0].length];
        for (int u = 0; u < k.length; u++) {
            for (int v = 0; v < k[0].length; v++) {
                out[u][v] = k[k.length - 1 - u][k[0].length - 1 - v];
            }
        }
        return out;
    }
}
