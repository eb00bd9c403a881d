package studio.backprop.nn.optim;

import java.util.List;
import studio.backprop.kernels.MomentumStep;

/**
 * Stochastic gradient descent, optionally with momentum or Nesterov momentum (the Keras SGD forms).
 *
 * <ul>
 *   <li>Plain (μ = 0): w ← w − η·g.</li>
 *   <li>Momentum: v ← μ·v − η·g; w ← w + v. The velocity v starts at 0 and already contains −η, so the
 *       update adds it; this is not w ← w − η·g + μ·w.</li>
 *   <li>Nesterov: v ← μ·v − η·g; w ← w + μ·v − η·g, with the new v (the look-ahead step, rewritten so that
 *       the gradient is taken at the current weights).</li>
 * </ul>
 * Here g is the gradient plus any penalty gradient; decoupled weight decay follows as described in
 * {@link Optimizer}. Defaults as Keras: η = 0.01, μ = 0.
 */
public final class Sgd extends Optimizer {

    private static final List<String> VELOCITY = List.of("velocity");

    /** μ, the fraction of the previous velocity kept; 0 for plain SGD. */
    private final double momentum;
    /** Whether the step is μ·v − η·g (Nesterov) rather than v. */
    private final boolean nesterov;

    /** Plain SGD with η = 0.01. */
    public Sgd() {
        this(0.01);
    }

    /** Plain SGD. */
    public Sgd(double learningRate) {
        this(learningRate, 0, false);
    }

    /**
     * @param learningRate η; a finite number ≥ 0
     * @param momentum     μ in [0, 1); 0 for plain SGD
     * @param nesterov     whether to take the Nesterov step (no effect when μ = 0)
     */
    public Sgd(double learningRate, double momentum, boolean nesterov) {
        super(learningRate);
        this.momentum = Check.unitHalfOpen("sgd: the momentum μ", momentum);
        this.nesterov = nesterov;
    }

    /** Momentum SGD: v ← μ·v − η·g; w ← w + v. The course default is μ = 0.9. */
    public static Sgd withMomentum(double learningRate, double momentum) {
        return new Sgd(learningRate, momentum, false);
    }

    /** Nesterov momentum: v ← μ·v − η·g; w ← w + μ·v − η·g. */
    public static Sgd nesterov(double learningRate, double momentum) {
        return new Sgd(learningRate, momentum, true);
    }

    public double momentum() {
        return momentum;
    }

    public boolean isNesterov() {
        return nesterov;
    }

    @Override
    public String kind() {
        return "sgd";
    }

    /** ["velocity"] with momentum, none without. */
    @Override
    public List<String> bufferNames() {
        return momentum == 0 ? List.of() : VELOCITY;
    }

    @Override
    protected double delta(double g, float[][] buffers, int i, double learningRate) {
        if (momentum == 0) {
            return -learningRate * g;
        }
        float[] velocity = buffers[0];
        // The stored float is the velocity the app shows, so the step uses exactly that number.
        float v = (float) (momentum * velocity[i] - learningRate * g);
        velocity[i] = v;
        return nesterov ? momentum * v - learningRate * g : v;
    }

    @Override
    protected boolean plainGradientStep() {
        return momentum == 0;
    }

    /** Momentum and Nesterov steps run in {@link MomentumStep} (vectorised, split over the kernel threads). */
    @Override
    protected boolean updateInKernel(float[] theta, float[] grad, float[][] buffers, double eta, double decay) {
        if (momentum == 0) {
            return false;
        }
        MomentumStep.apply(theta, grad, buffers[0], eta, momentum, nesterov, decay);
        return true;
    }

    @Override
    public String describe() {
        String base = "sgd (η = " + learningRate();
        if (momentum == 0) {
            return base + ")";
        }
        return base + ", momentum μ = " + momentum + (nesterov ? ", Nesterov)" : ")");
    }
}
