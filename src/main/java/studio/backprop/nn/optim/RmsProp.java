package studio.backprop.nn.optim;

import java.util.List;
import studio.backprop.kernels.AdaptiveStep;

/**
 * RMSProp: like AdaGrad, but the squared gradients are averaged with exponential forgetting, so the step size
 * does not shrink forever.
 *
 * <p>s ← ρ·s + (1 − ρ)·g²; w ← w − η·g / (√s + ε), element-wise, with s starting at 0 and ε added outside the
 * square root, as Keras does (Keras's optional momentum and centred variants are not offered). Defaults as
 * Keras: η = 0.001, ρ = 0.9, ε = 1e-7.
 */
public final class RmsProp extends Optimizer {

    private static final List<String> MEAN_SQUARE = List.of("mean_square");

    /** ρ, the fraction of the running mean square kept each step. */
    private final double rho;
    /** ε, added to √s so the division stays finite. */
    private final double epsilon;

    /** η = 0.001, ρ = 0.9, ε = 1e-7. */
    public RmsProp() {
        this(0.001);
    }

    public RmsProp(double learningRate) {
        this(learningRate, 0.9, 1e-7);
    }

    /**
     * @param learningRate η; a finite number ≥ 0
     * @param rho          ρ in [0, 1)
     * @param epsilon      ε; a finite number &gt; 0
     */
    public RmsProp(double learningRate, double rho, double epsilon) {
        super(learningRate);
        this.rho = Check.unitHalfOpen("rmsprop: the decay ρ", rho);
        this.epsilon = Check.positive("rmsprop: ε", epsilon);
    }

    public double rho() {
        return rho;
    }

    public double epsilon() {
        return epsilon;
    }

    @Override
    public String kind() {
        return "rmsprop";
    }

    /** ["mean_square"]: s, the running mean of squared gradients. */
    @Override
    public List<String> bufferNames() {
        return MEAN_SQUARE;
    }

    @Override
    protected double delta(double g, float[][] buffers, int i, double learningRate) {
        float[] ms = buffers[0];
        float s = (float) (rho * ms[i] + (1 - rho) * g * g);
        ms[i] = s;
        return -learningRate * g / (Math.sqrt(s) + epsilon);
    }

    /** The constants handed to the kernel, reused every step. */
    private final AdaptiveStep.Constants constants = new AdaptiveStep.Constants();

    /** The whole update in {@link AdaptiveStep}'s vectorised kernel: the bits of the loop over {@link #delta}. */
    @Override
    protected boolean updateInKernel(float[] theta, float[] grad, float[][] buffers, double eta, double decay) {
        AdaptiveStep.apply(theta, grad, buffers[0], null, constants.squares(eta, rho, 1 - rho, epsilon, decay));
        return true;
    }

    @Override
    public String describe() {
        return "rmsprop (η = " + learningRate() + ", ρ = " + rho + ", ε = " + epsilon + ")";
    }
}
