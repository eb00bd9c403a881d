package studio.backprop.autograd.ops;

import studio.backprop.autograd.Op;
import studio.backprop.tensor.ShapeException;
import studio.backprop.tensor.Shapes;
import studio.backprop.tensor.Tensor;

/**
 * Masking: y = x where the mask is non-zero, y = fill where it is zero. The mask has the shape of x's trailing
 * axes and repeats over the leading ones (a causal T×T mask over every (batch, head) score matrix). Backward:
 * ∂L/∂x = ∂L/∂y where the mask keeps x, 0 where the fill replaced it; the mask gets no gradient.
 */
public final class MaskFill extends Op {

    private final float fill;

    /** @param fill what masked positions become; a large negative number before a softmax gives them weight 0 */
    public MaskFill(float fill) {
        this.fill = fill;
    }

    @Override
    public String name() {
        return "mask";
    }

    @Override
    public String formula() {
        return "y = m ≠ 0 ? x : " + fill;
    }

    @Override
    public int[] outputShape(Tensor... in) {
        int[] x = in[0].shape();
        int[] m = in[1].shape();
        boolean ok = m.length <= x.length;
        for (int i = 0; ok && i < m.length; i++) {
            ok = m[m.length - 1 - i] == x[x.length - 1 - i];
        }
        if (!ok) {
            throw new ShapeException("mask: a mask of shape " + Shapes.str(m) + " does not fit values of shape "
                    + Shapes.str(x) + "; it must match the values' last axes");
        }
        return x;
    }

    @Override
    public void forward(Tensor[] in, Tensor out) {
        float[] x = in[0].buffer();
        float[] m = in[1].buffer();
        float[] y = out.buffer();
        int period = m.length;
        for (int i = 0; i < x.length; i++) {
            y[i] = m[i % period] != 0f ? x[i] : fill;
        }
    }

    @Override
    public void backward(Tensor[] in, Tensor out, Tensor gradOut, Tensor[] gradIn) {
        if (gradIn[0] == null) {
            return;
        }
        float[] m = in[1].buffer();
        float[] g = gradOut.buffer();
        float[] dx = gradIn[0].buffer();
        int period = m.length;
        for (int i = 0; i < dx.length; i++) {
            if (m[i % period] != 0f) {
                dx[i] += g[i];
            }
        }
    }

    /** The causal mask of a length-T sequence: 1 where position i may look at position j (j ≤ i), else 0. */
    public static Tensor causal(int length) {
        Tensor m = Tensor.zeros(length, length);
        float[] d = m.buffer();
        for (int i = 0; i < length; i++) {
            for (int j = 0; j <= i; j++) {
                d[i * length + j] = 1f;
            }
        }
        return m;
    }
}
