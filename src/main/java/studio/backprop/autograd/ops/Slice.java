package studio.backprop.autograd.ops;

import studio.backprop.autograd.Op;
import studio.backprop.tensor.Tensor;

/** y = x[…, start:end, …] along one axis; backward adds ∂L/∂y into that window of ∂L/∂x. */
public final class Slice extends Op {

    private final int axis;
    private final AxisSplit.Memo splits;
    private final int start;
    private final int end;

    public Slice(int axis, int start, int end) {
        this.axis = axis;
        this.splits = new AxisSplit.Memo("slice", axis);
        this.start = start;
        this.end = end;
    }

    @Override
    public String name() {
        return "slice";
    }

    @Override
    public int[] outputShape(Tensor... in) {
        return in[0].slice(axis, start, end).shape();
    }

    @Override
    public void forward(Tensor[] in, Tensor out) {
        AxisSplit s = splits.of(in[0]);
        int width = end - start;
        float[] src = in[0].buffer();
        float[] dst = out.buffer();
        for (int o = 0; o < s.outer(); o++) {
            System.arraycopy(src, (o * s.len() + start) * s.inner(), dst, o * width * s.inner(), width * s.inner());
        }
    }

    @Override
    public void backward(Tensor[] in, Tensor out, Tensor gradOut, Tensor[] gradIn) {
        AxisSplit s = splits.of(in[0]);
        int width = end - start;
        float[] g = gradOut.buffer();
        float[] dx = gradIn[0].buffer();
        for (int o = 0; o < s.outer(); o++) {
            for (int r = 0; r < width; r++) {
                int src = (o * width + r) * s.inner();
                int dst = (o * s.len() + start + r) * s.inner();
                for (int i = 0; i < s.inner(); i++) {
                    dx[dst + i] += g[src + i];
                }
            }
        }
    }
}
