package studio.backprop.autograd.ops;

import studio.backprop.autograd.Op;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.ShapeException;
import studio.backprop.tensor.Tensor;

/**
 * Dropout in training: y = x ⊙ m · s with a fresh Bernoulli keep-mask m (keep probability 1 − p) drawn at every
 * forward pass, s = 1/(1 − p) when inverted (the default) or 1 when classic; backward dx = dy ⊙ m · s.
 * A frozen mask is reused instead of redrawn, which makes the op deterministic for gradient checks and for
 * stepping through one example.
 */
public final class DropoutOp extends Op {

    private float rate;
    private final boolean inverted;
    private final Rng rng;
    private boolean frozen;
    private float[] mask;

    public DropoutOp(float rate, boolean inverted, Rng rng) {
        if (!(rate >= 0f && rate < 1f)) {
            throw new ShapeException("dropout: rate must be in [0, 1), got " + rate);
        }
        this.rate = rate;
        this.inverted = inverted;
        this.rng = rng;
    }

    /** Changes the drop probability from the next forward pass on (the rate must be in [0, 1)). */
    public void setRate(float newRate) {
        if (!(newRate >= 0f && newRate < 1f)) {
            throw new ShapeException("dropout: rate must be in [0, 1), got " + newRate);
        }
        rate = newRate;
    }

    public float rate() {
        return rate;
    }

    /** Keeps the current mask for every later forward pass. */
    public DropoutOp freezeMask() {
        frozen = true;
        return this;
    }

    /** The keep-mask of the last forward pass (1 kept, 0 dropped). */
    public float[] mask() {
        return mask.clone();
    }

    @Override
    public String name() {
        return "dropout";
    }

    @Override
    public String formula() {
        return inverted ? "y = x ⊙ m / (1 − p)" : "y = x ⊙ m";
    }

    @Override
    public int[] outputShape(Tensor... in) {
        return in[0].shape();
    }

    @Override
    public void forward(Tensor[] in, Tensor out) {
        float[] x = in[0].buffer();
        if (mask == null || mask.length != x.length) {
            mask = new float[x.length];
            drawMask();
        } else if (!frozen) {
            drawMask();
        }
        float scale = inverted ? 1f / (1f - rate) : 1f;
        float[] y = out.buffer();
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] * mask[i] * scale;
        }
    }

    private void drawMask() {
        for (int i = 0; i < mask.length; i++) {
            mask[i] = rng.nextDouble() >= rate ? 1f : 0f;
        }
    }

    @Override
    public void backward(Tensor[] in, Tensor out, Tensor gradOut, Tensor[] gradIn) {
        float scale = inverted ? 1f / (1f - rate) : 1f;
        float[] g = gradOut.buffer();
        float[] dx = gradIn[0].buffer();
        for (int i = 0; i < g.length; i++) {
            dx[i] += g[i] * mask[i] * scale;
        }
    }
}
