package studio.backprop.autograd.ops;

import studio.backprop.autograd.Op;
import studio.backprop.kernels.ConvGeometry;
import studio.backprop.kernels.MaxUnpool;
import studio.backprop.kernels.Pool2d;
import studio.backprop.tensor.ShapeException;
import studio.backprop.tensor.Shapes;
import studio.backprop.tensor.Tensor;

/**
 * Max unpooling with remembered switches: (N, outH, outW, C) pooled values → (N, inH, inW, C), each value put
 * back where a max pooling found it ({@link Pool2dOp#argmax()}), zeros elsewhere. Backward reads ∂L/∂y at the
 * switches: ∂L/∂pooled[i] = ∂L/∂y[switch i].
 */
public final class MaxUnpool2dOp extends Op {

    private final int[] switches;
    private final int inH;
    private final int inW;
    private final ConvGeometry geometry;

    /**
     * @param switches the flat input indices a max pooling chose (copied)
     * @param inH      height of the image that was pooled, which the output gets back
     * @param inW      width of that image
     * @param geometry the pooling's window
     */
    public MaxUnpool2dOp(int[] switches, int inH, int inW, ConvGeometry geometry) {
        this.switches = switches.clone();
        this.inH = inH;
        this.inW = inW;
        this.geometry = geometry;
    }

    @Override
    public String name() {
        return "maxUnpool2d";
    }

    @Override
    public String formula() {
        return "y[switch i] = x[i], 0 elsewhere";
    }

    @Override
    public int[] outputShape(Tensor... in) {
        int[] x = ImageShapes.nhwc(name(), in[0]);
        if (geometry.outH(inH) != x[1] || geometry.outW(inW) != x[2] || x[0] * x[1] * x[2] * x[3] != switches.length) {
            throw new ShapeException("maxUnpool2d: the switches were remembered for a " + inH + "×" + inW
                    + " image pooled to " + geometry.outH(inH) + "×" + geometry.outW(inW) + " (" + switches.length
                    + " values), but the input has shape " + Shapes.str(x));
        }
        return new int[] {x[0], inH, inW, x[3]};
    }

    @Override
    public void forward(Tensor[] in, Tensor out) {
        Tensor input = in[0];
        Pool2d.maxUnpool(in[0].buffer(), switches, input.dim(0), inH, inW, input.dim(3), geometry, out.buffer());
    }

    @Override
    public void backward(Tensor[] in, Tensor out, Tensor gradOut, Tensor[] gradIn) {
        MaxUnpool.backward(gradOut.buffer(), switches, gradIn[0].buffer(), true);
    }
}
