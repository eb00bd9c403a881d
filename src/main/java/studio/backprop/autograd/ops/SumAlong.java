package studio.backprop.autograd.ops;

import studio.backprop.autograd.Op;
import studio.backprop.kernels.Reduce;
import studio.backprop.tensor.Tensor;

/** y = Σ along one axis; backward copies ∂L/∂y to every element that was summed. */
public final class SumAlong extends Op {

    private final int axis;
    private final AxisSplit.Memo splits;
    private final boolean keepDims;

    public SumAlong(int axis, boolean keepDims) {
        this.axis = axis;
        this.splits = new AxisSplit.Memo("sum", axis);
        this.keepDims = keepDims;
    }

    @Override
    public String name() {
        return "sum";
    }

    @Override
    public String formula() {
        return "y = Σ_axis" + axis + " x";
    }

    @Override
    public int[] outputShape(Tensor... in) {
        AxisSplit s = AxisSplit.of("sum", in[0].shape(), axis);
        return AxisSplit.reduced(in[0].shape(), s.axis(), keepDims);
    }

    @Override
    public void forward(Tensor[] in, Tensor out) {
        AxisSplit s = splits.of(in[0]);
        Reduce.sum(in[0].buffer(), s.outer(), s.len(), s.inner(), out.buffer(), false);
    }

    @Override
    public void backward(Tensor[] in, Tensor out, Tensor gradOut, Tensor[] gradIn) {
        AxisSplit s = splits.of(in[0]);
        Reduce.broadcastAlong(gradOut.buffer(), s.outer(), s.len(), s.inner(), gradIn[0].buffer(), true);
    }
}
