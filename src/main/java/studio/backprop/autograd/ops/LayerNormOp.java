package studio.backprop.autograd.ops;

import studio.backprop.autograd.Op;
import studio.backprop.tensor.ShapeException;
import studio.backprop.tensor.Shapes;
import studio.backprop.tensor.Tensor;

/**
 * Layer normalisation over the last axis (D features) of every row, with a learned scale γ (D) and shift β (D):
 * μ = (1/D)Σx, σ² = (1/D)Σ(x − μ)², x̂ = (x − μ)/√(σ² + ε), y = γ ⊙ x̂ + β.
 *
 * <p>Backward, per row with g = ∂L/∂y ⊙ γ: ∂L/∂x = (1/√(σ² + ε)) · (g − mean(g) − x̂ · mean(g ⊙ x̂)),
 * ∂L/∂γ += Σ_rows ∂L/∂y ⊙ x̂, ∂L/∂β += Σ_rows ∂L/∂y. Unlike batch normalisation, nothing depends on the other
 * samples of the batch, so training and inference compute the same thing.
 */
public final class LayerNormOp extends Op {

    private final float epsilon;
    /** x̂ of the last forward pass, kept for backward. */
    private float[] normalised = new float[0];
    /** 1/√(σ² + ε) per row of the last forward pass. */
    private float[] inverseStd = new float[0];

    public LayerNormOp(float epsilon) {
        this.epsilon = epsilon;
    }

    @Override
    public String name() {
        return "layerNorm";
    }

    @Override
    public String formula() {
        return "y = γ ⊙ (x − μ)/√(σ² + ε) + β";
    }

    @Override
    public int[] outputShape(Tensor... in) {
        int[] x = in[0].shape();
        if (x.length == 0 || in[1].rank() != 1 || in[2].rank() != 1 || in[1].dim(0) != x[x.length - 1]
                || in[2].dim(0) != x[x.length - 1]) {
            throw new ShapeException("layerNorm: values " + Shapes.str(x) + " need γ and β of shape ("
                    + (x.length == 0 ? "?" : x[x.length - 1]) + "), got " + Shapes.str(in[1].shape()) + " and "
                    + Shapes.str(in[2].shape()));
        }
        return x;
    }

    @Override
    public void forward(Tensor[] in, Tensor out) {
        int d = in[0].dim(-1);
        int rows = d == 0 ? 0 : in[0].size() / d;
        if (normalised.length != in[0].size()) {
            normalised = new float[in[0].size()];
            inverseStd = new float[rows];
        }
        float[] x = in[0].buffer();
        float[] gamma = in[1].buffer();
        float[] beta = in[2].buffer();
        float[] y = out.buffer();
        for (int r = 0; r < rows; r++) {
            int o = r * d;
            double mean = 0;
            for (int j = 0; j < d; j++) {
                mean += x[o + j];
            }
            mean /= d;
            double var = 0;
            for (int j = 0; j < d; j++) {
                double c = x[o + j] - mean;
                var += c * c;
            }
            var /= d;
            float inv = (float) (1.0 / Math.sqrt(var + epsilon));
            inverseStd[r] = inv;
            for (int j = 0; j < d; j++) {
                float xh = (float) ((x[o + j] - mean) * inv);
                normalised[o + j] = xh;
                y[o + j] = gamma[j] * xh + beta[j];
            }
        }
    }

    @Override
    public void backward(Tensor[] in, Tensor out, Tensor gradOut, Tensor[] gradIn) {
        int d = in[0].dim(-1);
        int rows = d == 0 ? 0 : in[0].size() / d;
        float[] gamma = in[1].buffer();
        float[] dy = gradOut.buffer();
        for (int r = 0; r < rows; r++) {
            int o = r * d;
            if (gradIn[1] != null || gradIn[2] != null) {
                for (int j = 0; j < d; j++) {
                    if (gradIn[1] != null) {
                        gradIn[1].buffer()[j] += dy[o + j] * normalised[o + j];
                    }
                    if (gradIn[2] != null) {
                        gradIn[2].buffer()[j] += dy[o + j];
                    }
                }
            }
            if (gradIn[0] == null) {
                continue;
            }
            double meanG = 0;
            double meanGx = 0;
            for (int j = 0; j < d; j++) {
                double g = dy[o + j] * gamma[j];
                meanG += g;
                meanGx += g * normalised[o + j];
            }
            meanG /= d;
            meanGx /= d;
            float[] dx = gradIn[0].buffer();
            for (int j = 0; j < d; j++) {
                double g = dy[o + j] * gamma[j];
                dx[o + j] += (float) (inverseStd[r] * (g - meanG - normalised[o + j] * meanGx));
            }
        }
    }
}
