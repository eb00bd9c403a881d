package studio.backprop.autograd.ops;

import studio.backprop.autograd.Op;
import studio.backprop.tensor.Tensor;

/** y = a·x + b element-wise for constants a, b (scaling, shifting, negation, the 1/n of a mean); ∂y/∂x = a. */
public final class Affine extends Op {

    private final float scale;
    private final float shift;

    public Affine(float scale, float shift) {
        this.scale = scale;
        this.shift = shift;
    }

    @Override
    public String name() {
        return shift == 0f ? "scale" : "affine";
    }

    @Override
    public String formula() {
        return "y = " + scale + "·x" + (shift == 0f ? "" : " + " + shift);
    }

    @Override
    public int[] outputShape(Tensor... in) {
        return in[0].shape();
    }

    @Override
    public void forward(Tensor[] in, Tensor out) {
        float[] x = in[0].buffer();
        float[] y = out.buffer();
        for (int i = 0; i < x.length; i++) {
            y[i] = scale * x[i] + shift;
        }
    }

    @Override
    public void backward(Tensor[] in, Tensor out, Tensor gradOut, Tensor[] gradIn) {
        float[] g = gradOut.buffer();
        float[] dx = gradIn[0].buffer();
        for (int i = 0; i < g.length; i++) {
            dx[i] += scale * g[i];
        }
    }
}
