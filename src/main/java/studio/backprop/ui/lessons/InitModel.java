package studio.backprop.ui.lessons;

import java.util.ArrayList;
import java.util.List;
import studio.backprop.autograd.Variable;
import studio.backprop.nn.Activation;
import studio.backprop.nn.init.FanInOut;
import studio.backprop.nn.init.Initializer;
import studio.backprop.nn.loss.Losses;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;

/**
 * A deep stack of dense layers at step 0 under one of the engine's initialisers: a batch of standard normal inputs
 * goes forward through h_l = f(h_{l−1}·W_l) (biases 0), an MSE against random targets goes backward, and each
 * layer's activations h_l and weight gradients ∂L/∂W_l are kept for histograms. Everything is seeded.
 *
 * <p>What to see: zeros give every unit the same value (all 0) and every hidden weight gradient 0, the symmetry
 * that never breaks; a normal with σ too large saturates tanh and sigmoid (values piled at the ends); Glorot (for
 * tanh and sigmoid) and He (for ReLU) keep the spread from layer to layer.
 */
public final class InitModel {

    /** One layer's numbers at step 0. */
    public record LayerStats(float[] activations, float[] gradients) {

        /** The standard deviation of the activations. */
        public double activationStd() {
            return std(activations);
        }

        /** The standard deviation of the weight gradients. */
        public double gradientStd() {
            return std(gradients);
        }

        /** The fraction of activations within 1% of the function's ends ±1 (tanh), 0 or 1 (sigmoid). */
        public double saturated(Activation f) {
            int n = 0;
            for (float a : activations) {
                boolean end = f == Activation.SIGMOID ? a < 0.01f || a > 0.99f : Math.abs(a) > 0.99f;
                n += end ? 1 : 0;
            }
            return (double) n / activations.length;
        }

        private static double std(float[] x) {
            double mean = 0;
            for (float v : x) {
                mean += v;
            }
            mean /= x.length;
            double sum = 0;
            for (float v : x) {
                sum += (v - mean) * (v - mean);
            }
            return Math.sqrt(sum / x.length);
        }
    }

    /** The initialisers offered, by their file names; "normal" takes σ. */
    public static final List<String> INITIALISERS = List.of("zeros", "constant", "uniform", "normal",
            "glorot_uniform", "glorot_normal", "he_uniform", "he_normal", "lecun_normal");

    private InitModel() {
    }

    /** The initialiser called {@code name}, with σ for "normal" (and the defaults of the others' settings). */
    public static Initializer initialiser(String name, double sigma) {
        return name.equals("normal") ? Initializer.normal(sigma) : Initializer.byName(name);
    }

    /**
     * @param init    the weights' initialiser
     * @param f       the hidden activation (tanh, sigmoid, relu, …)
     * @param layers  how many dense layers
     * @param width   units per layer (and inputs)
     * @param samples the batch size
     * @param seed    one seed for the inputs, targets and weights
     */
    public static List<LayerStats> run(Initializer init, Activation f, int layers, int width, int samples,
                                       long seed) {
        Rng rng = new Rng(seed);
        Variable h = Variable.constant(Tensor.normal(rng, 0f, 1f, samples, width), "x");
        List<Variable> weights = new ArrayList<>();
        List<Variable> outputs = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            Tensor w = Tensor.zeros(width, width);
            init.fill(w, FanInOut.dense(width, width), rng);
            Variable wv = Variable.parameter(w, "layer" + (l + 1) + "/kernel");
            weights.add(wv);
            h = f.apply(h.matMul(wv), f.defaultAlpha());
            outputs.add(h);
        }
        Variable targets = Variable.constant(Tensor.normal(rng, 0f, 1f, samples, width), "y");
        Losses.byName("mse").compute(h, targets).backward();
        List<LayerStats> stats = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            Tensor grad = weights.get(l).grad();
            stats.add(new LayerStats(outputs.get(l).value().toArray(),
                    grad == null ? new float[width * width] : grad.toArray()));
        }
        return stats;
    }
}
