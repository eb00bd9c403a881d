package studio.backprop.autograd.ops;

import studio.backprop.tensor.Shapes;
import studio.backprop.tensor.Tensor;

/** A shape seen as (outer, len, inner) around one axis, and the shape left after reducing that axis. */
record AxisSplit(int axis, int outer, int len, int inner) {

    static AxisSplit of(String op, int[] shape, int axis) {
        int a = Shapes.axis(op, axis, shape.length);
        int outer = 1;
        int inner = 1;
        for (int i = 0; i < a; i++) {
            outer *= shape[i];
        }
        for (int i = a + 1; i < shape.length; i++) {
            inner *= shape[i];
        }
        return new AxisSplit(a, outer, shape[a], inner);
    }

    /** The same split read from the tensor's dimensions, without copying its shape. */
    static AxisSplit of(String op, Tensor t, int axis) {
        int rank = t.rank();
        int a = Shapes.axis(op, axis, rank);
        int outer = 1;
        int inner = 1;
        for (int i = 0; i < a; i++) {
            outer *= t.dim(i);
        }
        for (int i = a + 1; i < rank; i++) {
            inner *= t.dim(i);
        }
        return new AxisSplit(a, outer, t.dim(a), inner);
    }

    static int[] reduced(int[] shape, int axis, boolean keepDims) {
        if (keepDims) {
            int[] r = shape.clone();
            r[axis] = 1;
            return r;
        }
        int[] r = new int[shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (i != axis) {
                r[j++] = shape[i];
            }
        }
        return r;
    }

    /**
     * The split of the last tensor asked about, kept by an op so that a replayed tape (which passes the same
     * tensors every step) computes it once and allocates nothing per step.
     */
    static final class Memo {

        private final String op;
        private final int axis;
        private Tensor seen;
        private AxisSplit split;

        Memo(String op, int axis) {
            this.op = op;
            this.axis = axis;
        }

        AxisSplit of(Tensor t) {
            if (t != seen) {
                split = AxisSplit.of(op, t, axis);
                seen = t;
            }
            return split;
        }
    }
}
