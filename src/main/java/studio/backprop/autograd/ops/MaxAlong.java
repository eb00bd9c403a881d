package studio.backprop.autograd.ops;

import studio.backprop.autograd.Op;
import studio.backprop.kernels.Reduce;
import studio.backprop.tensor.Tensor;

/** y = max along one axis; backward routes ∂L/∂y to the first element that reached the maximum. */
public final class MaxAlong extends Op {

    private final int axis;
    private final AxisSplit.Memo splits;
    private final boolean keepDims;
    private int[] argMax;

    public MaxAlong(int axis, boolean keepDims) {
        this.axis = axis;
        this.splits = new AxisSplit.Memo("max", axis);
        this.keepDims = keepDims;
    }

    @Override
    public String name() {
        return "max";
    }

    @Override
    public int[] outputShape(Tensor... in) {
        AxisSplit s = AxisSplit.of("max", in[0].shape(), axis);
        if (s.len() == 0) {
            throw new studio.backprop.tensor.ShapeException("max: axis " + s.axis() + " is empty");
        }
        return AxisSplit.reduced(in[0].shape(), s.axis(), keepDims);
    }

    @Override
    public void forward(Tensor[] in, Tensor out) {
        AxisSplit s = splits.of(in[0]);
        if (argMax == null || argMax.length != out.size()) {
            argMax = new int[out.size()];
        }
        Reduce.max(in[0].buffer(), s.outer(), s.len(), s.inner(), out.buffer(), argMax);
    }

    @Override
    public void backward(Tensor[] in, Tensor out, Tensor gradOut, Tensor[] gradIn) {
        AxisSplit s = splits.of(in[0]);
        float[] g = gradOut.buffer();
        float[] dx = gradIn[0].buffer();
        for (int k = 0; k < g.length; k++) {
            int o = k / s.inner();
            int i = k - o * s.inner();
            dx[(o * s.len() + argMax[k]) * s.inner() + i] += g[k];
        }
    }
}
