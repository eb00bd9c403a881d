package studio.backprop.autograd.ops;

import studio.backprop.autograd.Op;
import studio.backprop.kernels.Upsample;
import studio.backprop.tensor.ShapeException;
import studio.backprop.tensor.Tensor;

/**
 * Nearest-neighbour upsampling (N, H, W, C) → (N, H·fh, W·fw, C): every pixel repeated over an fh×fw block;
 * backward sums ∂L/∂y over each block.
 */
public final class UpsampleOp extends Op {

    private final int factorH;
    private final int factorW;

    public UpsampleOp(int factorH, int factorW) {
        if (factorH < 1 || factorW < 1) {
            throw new ShapeException("upsample: factors must be at least 1, got " + factorH + "×" + factorW);
        }
        this.factorH = factorH;
        this.factorW = factorW;
    }

    @Override
    public String name() {
        return "upsample";
    }

    @Override
    public int[] outputShape(Tensor... in) {
        int[] x = ImageShapes.nhwc(name(), in[0]);
        return new int[] {x[0], x[1] * factorH, x[2] * factorW, x[3]};
    }

    @Override
    public void forward(Tensor[] in, Tensor out) {
        Tensor input = in[0];
        Upsample.nearestForward(in[0].buffer(), input.dim(0), input.dim(1), input.dim(2), input.dim(3), factorH, factorW, out.buffer());
    }

    @Override
    public void backward(Tensor[] in, Tensor out, Tensor gradOut, Tensor[] gradIn) {
        Tensor input = in[0];
        Upsample.nearestBackward(gradOut.buffer(), input.dim(0), input.dim(1), input.dim(2), input.dim(3), factorH, factorW, gradIn[0].buffer(),
                true);
    }
}
