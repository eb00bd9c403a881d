package studio.backprop.ui.training;

import java.util.List;

/**
 * What the mirror network computed on a square grid over the data plane: for every column of the drawing and
 * every neuron, its value at each grid cell, and the output read as class probabilities.
 *
 * <p>Cells run row by row from the top-left corner (x1 = xMin, x2 = yMax) to the bottom-right one, each value
 * taken at the cell's centre.
 *
 * @param resolution    cells per side
 * @param columns       per column, per neuron, one value per cell, on the colour scale's [−1, 1] (inputs scaled
 *                      by the plane's reach, hidden units as they are, outputs as 2p − 1)
 * @param rawOutput     the output layer's values as computed, per unit, per cell
 * @param probabilities per class (one row for a single sigmoid-like output: p of the second class), per cell
 */
public record GridActivations(int resolution, Extent extent, List<float[][]> columns, float[][] rawOutput,
                              float[][] probabilities) {

    /** The cell centres as a batch (resolution², 2), in cell order. */
    public static float[] gridInputs(Extent e, int resolution) {
        float[] xy = new float[2 * resolution * resolution];
        for (int row = 0; row < resolution; row++) {
            double y = e.yMax() - (row + 0.5) * e.height() / resolution;
            for (int col = 0; col < resolution; col++) {
                int cell = row * resolution + col;
                xy[2 * cell] = (float) (e.xMin() + (col + 0.5) * e.width() / resolution);
                xy[2 * cell + 1] = (float) y;
            }
        }
        return xy;
    }

    /** True when the output is a single unit (two classes read from one probability). */
    public boolean binary() {
        return probabilities.length == 1;
    }
}
