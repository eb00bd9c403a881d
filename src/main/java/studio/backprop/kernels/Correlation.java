package studio.backprop.kernels;

/**
 * Single-channel cross-correlation and true convolution in double precision, for the teaching explorer where
 * students check exercise numbers by hand. Small and direct on purpose.
 *
 * <p>2-D correlation: {@code out[i][j] = Σ_{u,v} in[i·s − pad + u·d][j·s − pad + v·d] · k[u][v]}, taps outside
 * the input reading 0; output size ⌊(n + 2p − d(k − 1) − 1)/s⌋ + 1 per axis. True convolution is the same with
 * the kernel rotated by 180° ({@code k[kh−1−u][kw−1−v]}), as in signal processing. The 1-D forms are the same
 * along one axis. Nothing passed in is modified; results are new arrays.
 */
public final class Correlation {

    private Correlation() {
    }

    /** 2-D cross-correlation with symmetric zero padding and equal stride. */
    public static double[][] correlate2d(double[][] input, double[][] kernel, int padding, int stride) {
        return correlate2d(input, kernel, geometry(kernel, padding, stride));
    }

    /** 2-D true convolution (kernel flipped in both axes) with symmetric zero padding and equal stride. */
    public static double[][] convolve2d(double[][] input, double[][] kernel, int padding, int stride) {
        return correlate2d(input, flip(kernel), geometry(kernel, padding, stride));
    }

    /** 2-D cross-correlation with any geometry (asymmetric padding, dilation); the window must match the kernel. */
    public static double[][] correlate2d(double[][] input, double[][] kernel, ConvGeometry g) {
        int h = rows("correlate2d", "input", input);
        int w = input[0].length;
        int kh = rows("correlate2d", "kernel", kernel);
        int kw = kernel[0].length;
        if (g == null || g.kernelH() != kh || g.kernelW() != kw) {
            throw new IllegalArgumentException("correlate2d: geometry " + g + " does not match the " + kh + "×" + kw
                    + " kernel");
        }
        KernelArgs.requireFits("correlate2d", g, h, w);
        double[][] out = new double[g.outH(h)][g.outW(w)];
        for (int i = 0; i < out.length; i++) {
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = window(input, kernel, g, i, j);
            }
        }
        return out;
    }

    /** 1-D cross-correlation: out[i] = Σ_u x[i·s − pad + u] · k[u]. */
    public static double[] correlate1d(double[] input, double[] kernel, int padding, int stride) {
        copy("correlate1d", "input", input);
        copy("correlate1d", "kernel", kernel);
        if (padding < 0 || stride < 1) {
            throw new IllegalArgumentException("correlate1d: padding must be at least 0 and stride at least 1, got "
                    + "padding " + padding + ", stride " + stride);
        }
        int out1 = ConvGeometry.outSize(input.length, kernel.length, stride, 2 * padding, 1);
        if (out1 < 1) {
            throw new IllegalArgumentException("correlate1d: kernel of length " + kernel.length
                    + " does not fit an input of length " + input.length + " (padding " + padding
                    + "); output would be " + out1);
        }
        double[][] out = correlate2d(new double[][] {copy("correlate1d", "input", input)},
                new double[][] {copy("correlate1d", "kernel", kernel)},
                new ConvGeometry(1, kernel.length, 1, stride, 0, 0, padding, padding, 1, 1));
        return out[0];
    }

    /** 1-D true convolution: the kernel reversed, then correlated. */
    public static double[] convolve1d(double[] input, double[] kernel, int padding, int stride) {
        double[] reversed = copy("convolve1d", "kernel", kernel);
        for (int i = 0, j = reversed.length - 1; i < j; i++, j--) {
            double t = reversed[i];
            reversed[i] = reversed[j];
            reversed[j] = t;
        }
        return correlate1d(input, reversed, padding, stride);
    }

    /** The kernel rotated by 180°: flipped up-down and left-right. Returns a new array. */
    public static double[][] flip(double[][] kernel) {
        int kh = rows("flip", "kernel", kernel);
        int kw = kernel[0].length;
        double[][] out = new double[kh][kw];
        for (int u = 0; u < kh; u++) {
            for (int v = 0; v < kw; v++) {
                out[u][v] = kernel[kh - 1 - u][kw - 1 - v];
            }
        }
        return out;
    }

    private static double window(double[][] input, double[][] kernel, ConvGeometry g, int i, int j) {
        double sum = 0;
        for (int u = 0; u < g.kernelH(); u++) {
            int r = i * g.strideH() - g.padTop() + u * g.dilationH();
            for (int v = 0; v < g.kernelW(); v++) {
                int c = j * g.strideW() - g.padLeft() + v * g.dilationW();
                if (r >= 0 && r < input.length && c >= 0 && c < input[0].length) {
                    sum += input[r][c] * kernel[u][v];
                }
            }
        }
        return sum;
    }

    private static ConvGeometry geometry(double[][] kernel, int padding, int stride) {
        int kh = rows("correlate2d", "kernel", kernel);
        if (padding < 0 || stride < 1) {
            throw new IllegalArgumentException("correlate2d: padding must be at least 0 and stride at least 1, got "
                    + "padding " + padding + ", stride " + stride);
        }
        return new ConvGeometry(kh, kernel[0].length, stride, stride, padding, padding, padding, padding, 1, 1);
    }

    /** Requires a non-empty rectangular matrix and returns its row count. */
    private static int rows(String op, String name, double[][] m) {
        if (m == null || m.length == 0 || m[0] == null || m[0].length == 0) {
            throw new IllegalArgumentException(op + ": " + name + " must be a non-empty matrix");
        }
        for (int r = 1; r < m.length; r++) {
            if (m[r] == null || m[r].length != m[0].length) {
                throw new IllegalArgumentException(op + ": " + name + " row " + r + " has "
                        + (m[r] == null ? "no" : m[r].length) + " entries but row 0 has " + m[0].length);
            }
        }
        return m.length;
    }

    private static double[] copy(String op, String name, double[] v) {
        if (v == null || v.length == 0) {
            throw new IllegalArgumentException(op + ": " + name + " must be a non-empty vector");
        }
        return v.clone();
    }
}
