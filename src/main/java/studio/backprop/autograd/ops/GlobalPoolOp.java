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
        int[] x = in[0].shape();
        if (max) {
            if (argmax == null || argmax.length != out.size()) {
                argmax = new int[out.size()];
            }
            GlobalPool.maxForward(in[0].buffer(), x[0], x[1], x[2], x[3], out.buffer(), argmax);
        } else {
            GlobalPool.avgForward(in[0].buffer(), x[0], x[1], x[2], x[3], out.buffer());
        }
    }

    @Override
    public void backward(Tensor[] in, Tensor out, Tensor gradOut, Tensor[] gradIn) {
        int[] x = in[0].shape();
        if (max) {
            GlobalPool.maxBackward(gradOut.buffer(), argmax, x[0], x[1], x[2], x[3], gradIn[0].buffer(), true);
        } else {
            GlobalPool.avgBackward(gradOut.buffer(), x[0], x[1], x[2], x[3], gradIn[0].buffer(), true);
        }
    }
}
