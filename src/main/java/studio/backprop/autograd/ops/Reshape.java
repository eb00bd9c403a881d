package studio.backprop.autograd.ops;

import studio.backprop.autograd.Op;
import studio.backprop.tensor.Tensor;

/** The same elements in a new shape (the output shares the input's storage); backward passes ∂L/∂y through. */
public final class Reshape extends Op {

    private final int[] requested;

    public Reshape(int... shape) {
        this.requested = shape.clone();
    }

    @Override
    public String name() {
        return "reshape";
    }

    @Override
    public int[] outputShape(Tensor... in) {
        return in[0].reshape(requested).shape();
    }

    @Override
    public Tensor allocateOutput(int[] shape, Tensor... in) {
        return in[0].reshape(shape);
    }

    @Override
    public boolean finiteFromFinite() {
        return true;
    }

    @Override
    public void forward(Tensor[] in, Tensor out) {
        float[] src = in[0].buffer();
        float[] dst = out.buffer();
        if (src != dst) {
            System.arraycopy(src, 0, dst, 0, src.length);
        }
    }

    @Override
    public void backward(Tensor[] in, Tensor out, Tensor gradOut, Tensor[] gradIn) {
        float[] g = gradOut.buffer();
        float[] dx = gradIn[0].buffer();
        for (int i = 0; i < g.length; i++) {
            dx[i] += g[i];
        }
    }
}
