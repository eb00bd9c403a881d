package studio.backprop.autograd.ops;

import studio.backprop.autograd.Op;
import studio.backprop.tensor.ShapeException;
import studio.backprop.tensor.Shapes;
import studio.backprop.tensor.Tensor;

/**
 * Fused sigmoid + binary cross-entropy, mean over all elements, from logits z and targets t ∈ [0, 1]:
 * L = (1/n) Σ −[t·log σ(z) + (1 − t)·log(1 − σ(z))] = (1/n) Σ max(z, 0) − z·t + log(1 + e^(−|z|)).
 *
 * <p>The second form never takes the log of 0. Backward: ∂L/∂z = (σ(z) − t)/n, ∂L/∂t = −z/n.
 */
public final class SigmoidCrossEntropy extends Op {

    @Override
    public String name() {
        return "sigmoidCrossEntropy";
    }

    @Override
    public String formula() {
        return "L = −(1/n) Σ [t·log σ(z) + (1−t)·log(1−σ(z))]";
    }

    @Override
    public int[] outputShape(Tensor... in) {
        if (!in[0].sameShape(in[1])) {
            throw new ShapeException("sigmoidCrossEntropy: logits " + Shapes.str(in[0].shape())
                    + " and targets " + Shapes.str(in[1].shape()) + " must have the same shape");
        }
        return new int[0];
    }

    @Override
    public void forward(Tensor[] in, Tensor out) {
        float[] z = in[0].buffer();
        float[] t = in[1].buffer();
        double loss = 0;
        for (int i = 0; i < z.length; i++) {
            double zi = z[i];
            loss += Math.max(zi, 0) - zi * t[i] + Math.log1p(Math.exp(-Math.abs(zi)));
        }
        out.buffer()[0] = (float) (loss / Math.max(1, z.length));
    }

    @Override
    public void backward(Tensor[] in, Tensor out, Tensor gradOut, Tensor[] gradIn) {
        float[] z = in[0].buffer();
        float[] t = in[1].buffer();
        float scale = gradOut.buffer()[0] / Math.max(1, z.length);
        if (gradIn[0] != null) {
            float[] dz = gradIn[0].buffer();
            for (int i = 0; i < z.length; i++) {
                double s = z[i] >= 0 ? 1.0 / (1.0 + Math.exp(-z[i])) : Math.exp(z[i]) / (1.0 + Math.exp(z[i]));
                dz[i] += scale * (float) (s - t[i]);
            }
        }
        if (gradIn[1] != null) {
            float[] dt = gradIn[1].buffer();
            for (int i = 0; i < z.length; i++) {
                dt[i] -= scale * z[i];
            }
        }
    }
}
