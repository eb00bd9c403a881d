package studio.backprop.autograd.ops;

import studio.backprop.autograd.Op;
import studio.backprop.tensor.ShapeException;
import studio.backprop.tensor.Shapes;
import studio.backprop.tensor.Tensor;

/**
 * Embedding lookup: y[…, :] = table[ids[…], :] for a table (V, D) and whole-number ids of any shape S; y has
 * shape S + (D). Backward scatters: ∂L/∂table[ids[p]] += ∂L/∂y[p] for every position p (a token seen twice
 * collects both). The ids are indices, not quantities: they get no gradient.
 */
public final class Gather extends Op {

    @Override
    public String name() {
        return "gather";
    }

    @Override
    public String formula() {
        return "y[p] = table[id(p)]";
    }

    @Override
    public int[] outputShape(Tensor... in) {
        int[] table = in[0].shape();
        if (table.length != 2) {
            throw new ShapeException("gather: the table must be a matrix (vocabulary × dimensions), got "
                    + Shapes.str(table));
        }
        int[] ids = in[1].shape();
        int[] out = new int[ids.length + 1];
        System.arraycopy(ids, 0, out, 0, ids.length);
        out[ids.length] = table[1];
        return out;
    }

    @Override
    public void forward(Tensor[] in, Tensor out) {
        int vocabulary = in[0].dim(0);
        int width = in[0].dim(1);
        float[] ids = in[1].buffer();
        float[] table = in[0].buffer();
        float[] y = out.buffer();
        for (int p = 0; p < ids.length; p++) {
            int id = index(ids, p, vocabulary);
            System.arraycopy(table, id * width, y, p * width, width);
        }
    }

    @Override
    public void backward(Tensor[] in, Tensor out, Tensor gradOut, Tensor[] gradIn) {
        if (gradIn[0] == null) {
            return;
        }
        int vocabulary = in[0].dim(0);
        int width = in[0].dim(1);
        float[] ids = in[1].buffer();
        float[] g = gradOut.buffer();
        float[] dTable = gradIn[0].buffer();
        for (int p = 0; p < ids.length; p++) {
            int row = index(ids, p, vocabulary) * width;
            for (int j = 0; j < width; j++) {
                dTable[row + j] += g[p * width + j];
            }
        }
    }

    /** The id at position p, rounded to the nearest whole number, with a message when it is not a row. */
    static int index(float[] ids, int p, int vocabulary) {
        float v = ids[p];
        int id = Math.round(v);
        if (!(Math.abs(v - id) < 0.25f) || id < 0 || id >= vocabulary) {
            throw new IllegalArgumentException("gather: token id " + v + " at position " + (p + 1)
                    + " is not a whole number from 0 to " + (vocabulary - 1) + "; the vocabulary has " + vocabulary
                    + " tokens (raise the embedding's vocabulary or fix the data)");
        }
        return id;
    }
}
