package studio.backprop.autograd.ops;

import studio.backprop.autograd.Op;
import studio.backprop.kernels.ConvGeometry;
import studio.backprop.kernels.MedianPool;
import studio.backprop.tensor.Tensor;

/**
 * Median pooling over NHWC images, per channel: y = median of the window's in-image taps (the mean of the two
 * middle values for an even count). Backward sends ∂L/∂y to the tap(s) the median came from, half each for two.
 */
public final class MedianPool2dOp extends Op {

    private final ConvGeometry geometry;
    private int[] middle;

    public MedianPool2dOp(ConvGeometry geometry) {
        this.geometry = geometry;
    }

    /** Two flat input indices per output of the last forward pass (the middle taps), or null before one. */
    public int[] middle() {
        return middle;
    }

    @Override
    public String name() {
        return "medianPool2d";
    }

    @Override
    public String formula() {
        return "y = median of the window";
    }

    @Override
    public int[] outputShape(Tensor... in) {
        int[] x = ImageShapes.nhwc(name(), in[0]);
        int[] o = ImageShapes.windowOutput(name(), x[1], x[2], geometry);
        return new int[] {x[0], o[0], o[1], x[3]};
    }

    @Override
    public void forward(Tensor[] in, Tensor out) {
        Tensor input = in[0];
        if (middle == null || middle.length != 2 * out.size()) {
            middle = new int[2 * out.size()];
        }
        MedianPool.forward(in[0].buffer(), input.dim(0), input.dim(1), input.dim(2), input.dim(3), geometry, out.buffer(), middle);
    }

    @Override
    public void backward(Tensor[] in, Tensor out, Tensor gradOut, Tensor[] gradIn) {
        Tensor input = in[0];
        MedianPool.backward(gradOut.buffer(), middle, input.dim(0), input.dim(1), input.dim(2), input.dim(3), geometry, gradIn[0].buffer(), true);
    }
}
