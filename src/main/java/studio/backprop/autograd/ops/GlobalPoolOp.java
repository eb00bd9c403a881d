package studio.backprop.autograd.ops;

import studio.backprop.autograd.Op;
import studio.backprop.kernels.GlobalPool;
import studio.backprop.tensor.Tensor;

/**
 * Global pooling (N, H, W, C) → (N, C): the average (backward spreads ∂L/∂y / (H·W)) or the maximum (backward
 * routes ∂L/∂y to the remembered argmax) of each channel over the whole image.
 */
public final class GlobalPoolOp extends Op {

    private final boolean max;
    private int[] argmax;

    public GlobalPoolOp(boolean max) {
        this.max = max;
    }

    @Override
    public String name() {
        return max ? "globalMaxPool" : "globalAvgPool";
    }

    @Override
    public int[] outputShape(Tensor... in) {
        int[] x = ImageShapes.nhwc(name(), in[0]);
        return new int[] {x[0], x[3]};
    }

    @Override
    public void forward(Tensor[] in, Tensor out) {
        Tensor input = in[0];
        if (max) {
            if (argmax == null || argmax.length != out.size()) {
                argmax = new int[out.size()];
            }
            GlobalPool.maxForward(in[0].buffer(), input.dim(0), input.dim(1), input.dim(2), input.dim(3), out.buffer(), argmax);
        } else {
            GlobalPool.avgForward(in[0].buffer(), input.dim(0), input.dim(1), input.dim(2), input.dim(3), out.buffer());
        }
    }

    @Override
    public void backward(Tensor[] in, Tensor out, Tensor gradOut, Tensor[] gradIn) {
        Tensor input = in[0];
        if (max) {
            GlobalPool.maxBackward(gradOut.buffer(), argmax, input.dim(0), input.dim(1), input.dim(2), input.dim(3), gradIn[0].buffer(), true);
        } else {
            GlobalPool.avgBackward(gradOut.buffer(), input.dim(0), input.dim(1), input.dim(2), input.dim(3), gradIn[0].buffer(), true);
        }
    }
}
