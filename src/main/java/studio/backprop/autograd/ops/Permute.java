package studio.backprop.autograd.ops;

import studio.backprop.autograd.Op;
import studio.backprop.kernels.Elementwise;
import studio.backprop.tensor.Tensor;

/** y = x with its axes reordered (y axis i is x axis order[i]); backward applies the inverse order. */
public final class Permute extends Op {

    private final int[] order;
    private float[] scratch;
    /** The input shape the walks below were made for; a replayed tape reuses them (a view per call was 0.5 KB). */
    private int[] layoutFor;
    private int[] forwardShape;
    private int[] forwardStrides;
    private int[] backwardShape;
    private int[] backwardStrides;

    public Permute(int... order) {
        this.order = order.clone();
    }

    @Override
    public String name() {
        return "permute";
    }

    @Override
    public int[] outputShape(Tensor... in) {
        return in[0].permute(order).shape();
    }

    /**
     * The forward walk (x read through its permuted view) and the backward one (∂L/∂y, of y's dense shape, read
     * through the inverse order), made once per input shape: inputs and gradients are dense, so their strides
     * follow from the shape.
     */
    private void layout(Tensor x) {
        if (layoutFor != null && sameShape(x, layoutFor)) {
            return;
        }
        int[] shape = x.shape();
        Tensor view = x.permute(order);
        int[] inverse = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            inverse[Math.floorMod(order[i], order.length)] = i;
        }
        forwardShape = view.shape();
        forwardStrides = view.strides();
        // ∂L/∂y is dense in y's shape; read through the inverse order, axis i is y's axis inverse[i].
        int[] yStrides = Elementwise.contiguousStrides(forwardShape);
        backwardShape = new int[order.length];
        backwardStrides = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            backwardShape[i] = forwardShape[inverse[i]];
            backwardStrides[i] = yStrides[inverse[i]];
        }
        layoutFor = shape;
    }

    private static boolean sameShape(Tensor x, int[] shape) {
        if (x.rank() != shape.length) {
            return false;
        }
        for (int i = 0; i < shape.length; i++) {
            if (x.dim(i) != shape[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void forward(Tensor[] in, Tensor out) {
        layout(in[0]);
        Elementwise.gather(in[0].buffer(), 0, forwardStrides, forwardShape, out.buffer(), 0);
    }

    @Override
    public void backward(Tensor[] in, Tensor out, Tensor gradOut, Tensor[] gradIn) {
        layout(in[0]);
        if (scratch == null || scratch.length != gradOut.size()) {
            scratch = new float[gradOut.size()];
        }
        Elementwise.gather(gradOut.buffer(), 0, backwardStrides, backwardShape, scratch, 0);
        float[] dx = gradIn[0].buffer();
        for (int i = 0; i < dx.length; i++) {
            dx[i] += scratch[i];
        }
    }
}
