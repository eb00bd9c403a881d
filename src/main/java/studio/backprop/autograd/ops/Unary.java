package studio.backprop.autograd.ops;

import java.util.Locale;
import studio.backprop.autograd.Op;
import studio.backprop.kernels.Elementwise;
import studio.backprop.kernels.UnaryFn;
import studio.backprop.tensor.Tensor;

/** y = f(x) element-wise for one of the {@link UnaryFn} functions; backward dx += dy · f'(x). */
public final class Unary extends Op {

    private final UnaryFn f;
    private final float alpha;
    private final String name;

    public Unary(UnaryFn f, float alpha) {
        this.f = f;
        this.alpha = alpha;
        this.name = f.name().toLowerCase(Locale.ROOT);
    }

    public UnaryFn function() {
        return f;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String formula() {
        return "y = " + name() + "(x)";
    }

    @Override
    public int[] outputShape(Tensor... in) {
        return in[0].shape();
    }

    @Override
    public boolean finiteFromFinite() {
        return f.finiteFromFinite();
    }

    @Override
    public void forward(Tensor[] in, Tensor out) {
        Elementwise.map(f, alpha, in[0].buffer(), 0, out.buffer(), 0, out.size());
    }

    @Override
    public void backward(Tensor[] in, Tensor out, Tensor gradOut, Tensor[] gradIn) {
        Elementwise.mapBackward(f, alpha, in[0].buffer(), out.buffer(), gradOut.buffer(), gradIn[0].buffer(),
                out.size(), true);
    }
}
