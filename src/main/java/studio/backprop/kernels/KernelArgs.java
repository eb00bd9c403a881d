package studio.backprop.kernels;

/**
 * Argument checks shared by the convolution and pooling kernels. Every failure is an
 * {@link IllegalArgumentException} whose message names the op, the shapes involved and what was expected, so a
 * student who wires a layer wrongly reads what to fix instead of an index out of bounds deep in a loop.
 */
final class KernelArgs {

    private KernelArgs() {
    }

    /** Requires every dimension to be at least 1. */
    static void requireDims(String op, String shape, int... dims) {
        for (int d : dims) {
            if (d < 1) {
                throw new IllegalArgumentException(op + ": every dimension must be at least 1, got " + shape);
            }
        }
    }

    /** Requires {@code array} to exist and hold exactly {@code expected} elements. */
    static void requireLength(String op, String name, float[] array, long expected, String shape) {
        requireLength(op, name, array == null ? -1 : array.length, expected, shape);
    }

    /** Requires {@code array} to exist and hold exactly {@code expected} elements. */
    static void requireLength(String op, String name, int[] array, long expected, String shape) {
        requireLength(op, name, array == null ? -1 : array.length, expected, shape);
    }

    private static void requireLength(String op, String name, int actual, long expected, String shape) {
        if (expected > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(op + ": " + name + " of shape " + shape + " needs " + expected
                    + " elements, more than a Java array can hold");
        }
        if (actual < 0) {
            throw new IllegalArgumentException(op + ": " + name + " is null; expected " + expected
                    + " elements for shape " + shape);
        }
        if (actual != expected) {
            throw new IllegalArgumentException(op + ": " + name + " has length " + actual + " but shape " + shape
                    + " needs " + expected);
        }
    }

    /** Requires the window to fit at least once along each axis of an inH×inW input. */
    static void requireFits(String op, ConvGeometry g, int inH, int inW) {
        if (g == null) {
            throw new IllegalArgumentException(op + ": geometry is null");
        }
        int outH = g.outH(inH);
        int outW = g.outW(inW);
        if (outH < 1 || outW < 1) {
            throw new IllegalArgumentException(op + ": kernel " + window(g) + " does not fit a " + inH + "×" + inW
                    + " input (" + padding(g) + "); output would be " + outH + "×" + outW);
        }
    }

    /** The window as a student writes it: "3×3", with stride and dilation only when they are not 1. */
    static String window(ConvGeometry g) {
        String text = g.kernelH() + "×" + g.kernelW();
        boolean strided = g.strideH() != 1 || g.strideW() != 1;
        boolean dilated = g.dilationH() != 1 || g.dilationW() != 1;
        if (strided) {
            text += " stride " + g.strideH() + "×" + g.strideW();
        }
        if (dilated) {
            text += " dilation " + g.dilationH() + "×" + g.dilationW();
        }
        return text;
    }

    /** "padding 1" when all four sides agree, otherwise each side by name. */
    static String padding(ConvGeometry g) {
        int t = g.padTop();
        if (g.padBottom() == t && g.padLeft() == t && g.padRight() == t) {
            return "padding " + t;
        }
        return "padding top " + t + ", bottom " + g.padBottom() + ", left " + g.padLeft() + ", right "
                + g.padRight();
    }

    /** An NHWC shape as "(n=2, h=5, w=5, c=3)". */
    static String nhwc(int n, int h, int w, int c) {
        return "(n=" + n + ", h=" + h + ", w=" + w + ", c=" + c + ")";
    }

    /** Product of four dimensions as a long (no varargs array: checks run on every kernel call). */
    static long size(int a, int b, int c, int d) {
        return (long) a * b * c * d;
    }

    /** Product of five dimensions as a long. */
    static long size(int a, int b, int c, int d, int e) {
        return (long) a * b * c * d * e;
    }

    /** Product of dimensions as a long, so oversized shapes are reported instead of overflowing. */
    static long size(int... dims) {
        long s = 1;
        for (int d : dims) {
            s *= d;
        }
        return s;
    }

    /** The caller's scratch buffer when it is large enough, otherwise a fresh one. */
    static float[] workspace(String op, float[] given, long needed) {
        if (needed > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(op + ": workspace of " + needed + " floats is too large");
        }
        if (given == null) {
            return new float[(int) needed];
        }
        if (given.length < needed) {
            throw new IllegalArgumentException(op + ": workspace has length " + given.length + " but needs at least "
                    + needed + " (see workspaceSize)");
        }
        return given;
    }
}
