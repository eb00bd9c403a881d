package studio.backprop.autograd.ops;

import studio.backprop.autograd.Op;
import studio.backprop.tensor.ShapeException;
import studio.backprop.tensor.Shapes;
import studio.backprop.tensor.Tensor;

/** y = the inputs joined along one axis; backward hands each input its own window of ∂L/∂y. */
public final class Concat extends Op {

    private final int axis;
    private final AxisSplit.Memo splits;

    public Concat(int axis) {
        this.axis = axis;
        this.splits = new AxisSplit.Memo("concat", axis);
    }

    @Override
    public String name() {
        return "concat";
    }

    @Override
    public int[] outputShape(Tensor... in) {
        if (in.length == 0) {
            throw new ShapeException("concat: needs at least one tensor");
        }
        int[] first = in[0].shape();
        int a = Shapes.axis("concat", axis, first.length);
        int[] out = first.clone();
        out[a] = 0;
        for (Tensor t : in) {
            int[] s = t.shape();
            boolean ok = s.length == first.length;
            for (int i = 0; ok && i < s.length; i++) {
                ok = i == a || s[i] == first[i];
            }
            if (!ok) {
                throw new ShapeException("concat: shape " + Shapes.str(s) + " does not match " + Shapes.str(first)
                        + " outside axis " + a);
            }
            out[a] += s[a];
        }
        return out;
    }

    @Override
    public void forward(Tensor[] in, Tensor out) {
        AxisSplit o = splits.of(out);
        float[] dst = out.buffer();
        int offset = 0;
        for (Tensor t : in) {
            int width = t.dim(o.axis());
            float[] src = t.buffer();
            for (int r = 0; r < o.outer(); r++) {
                System.arraycopy(src, r * width * o.inner(), dst, (r * o.len() + offset) * o.inner(),
                        width * o.inner());
            }
            offset += width;
        }
    }

    @Override
    public void backward(Tensor[] in, Tensor out, Tensor gradOut, Tensor[] gradIn) {
        AxisSplit o = splits.of(out);
        float[] g = gradOut.buffer();
        int offset = 0;
        for (int k = 0; k < in.length; k++) {
            int width = in[k].dim(o.axis());
            if (gradIn[k] != null) {
                float[] dx = gradIn[k].buffer();
                int block = width * o.inner();
                for (int r = 0; r < o.outer(); r++) {
                    int src = (r * o.len() + offset) * o.inner();
                    for (int i = 0; i < block; i++) {
                        dx[r * block + i] += g[src + i];
                    }
                }
            }
            offset += width;
        }
    }
}
