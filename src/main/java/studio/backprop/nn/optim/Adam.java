package studio.backprop.nn.optim;

import java.util.List;
import studio.backprop.kernels.AdamStep;

/**
 * Adam with bias correction, in the form of the paper (Kingma &amp; Ba, Algorithm 1), element-wise, at step
 * number n = t + 1 (counted from 1):
 * <pre>
 *   m ← β₁·m + (1 − β₁)·g          first moment, starts at 0
 *   v ← β₂·v + (1 − β₂)·g²         second moment, starts at 0
 *   m̂ = m / (1 − β₁ⁿ)              bias-corrected
 *   v̂ = v / (1 − β₂ⁿ)
 *   w ← w − η·m̂ / (√v̂ + ε)         ε outside the square root
 * </pre>
 * Keras computes the same update as η·√(1 − β₂ⁿ)/(1 − β₁ⁿ)·m / (√v + ε), which amounts to ε/√(1 − β₂ⁿ) in place
 * of ε; with ε = 1e-7 the two differ only when √v̂ is itself near 1e-7. Defaults as Keras: η = 0.001, β₁ = 0.9,
 * β₂ = 0.999, ε = 1e-7. With {@link #setWeightDecay(double)} this is AdamW.
 */
public final class Adam extends Optimizer {

    private static final List<String> MOMENTS = List.of("m", "v");

    /** β₁, the decay of the first-moment estimate m. */
    private final double beta1;
    /** β₂, the decay of the second-moment estimate v. */
    private final double beta2;
    /** ε, added to √v̂ so the division stays finite. */
    private final double epsilon;
    /** The kernel's constants, set before each parameter's update (no allocation per step). */
    private final AdamStep.Constants constants = new AdamStep.Constants();
    /** 1 − β₁ⁿ for the step in progress. */
    private double correction1;
    /** 1 − β₂ⁿ for the step in progress. */
    private double correction2;

    /** η = 0.001, β₁ = 0.9, β₂ = 0.999, ε = 1e-7. */
    public Adam() {
        this(0.001);
    }

    public Adam(double learningRate) {
        this(learningRate, 0.9, 0.999, 1e-7);
    }

    /**
     * @param learningRate η; a finite number ≥ 0
     * @param beta1        β₁ in [0, 1)
     * @param beta2        β₂ in [0, 1)
     * @param epsilon      ε; a finite number &gt; 0
     */
    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        super(learningRate);
        this.beta1 = Check.unitHalfOpen("adam: β₁ (beta1)", beta1);
        this.beta2 = Check.unitHalfOpen("adam: β₂ (beta2)", beta2);
        this.epsilon = Check.positive("adam: ε", epsilon);
    }

    public double beta1() {
        return beta1;
    }

    public double beta2() {
        return beta2;
    }

    public double epsilon() {
        return epsilon;
    }

    @Override
    public String kind() {
        return "adam";
    }

    /** ["m", "v"]: the first- and second-moment estimates, before bias correction. */
    @Override
    public List<String> bufferNames() {
        return MOMENTS;
    }

    @Override
    protected void beginStep(long stepNumber) {
        correction1 = 1 - Math.pow(beta1, stepNumber);
        correction2 = 1 - Math.pow(beta2, stepNumber);
    }

    @Override
    protected double delta(double g, float[][] buffers, int i, double learningRate) {
        float[] first = buffers[0];
        float[] second = buffers[1];
        float m = (float) (beta1 * first[i] + (1 - beta1) * g);
        float v = (float) (beta2 * second[i] + (1 - beta2) * g * g);
        first[i] = m;
        second[i] = v;
        double mHat = m / correction1;
        double vHat = v / correction2;
        return -learningRate * mHat / (Math.sqrt(vHat) + epsilon);
    }

    /** The whole update runs in {@link AdamStep} (vectorised, split over the kernel threads, same bits). */
    @Override
    protected boolean updateInKernel(float[] theta, float[] grad, float[][] buffers, double eta, double decay) {
        AdamStep.apply(theta, grad, buffers[0], buffers[1],
                constants.set(eta, beta1, beta2, epsilon, correction1, correction2, decay));
        return true;
    }

    @Override
    public String describe() {
        return "adam (η = " + learningRate() + ", β₁ = " + beta1 + ", β₂ = " + beta2 + ", ε = " + epsilon + ")";
    }
}
