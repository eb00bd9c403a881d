package studio.backprop.nn.layers;

import java.util.List;
import studio.backprop.autograd.Variable;
import studio.backprop.nn.LayerShapeException;
import studio.backprop.nn.generative.LatentTerms;

/**
 * Passes its input on unchanged and, in training, adds β·Σⱼ KL(ρ ‖ ρ̂ⱼ) to the loss, where ρ̂ⱼ is unit j's mean
 * activation over the batch: the sparse autoencoder's penalty, which pushes each code unit to be active for only
 * a fraction ρ of the samples. It reads a layer whose values lie in (0, 1), a sigmoid code.
 */
public final class SparsityPenalty extends AbstractLayer {

    private final double target;
    private final float weight;

    /**
     * @param target ρ, the wanted mean activation, in (0, 1)
     * @param weight β, the penalty's weight in the loss
     */
    public SparsityPenalty(String name, double target, float weight) {
        super(name);
        if (!(target > 0 && target < 1)) {
            throw new LayerShapeException(name, "SparsityPenalty '" + name + "': target must be in (0, 1), got "
                    + target);
        }
        if (!(weight >= 0f && Float.isFinite(weight))) {
            throw new LayerShapeException(name, "SparsityPenalty '" + name + "': weight must be 0 or more, got "
                    + weight);
        }
        this.target = target;
        this.weight = weight;
    }

    @Override
    public String type() {
        return "SparsityPenalty";
    }

    @Override
    public int[] outputShape(List<int[]> inputShapes) {
        return single(inputShapes, 1, "a vector of activations (a Dense code layer)").clone();
    }

    @Override
    public List<ParamSpec> parameterSpecs(List<int[]> inputShapes) {
        return List.of();
    }

    @Override
    public Variable forward(List<Variable> inputs, ForwardContext context) {
        Variable a = inputs.get(0);
        if (context.training() && weight > 0f) {
            context.addLossTerm(LatentTerms.sparsityKl(a, target).mul(weight).named(name() + "/sparsity"));
        }
        return a.affine(1f, 0f); // a node of its own, so the code layer keeps its name in records
    }

    @Override
    public String describe() {
        return "ρ " + target + ", β " + weight;
    }
}
