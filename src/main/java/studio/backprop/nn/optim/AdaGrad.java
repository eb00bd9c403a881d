package studio.backprop.nn.optim;

import java.util.List;
import studio.backprop.kernels.AdaptiveStep;

/**
 * AdaGrad: each weight's step shrinks with the sum of its squared gradients so far.
 *
 * <p>G ← G + g²; w ← w − η·g / (√G + ε), element-wise, with G starting at the initial accumulator value (not 0,
 * so the first steps are not huge) and ε added outside the square root, as Keras does. Defaults as Keras:
 * η = 0.001, G₀ = 0.1, ε = 1e-7.
 */
public final class AdaGrad extends Optimizer {

    private static final List<String> ACCUMULATOR = List.of("accumulator");

    /** G₀, the value the accumulator of squared gradients starts at. */
    private final double initialAccumulator;
    /** ε, added to √G so the division stays finite. */
    private final double epsilon;

    /** η = 0.001, G₀ = 0.1, ε = 1e-7. */
    public AdaGrad() {
        this(0.001);
    }

    public AdaGrad(double learningRate) {
        this(learningRate, 0.1, 1e-7);
    }

    /**
     * @param learningRate       η; a finite number ≥ 0
     * @param initialAccumulator G₀; a finite number ≥ 0
     * @param epsilon            ε; a finite number &gt; 0
     */
    public AdaGrad(double learningRate, double initialAccumulator, double epsilon) {
        super(learningRate);
        this.initialAccumulator = Check.nonNegative("adagrad: the initial accumulator value G₀", initialAccumulator);
        this.epsilon = Check.positive("adagrad: ε", epsilon);
    }

    public double initialAccumulator() {
        return initialAccumulator;
    }

    public double epsilon() {
        return epsilon;
    }

    @Override
    public String kind() {
        return "adagrad";
    }

    /** ["accumulator"]: G, the running sum of squared gradients. */
    @Override
    public List<String> bufferNames() {
        return ACCUMULATOR;
    }

    @Override
    protected float initialValue(int buffer) {
        return (float) initialAccumulator;
    }

    @Override
    protected double delta(double g, float[][] buffers, int i, double learningRate) {
        float[] acc = buffers[0];
        float sum = (float) (acc[i] + g * g);
        acc[i] = sum;
        return -learningRate * g / (Math.sqrt(sum) + epsilon);
    }

    /** The constants handed to the kernel, reused every step. */
    private final AdaptiveStep.Constants constants = new AdaptiveStep.Constants();

    /** The whole update in {@link AdaptiveStep}'s vectorised kernel: the bits of the loop over {@link #delta}. */
    @Override
    protected boolean updateInKernel(float[] theta, float[] grad, float[][] buffers, double eta, double decay) {
        AdaptiveStep.apply(theta, grad, buffers[0], null, constants.squares(eta, 1, 1, epsilon, decay));
        return true;
    }

    @Override
    public String describe() {
        return "adagrad (η = " + learningRate() + ", G₀ = " + initialAccumulator + ", ε = " + epsilon + ")";
    }
}
