package studio.backprop.autograd.ops;

import studio.backprop.autograd.Op;
import studio.backprop.kernels.Elementwise;
import studio.backprop.tensor.Tensor;

/** y = x with its axes reordered (y axis i is x axis order[i]); backward applies the inverse order. */
public final class Permute extends Op {

    private final int[] order;
    private float[] scratch;

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

    @Override
    public void forward(Tensor[] in, Tensor out) {
        Tensor view = in[0].permute(order);
        Elementwise.gather(in[0].buffer(), 0, view.strides(), view.shape(), out.buffer(), 0);
    }

    @Override
    public void backward(Tensor[] in, Tensor out, Tensor gradOut, Tensor[] gradIn) {
        int[] inverse = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            inverse[Math.floorMod(order[i], order.length)] = i;
        }
        Tensor view = gradOut.permute(inverse);
        if (scratch == null || scratch.length != gradOut.size()) {
            scratch = new float[gradOut.size()];
        }
        Elementwise.gather(gradOut.buffer(), 0, view.strides(), view.shape(), scratch, 0);
        float[] dx = gradIn[0].buffer();
        for (int i = 0; i < dx.length; i++) {
            dx[i] += scratch[i];
        }
    }
}
