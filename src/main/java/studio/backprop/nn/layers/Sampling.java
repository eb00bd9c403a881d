package studio.backprop.nn.layers;

import java.util.List;
import studio.backprop.autograd.Variable;
import studio.backprop.autograd.ops.NormalNoise;
import studio.backprop.nn.LayerShapeException;
import studio.backprop.nn.generative.LatentTerms;
import studio.backprop.tensor.Shapes;

/**
 * The VAE's sampling step. It reads two layers of the same width d, μ (first input) and log σ² (second), and gives
 * the code z (d values): in training z = μ + σ·ε with ε ~ N(0, 1) from the run's seed (the reparameterisation),
 * and β·KL(N(μ, σ²) ‖ N(0, I)) (per sample, averaged over the batch) joins the loss beside the reconstruction; at
 * inference z = μ.
 */
public final class Sampling extends AbstractLayer {

    private final float klWeight;

    /** @param klWeight β, the weight of the KL term in the loss (0 turns the VAE into a noisy autoencoder) */
    public Sampling(String name, float klWeight) {
        super(name);
        if (!(klWeight >= 0f && Float.isFinite(klWeight))) {
            throw new LayerShapeException(name, "Sampling '" + name + "': kl_weight must be 0 or more, got "
                    + klWeight);
        }
        this.klWeight = klWeight;
    }

    public float klWeight() {
        return klWeight;
    }

    @Override
    public String type() {
        return "Sampling";
    }

    @Override
    public int minInputs() {
        return 2;
    }

    @Override
    public int maxInputs() {
        return 2;
    }

    @Override
    public int[] outputShape(List<int[]> inputShapes) {
        int[] mu = inputShapes.get(0);
        int[] logVar = inputShapes.get(1);
        if (mu.length != 1 || !java.util.Arrays.equals(mu, logVar)) {
            throw new LayerShapeException(name(), "Sampling '" + name() + "' reads μ and then log σ², two vectors of "
                    + "the same length; got " + Shapes.str(mu) + " and " + Shapes.str(logVar)
                    + ". Give both Dense layers the same number of units (the latent size)");
        }
        return mu.clone();
    }

    @Override
    public List<ParamSpec> parameterSpecs(List<int[]> inputShapes) {
        return List.of();
    }

    @Override
    public Variable forward(List<Variable> inputs, ForwardContext context) {
        Variable mu = inputs.get(0);
        Variable logVar = inputs.get(1);
        if (!context.training()) {
            return mu.affine(1f, 0f);
        }
        if (klWeight > 0f) {
            context.addLossTerm(LatentTerms.klToStandardNormal(mu, logVar).mul(klWeight).named(name() + "/kl"));
        }
        Variable eps = Variable.apply(new NormalNoise(context.rng()), mu);
        return LatentTerms.reparameterise(mu, logVar, eps);
    }

    @Override
    public String describe() {
        return "z = μ + σ·ε, KL weight " + klWeight;
    }
}
