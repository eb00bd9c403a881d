package studio.backprop.nn.layers;

import studio.backprop.kernels.ConvGeometry;
import studio.backprop.nn.LayerShapeException;

/**
 * How a convolution or pooling window treats the border: "valid" (no padding), "same" (enough zeros that the
 * output is ⌈n/s⌉, split evenly with the extra row/column at the bottom/right; at stride 1 the size is kept), or
 * explicit rows and columns on each side.
 */
public record Padding(Mode mode, int top, int bottom, int left, int right) {

    /** The three kinds of padding. */
    public enum Mode { VALID, SAME, EXPLICIT }

    public static final Padding VALID = new Padding(Mode.VALID, 0, 0, 0, 0);
    public static final Padding SAME = new Padding(Mode.SAME, 0, 0, 0, 0);

    public Padding {
        if (top < 0 || bottom < 0 || left < 0 || right < 0) {
            throw new IllegalArgumentException("padding cannot be negative: " + top + ", " + bottom + ", " + left
                    + ", " + right);
        }
    }

    /** p zero rows and columns on every side. */
    public static Padding of(int p) {
        return new Padding(Mode.EXPLICIT, p, p, p, p);
    }

    /**
     * The window geometry over an inH×inW input.
     *
     * @throws LayerShapeException if a size or stride is below 1
     */
    public ConvGeometry geometry(String layer, int inH, int inW, int kh, int kw, int sh, int sw, int dh, int dw) {
        if (kh < 1 || kw < 1 || sh < 1 || sw < 1 || dh < 1 || dw < 1) {
            throw new LayerShapeException(layer, "'" + layer + "': kernel, stride and dilation must be at least 1, got "
                    + "kernel " + kh + "×" + kw + ", stride " + sh + "×" + sw + ", dilation " + dh + "×" + dw);
        }
        return switch (mode) {
            case VALID -> new ConvGeometry(kh, kw, sh, sw, 0, 0, 0, 0, dh, dw);
            case EXPLICIT -> new ConvGeometry(kh, kw, sh, sw, top, bottom, left, right, dh, dw);
            case SAME -> {
                int th = sameTotal(inH, kh, sh, dh);
                int tw = sameTotal(inW, kw, sw, dw);
                yield new ConvGeometry(kh, kw, sh, sw, th / 2, th - th / 2, tw / 2, tw - tw / 2, dh, dw);
            }
        };
    }

    private static int sameTotal(int n, int k, int s, int d) {
        int out = (n + s - 1) / s;
        return Math.max((out - 1) * s + d * (k - 1) + 1 - n, 0);
    }

    /** File and UI text: "valid", "same", or "explicit 1,1,2,2". */
    public String describe() {
        return switch (mode) {
            case VALID -> "valid";
            case SAME -> "same";
            case EXPLICIT -> top == bottom && top == left && top == right ? String.valueOf(top)
                    : top + "," + bottom + "," + left + "," + right;
        };
    }
}
