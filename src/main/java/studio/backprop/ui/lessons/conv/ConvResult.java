package studio.backprop.ui.lessons.conv;

import java.util.List;
import studio.backprop.kernels.ConvGeometry;

/**
 * What the explorer computed for one example: the output (from the engine's ops), the geometry actually used,
 * the output-size formula with the numbers, a note when the stride does not fit, and per output element the input
 * taps that made it.
 *
 * @param settings  the example
 * @param output    the output, {@code output[i][j]}
 * @param geometry  the window geometry (padding resolved from valid/same/explicit)
 * @param sizeLines one line per axis: the formula, the numbers, the result
 * @param fitNote   the rows and columns a stride leaves out, in words; empty when it fits
 * @param terms     for each output element (row-major), the taps that made it
 */
public record ConvResult(ConvSettings settings, float[][] output, ConvGeometry geometry, List<String> sizeLines,
                         String fitNote, List<List<Term>> terms) {

    /**
     * One tap of a window: the input position (in image coordinates; outside the image for padding), the value
     * read there (0 for padding), and the kernel weight it is multiplied by (NaN for pooling and upsampling).
     */
    public record Term(int row, int col, float value, float weight, boolean padding) {
    }

    public int outH() {
        return output.length;
    }

    public int outW() {
        return output[0].length;
    }

    /** The taps of output element (i, j). */
    public List<Term> termsAt(int i, int j) {
        return terms.get(i * outW() + j);
    }

    /** The arithmetic of output element (i, j), written out with its numbers. */
    public String arithmetic(int i, int j) {
        return Arithmetic.of(this, i, j);
    }
}
