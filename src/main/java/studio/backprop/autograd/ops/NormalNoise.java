package studio.backprop.autograd.ops;

import studio.backprop.autograd.Op;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;

/**
 * Standard normal noise shaped like its input: ε ~ N(0, 1) element-wise, drawn afresh from a seeded generator at
 * every forward pass (so a replayed training step gets new noise). The input only gives the shape; ε does not
 * depend on it, so backward adds nothing. A frozen op keeps its last draw, which makes it deterministic for
 * gradient checks and for stepping through one example.
 */
public final class NormalNoise extends Op {

    private final Rng rng;
    private boolean frozen;
    private boolean drawn;

    public NormalNoise(Rng rng) {
        this.rng = rng;
    }

    /** Keeps the current draw for every later forward pass; returns this. */
    public NormalNoise freeze() {
        frozen = true;
        return this;
    }

    @Override
    public String name() {
        return "noise";
    }

    @Override
    public String formula() {
        return "ε ~ N(0, 1)";
    }

    @Override
    public int[] outputShape(Tensor... in) {
        return in[0].shape();
    }

    @Override
    public void forward(Tensor[] in, Tensor out) {
        if (frozen && drawn) {
            return;
        }
        float[] eps = out.buffer();
        for (int i = 0; i < eps.length; i++) {
            eps[i] = (float) rng.nextGaussian();
        }
        drawn = true;
    }

    @Override
    public void backward(Tensor[] in, Tensor out, Tensor gradOut, Tensor[] gradIn) {
        // ε is independent of the input: ∂ε/∂x = 0, nothing to add
    }
}
