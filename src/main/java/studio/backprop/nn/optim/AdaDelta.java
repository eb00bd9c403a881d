package studio.backprop.nn.optim;

import java.util.List;
import studio.backprop.kernels.AdaptiveStep;

/**
 * AdaDelta (Zeiler 2012, Algorithm 1): AdaGrad's shrinking step made forgetful, with the step's units set by the
 * running size of the past updates instead of by a learning rate. Element-wise, with both averages starting at 0:
 * <pre>
 *   s ← ρ·s + (1 − ρ)·g²                      running mean of squared gradients
 *   Δ = −√(u + ε) / √(s + ε) · g               RMS of past updates over RMS of gradients
 *   u ← ρ·u + (1 − ρ)·Δ²                      running mean of squared updates
 *   w ← w + η·Δ
 * </pre>
 * ε sits inside both square roots (it also sets the size of the very first steps, √ε/√(s + ε)·g). The paper has no
 * learning rate; η = 1 (the default, as in PyTorch) is that form. Keras multiplies by η = 0.001 by default, which
 * gives steps a thousand times smaller. Defaults: η = 1, ρ = 0.95, ε = 1e-6 (the paper's values).
 */
public final class AdaDelta extends Optimizer {

    private static final List<String> AVERAGES = List.of("mean_square_gradient", "mean_square_delta");

    /** ρ, the fraction of both running averages kept each step. */
    private final double rho;
    /** ε, added under both square roots. */
    private final double epsilon;

    /** η = 1, ρ = 0.95, ε = 1e-6. */
    public AdaDelta() {
        this(1.0, 0.95, 1e-6);
    }

    /**
     * @param learningRate η, a factor on the AdaDelta step; 1 for the paper's form; a finite number ≥ 0
     * @param rho          ρ in [0, 1)
     * @param epsilon      ε; a finite number &gt; 0
     */
    public AdaDelta(double learningRate, double rho, double epsilon) {
        super(learningRate);
        this.rho = Check.unitHalfOpen("adadelta: the decay ρ", rho);
        this.epsilon = Check.positive("adadelta: ε", epsilon);
    }

    public double rho() {
        return rho;
    }

    public double epsilon() {
        return epsilon;
    }

    @Override
    public String kind() {
        return "adadelta";
    }

    /** ["mean_square_gradient", "mean_square_delta"]: s and u. */
    @Override
    public List<String> bufferNames() {
        return AVERAGES;
    }

    @Override
    protected double delta(double g, float[][] buffers, int i, double learningRate) {
        float[] gradients = buffers[0];
        float[] updates = buffers[1];
        float s = (float) (rho * gradients[i] + (1 - rho) * g * g);
        gradients[i] = s;
        double step = -Math.sqrt(updates[i] + epsilon) / Math.sqrt(s + epsilon) * g;
        updates[i] = (float) (rho * updates[i] + (1 - rho) * step * step);
        return learningRate * step;
    }

    /** The constants handed to the kernel, reused every step. */
    private final AdaptiveStep.Constants constants = new AdaptiveStep.Constants();

    /** The whole update in {@link AdaptiveStep}'s vectorised kernel: the bits of the loop over {@link #delta}. */
    @Override
    protected boolean updateInKernel(float[] theta, float[] grad, float[][] buffers, double eta, double decay) {
        AdaptiveStep.apply(theta, grad, buffers[0], buffers[1], constants.adaDelta(eta, rho, epsilon, decay));
        return true;
    }

    @Override
    public String describe() {
        return "adadelta (η = " + learningRate() + ", ρ = " + rho + ", ε = " + epsilon + ")";
    }
}
