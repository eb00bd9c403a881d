package studio.backprop.autograd.ops;

import studio.backprop.autograd.Op;
import studio.backprop.tensor.ShapeException;
import studio.backprop.tensor.Shapes;
import studio.backprop.tensor.Tensor;

/**
 * Batch normalisation over every axis but the last (channels last): inputs x (…, C), γ (C), β (C).
 *
 * <p>Training: per channel μ = mean(x), v = Σ(x − μ)²/D over the m values of the channel, with D = m (biased)
 * or m − 1 ({@link BatchVariance#UNBIASED_BATCH}), x̂ = (x − μ)/√(v + ε), y = γ·x̂ + β; the running statistics
 * move as r ← momentum·r + (1 − momentum)·batch, where the batch's variance is v, or Σ(x − μ)²/(m − 1) when the
 * {@link BatchVariance} keeps the unbiased estimate (PyTorch's convention).
 * Inference: the running statistics replace μ and v.
 *
 * <p>Backward (training), with g = γ·∂L/∂y: ∂L/∂x = s·(g − mean(g) − x̂·Σ(g·x̂)/D), s = 1/√(v + ε);
 * ∂L/∂γ = Σ ∂L/∂y·x̂; ∂L/∂β = Σ ∂L/∂y. In inference the normalisation is a fixed affine map: ∂L/∂x = g·s.
 */
public final class BatchNormOp extends Op {

    private final Tensor runningMean;
    private final Tensor runningVar;
    private final float epsilon;
    private final float momentum;
    private final BatchVariance variance;
    private final boolean training;
    private float[] xHat;
    private float[] invStd;
    private float[] mean;
    private float[] var;
    private double[] sumG;
    private double[] sumGxHat;
    private int[] inputShape;

    /**
     * @param runningMean per-channel running mean (C), updated in place in training
     * @param runningVar  per-channel running variance (C), updated in place in training
     */
    public BatchNormOp(Tensor runningMean, Tensor runningVar, float epsilon, float momentum, BatchVariance variance,
                       boolean training) {
        this.runningMean = runningMean;
        this.runningVar = runningVar;
        this.epsilon = epsilon;
        this.momentum = momentum;
        this.variance = variance;
        this.training = training;
    }

    /** With {@code unbiased}: normalise with the biased variance, keep the unbiased one (PyTorch). */
    public BatchNormOp(Tensor runningMean, Tensor runningVar, float epsilon, float momentum, boolean unbiased,
                       boolean training) {
        this(runningMean, runningVar, epsilon, momentum, unbiased ? BatchVariance.UNBIASED : BatchVariance.BIASED,
                training);
    }

    @Override
    public String name() {
        return "batchNorm";
    }

    @Override
    public String formula() {
        return "y = γ·(x − μ)/√(σ² + ε) + β";
    }

    @Override
    public int[] outputShape(Tensor... in) {
        int c = in[0].dim(-1);
        if (in[1].size() != c || in[2].size() != c || runningMean.size() != c) {
            throw new ShapeException("batchNorm: γ, β and the running statistics need " + c
                    + " entries (one per channel of " + Shapes.str(in[0].shape()) + "), got γ "
                    + Shapes.str(in[1].shape()) + ", β " + Shapes.str(in[2].shape()));
        }
        int m = in[0].size() / Math.max(1, c);
        int least = variance == BatchVariance.BIASED ? 1 : 2;
        if (training && m < least) {
            throw new ShapeException("batchNorm: training needs at least " + least
                    + " values per channel to estimate a variance, got " + m);
        }
        return in[0].shape();
    }

    @Override
    public void forward(Tensor[] in, Tensor out) {
        float[] x = in[0].buffer();
        int c = in[0].dim(-1);
        int m = x.length / c;
        inputShape = in[0].shape();
        if (xHat == null || xHat.length != x.length) {
            xHat = new float[x.length];
            invStd = new float[c];
            mean = new float[c];
            var = new float[c];
            sumG = new double[c];
            sumGxHat = new double[c];
        }
        if (training) {
            batchStatistics(x, m, c, mean, var);
        } else {
            System.arraycopy(runningMean.buffer(), 0, mean, 0, c);
            System.arraycopy(runningVar.buffer(), 0, var, 0, c);
        }
        float[] gamma = in[1].buffer();
        float[] beta = in[2].buffer();
        float[] y = out.buffer();
        for (int j = 0; j < c; j++) {
            invStd[j] = (float) (1.0 / Math.sqrt(var[j] + (double) epsilon));
        }
        for (int r = 0; r < m; r++) {
            for (int j = 0; j < c; j++) {
                int i = r * c + j;
                xHat[i] = (x[i] - mean[j]) * invStd[j];
                y[i] = gamma[j] * xHat[i] + beta[j];
            }
        }
        if (training) {
            boolean rescale = variance.unbiasedRunning() && !variance.unbiasedBatch();
            updateRunning(mean, var, rescale ? m / (m - 1.0) : 1.0);
        }
    }

