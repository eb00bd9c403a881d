package studio.backprop.nn.layers;

import java.util.ArrayList;
import java.util.List;
import studio.backprop.kernels.ConvGeometry;
import studio.backprop.nn.LayerShapeException;

/** The two things that can go wrong with a sliding window, said the same way by every windowed layer. */
final class WindowChecks {

    private WindowChecks() {
    }

    /** Output (height, width), or an error saying the window does not fit and what to do. */
    static int[] output(Layer layer, String what, int[] in, ConvGeometry g) {
        int oh = g.outH(in[0]);
        int ow = g.outW(in[1]);
        if (oh < 1 || ow < 1) {
            int padH = g.padTop() + g.padBottom();
            throw new LayerShapeException(layer.name(), layer.type() + " '" + layer.name() + "': " + what + " "
                    + g.kernelH() + "×" + g.kernelW()
                    + (g.dilationH() > 1 ? " with dilation " + g.dilationH() : "")
                    + " does not fit a " + in[0] + "×" + in[1] + " input"
                    + (padH > 0 ? " padded by " + padH + " rows" : "")
                    + "; use padding or a smaller " + what);
        }
        return new int[] {oh, ow};
    }

    /** "does not fit the stride" warnings naming the rows and columns the window never visits. */
    static List<String> strideWarnings(Layer layer, String what, int[] in, ConvGeometry g) {
        List<String> warnings = new ArrayList<>();
        int rows = g.droppedRows(in[0]);
        int cols = g.droppedCols(in[1]);
        if (rows > 0 || cols > 0) {
            warnings.add(layer.type() + " '" + layer.name() + "': " + what + " " + g.kernelH() + "×" + g.kernelW()
                    + " with stride " + g.strideH() + " does not fit the " + in[0] + "×" + in[1]
                    + " input: the last " + plural(rows, "row") + " and " + plural(cols, "column")
                    + " are never visited");
        }
        return warnings;
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
