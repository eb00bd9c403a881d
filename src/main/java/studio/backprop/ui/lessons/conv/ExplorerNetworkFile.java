package studio.backprop.ui.lessons.conv;

import studio.backprop.kernels.ConvGeometry;

/**
 * Writes an explorer example as a network file the command line can {@code trace}: the input as one
 * {@code [data inline]} row, the operation as one layer with the kernel given in {@code [weights]}, a Flatten, and
 * the explorer's output as the target, so the traced loss is 0 when the file computes what the explorer showed.
 */
public final class ExplorerNetworkFile {

    private ExplorerNetworkFile() {
    }

    /**
     * @throws IllegalArgumentException in words when the example cannot be a layer of a network file (median
     *                                  pooling, unpooling, different strides or pool sides, a non-square
     *                                  transposed kernel)
     */
    public static String write(ConvResult r) {
        ConvSettings s = r.settings();
        ConvGeometry g = r.geometry();
        StringBuilder b = new StringBuilder("backprop-studio network 1\n");
        b.append("# Saved from the convolution explorer. Run: trace FILE (the loss is 0: the target is the output)\n");
        b.append("name = Convolution explorer: ").append(s.operation().label().toLowerCase(java.util.Locale.ROOT))
                .append('\n');
        b.append("input = ").append(s.input().length).append('x').append(s.input()[0].length).append("x1\n\n");
        b.append("[layer op]\n").append(layer(s, g, r)).append('\n');
        b.append("[layer map]\ntype = Flatten\n\n");
        if (s.operation().usesKernel()) {
            float[][] k = s.operation() == ConvOperation.CONVOLUTION ? ConvComputation.flip(s.kernel()) : s.kernel();
            if (s.operation() == ConvOperation.CONVOLUTION) {
                b.append("# True convolution is a Conv2D (a cross-correlation) with the kernel rotated by 180°.\n");
            }
            b.append("[weights op]\nkernel = ").append(nested(k)).append("\n\n");
        }
        b.append("[loss mse]\nhalf = true\nreduction = sum\n\n[optimizer sgd]\nlearning_rate = 0.01\n\n");
        b.append("[training]\nbatch_size = full\norder = listed\nsteps = 1\n\n");
        b.append("[data inline]\nrows =\n    ").append(row(s.input())).append(" -> ").append(row(r.output()))
                .append('\n');
        return b.toString();
    }

    private static String layer(ConvSettings s, ConvGeometry g, ConvResult r) {
        if (s.strideH() != s.strideW() && s.operation() != ConvOperation.UPSAMPLE) {
            throw new IllegalArgumentException("A network file has one stride for both directions; this example "
                    + "strides " + s.strideH() + " down and " + s.strideW() + " across. Make them equal to save it.");
        }
        String pads = "padding = " + g.padTop() + "," + g.padBottom() + "," + g.padLeft() + "," + g.padRight() + "\n";
        return switch (s.operation()) {
            case CORRELATION, CONVOLUTION -> "type = Conv2D\nfilters = 1\nkernel = " + g.kernelH() + "x" + g.kernelW()
                    + "\nstride = " + s.strideH() + "\n" + pads + "dilation = " + s.dilation()
                    + "\nuse_bias = false\nactivation = linear\n";
            case MAX_POOL, AVERAGE_POOL, L2_POOL -> pool(s, pads);
            case TRANSPOSED -> transposed(s, g, r, pads);
            case UPSAMPLE -> "type = UpSampling2D\nfactor = " + s.factor() + "\n";
            case MEDIAN_POOL, MAX_UNPOOL -> throw new IllegalArgumentException(s.operation().label()
                    + " is not a layer a network file can hold (only the explorer shows it); choose max, average or "
                    + "L2 pooling to save a file.");
        };
    }

    private static String pool(ConvSettings s, String pads) {
        if (s.poolH() != s.poolW()) {
            throw new IllegalArgumentException("A network file's pooling window is square; this one is " + s.poolH()
                    + "×" + s.poolW() + ". Make its sides equal to save it.");
        }
        String type = switch (s.operation()) {
            case MAX_POOL -> "MaxPool2D";
            case AVERAGE_POOL -> "AvgPool2D";
            default -> "L2Pool2D";
        };
        return "type = " + type + "\npool = " + s.poolH() + "\nstride = " + s.strideH() + "\n" + pads;
    }

    private static String transposed(ConvSettings s, ConvGeometry g, ConvResult r, String pads) {
        if (g.kernelH() != g.kernelW() || s.dilation() != 1) {
            throw new IllegalArgumentException("A network file's transposed convolution has a square kernel and no "
                    + "dilation; this one is " + g.kernelH() + "×" + g.kernelW() + " with dilation " + s.dilation()
                    + ".");
        }
        int extra = ConvComputation.transposedOutputPadding(s, g)[0];
        return "type = Conv2DTranspose\nfilters = 1\nkernel = " + g.kernelH() + "\nstride = " + s.strideH() + "\n"
                + pads + "output_padding = " + extra + "\nuse_bias = false\nactivation = linear\n";
    }

    /** A Conv2D kernel [row][column][input channel][filter] with one channel and one filter. */
    private static String nested(float[][] k) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < k.length; i++) {
            b.append(i == 0 ? "[" : ", [");
            for (int j = 0; j < k[i].length; j++) {
                b.append(j == 0 ? "" : ", ").append("[[").append(MatrixText.number(k[i][j])).append("]]");
            }
            b.append(']');
        }
        return b.append(']').toString();
    }

    private static String row(float[][] m) {
        StringBuilder b = new StringBuilder();
        for (float[] r : m) {
            for (float v : r) {
                b.append(b.length() == 0 ? "" : ", ").append(v == Math.rint(v) && Math.abs(v) < 1e7
                        ? String.valueOf((long) v) : Float.toString(v));
            }
        }
        return b.toString();
    }
}
