package studio.backprop.nn.layers;

import java.util.List;
import studio.backprop.autograd.Variable;

/**
 * Parameter-free self-attention: every step of the sequence X (T, D) is query, key and value at once,
 * Y = softmax(X·Xᵀ/√D)·X, optionally causal. It learns nothing itself; what it shows is how attention mixes the
 * steps by their similarity.
 */
public final class SelfAttention extends AbstractLayer {

    private final boolean causal;

    public SelfAttention(String name, boolean causal) {
        super(name);
        this.causal = causal;
    }

    @Override
    public String type() {
        return "SelfAttention";
    }

    @Override
    public int[] outputShape(List<int[]> inputShapes) {
        return SequenceShapes.sequence(this, inputShapes).clone();
    }

    @Override
    public List<ParamSpec> parameterSpecs(List<int[]> inputShapes) {
        return List.of();
    }

    @Override
    public Variable forward(List<Variable> inputs, ForwardContext context) {
        Variable x = inputs.get(0);
        return Attention.scaledDotProduct(x, x, x, causal, name()).named(name() + "/out");
    }

    @Override
    public String describe() {
        return "no parameters" + (causal ? ", causal" : "");
    }
}
