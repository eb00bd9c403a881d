package studio.backprop.autograd.ops;

import studio.backprop.autograd.Op;
import studio.backprop.kernels.Softmax;
import studio.backprop.tensor.ShapeException;
import studio.backprop.tensor.Tensor;

/**
 * Softmax and log-softmax over the last axis.
 * softmax backward: dx = y ⊙ (dy − Σ dy⊙y); log-softmax backward: dx = dy − softmax(x)·Σ dy.
 */
public final class SoftmaxOps extends Op {

    private final boolean log;

    private SoftmaxOps(boolean log) {
        this.log = log;
    }

    public static SoftmaxOps softmax() {
        return new SoftmaxOps(false);
    }

    public static SoftmaxOps logSoftmax() {
        return new SoftmaxOps(true);
    }

    @Override
    public String name() {
        return log ? "logSoftmax" : "softmax";
    }

    @Override
    public String formula() {
        return log ? "y_j = z_j − log Σ_k e^(z_k)" : "y_j = e^(z_j) / Σ_k e^(z_k)";
    }

    @Override
    public int[] outputShape(Tensor... in) {
        if (in[0].rank() == 0) {
            throw new ShapeException(name() + ": needs at least one axis, got a scalar");
        }
        return in[0].shape();
    }

    @Override
    public void forward(Tensor[] in, Tensor out) {
        int cols = in[0].dim(-1);
        int rows = cols == 0 ? 0 : in[0].size() / cols;
        if (log) {
            Softmax.logForward(in[0].buffer(), rows, cols, out.buffer());
        } else {
            Softmax.forward(in[0].buffer(), rows, cols, out.buffer());
        }
    }

    @Override
    public void backward(Tensor[] in, Tensor out, Tensor gradOut, Tensor[] gradIn) {
        int cols = in[0].dim(-1);
        int rows = cols == 0 ? 0 : in[0].size() / cols;
        if (log) {
            Softmax.logBackward(out.buffer(), gradOut.buffer(), rows, cols, gradIn[0].buffer(), true);
        } else {
            Softmax.backward(out.buffer(), gradOut.buffer(), rows, cols, gradIn[0].buffer(), true);
        }
    }
}