    /**
     * The statistics of the last forward pass, per channel: {@code mean} μ_B (C), {@code variance} σ²_B (C; the
     * running ones in inference), {@code invStd} 1/√(σ² + ε) (C), {@code epsilon} ε (1), and {@code normalized} x̂
     * (the input's shape).
     */
    @Override
    public java.util.Map<String, Tensor> intermediates() {
        if (xHat == null) {
            return java.util.Map.of();
        }
        java.util.Map<String, Tensor> out = new java.util.LinkedHashMap<>();
        out.put("mean", Tensor.of(mean.clone(), mean.length));
        out.put("variance", Tensor.of(var.clone(), var.length));
        out.put("invStd", Tensor.of(invStd.clone(), invStd.length));
        out.put("epsilon", Tensor.of(new float[] {epsilon}, 1));
        out.put("normalized", Tensor.of(xHat.clone(), inputShape.clone()));
        return out;
    }

    /** Per-channel mean and variance of the batch, accumulated in double (uses sumG as scratch). */
    private void batchStatistics(float[] x, int m, int c, float[] mean, float[] var) {
        double[] sum = sumG;
        java.util.Arrays.fill(sum, 0);
        for (int i = 0; i < x.length; i++) {
            sum[i % c] += x[i];
        }
        for (int j = 0; j < c; j++) {
            mean[j] = (float) (sum[j] / m);
            sum[j] = 0;
        }
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - (double) mean[i % c];
            sum[i % c] += d * d;
        }
        for (int j = 0; j < c; j++) {
            var[j] = (float) (sum[j] / (variance.unbiasedBatch() ? m - 1 : m));
        }
    }

    /** r ← momentum·r + (1 − momentum)·batch, with the batch variance times {@code varianceScale}. */
    private void updateRunning(float[] mean, float[] var, double varianceScale) {
        float[] rm = runningMean.buffer();
        float[] rv = runningVar.buffer();
        for (int j = 0; j < rm.length; j++) {
            rm[j] = momentum * rm[j] + (1f - momentum) * mean[j];
            rv[j] = momentum * rv[j] + (1f - momentum) * (float) (var[j] * varianceScale);
        }
    }

    @Override
    public void backward(Tensor[] in, Tensor out, Tensor gradOut, Tensor[] gradIn) {
        float[] dy = gradOut.buffer();
        int c = in[0].dim(-1);
        int m = dy.length / c;
        float[] gamma = in[1].buffer();
        java.util.Arrays.fill(sumG, 0);
        java.util.Arrays.fill(sumGxHat, 0);
        for (int i = 0; i < dy.length; i++) {
            int j = i % c;
            sumG[j] += dy[i];
            sumGxHat[j] += (double) dy[i] * xHat[i];
        }
        if (gradIn[1] != null) {
            float[] dGamma = gradIn[1].buffer();
            for (int j = 0; j < c; j++) {
                dGamma[j] += (float) sumGxHat[j];
            }
        }
        if (gradIn[2] != null) {
            float[] dBeta = gradIn[2].buffer();
            for (int j = 0; j < c; j++) {
                dBeta[j] += (float) sumG[j];
            }
        }
        if (gradIn[0] != null) {
            float[] dx = gradIn[0].buffer();
            int d = variance.unbiasedBatch() ? m - 1 : m;
            for (int i = 0; i < dy.length; i++) {
                int j = i % c;
                double v = training
                        ? gamma[j] * (dy[i] - sumG[j] / m - xHat[i] * sumGxHat[j] / d)
                        : gamma[j] * dy[i];
                dx[i] += (float) (invStd[j] * v);
            }
        }
    }
}
