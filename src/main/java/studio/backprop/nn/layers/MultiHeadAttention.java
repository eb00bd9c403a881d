package studio.backprop.nn.layers;

import java.util.List;
import java.util.function.Function;
import studio.backprop.autograd.SequenceOps;
import studio.backprop.autograd.Variable;
import studio.backprop.nn.LayerShapeException;
import studio.backprop.nn.init.Initializer;

/**
 * Multi-head self-attention over a sequence X (T, D): head h attends with its own projections
 * Q_h = X·W^Q_h, K_h = X·W^K_h, V_h = X·W^V_h (each D → key_dim), the heads' results are concatenated
 * (T, heads·key_dim) and projected back to D by W^O. W^Q, W^K, W^V are stored as (D, heads·key_dim), head h in
 * columns [h·key_dim, (h+1)·key_dim); W^O as (heads·key_dim, D). The weights node is (N, heads, T, T).
 */
public final class MultiHeadAttention extends AbstractLayer {

    static final List<String> ROLES = List.of("query_kernel", "key_kernel", "value_kernel", "output_kernel");

    private final int heads;
    private final int keyDim;
    private final boolean causal;

    public MultiHeadAttention(String name, int heads, int keyDim, boolean causal) {
        super(name);
        if (heads < 1 || keyDim < 1) {
            throw new LayerShapeException(name, "MultiHeadAttention '" + name + "' needs at least 1 head and "
                    + "key_dim 1, got " + heads + " and " + keyDim);
        }
        this.heads = heads;
        this.keyDim = keyDim;
        this.causal = causal;
    }

    @Override
    public String type() {
        return "MultiHeadAttention";
    }

    @Override
    public int[] outputShape(List<int[]> inputShapes) {
        return SequenceShapes.sequence(this, inputShapes).clone();
    }

    @Override
    public List<ParamSpec> parameterSpecs(List<int[]> inputShapes) {
        return specs(SequenceShapes.sequence(this, inputShapes)[1], heads, keyDim);
    }

    static List<ParamSpec> specs(int width, int heads, int keyDim) {
        int inner = heads * keyDim;
        return List.of(new ParamSpec(ROLES.get(0), new int[] {width, inner}, true, Initializer.glorotUniform()),
                new ParamSpec(ROLES.get(1), new int[] {width, inner}, true, Initializer.glorotUniform()),
                new ParamSpec(ROLES.get(2), new int[] {width, inner}, true, Initializer.glorotUniform()),
                new ParamSpec(ROLES.get(3), new int[] {inner, width}, true, Initializer.glorotUniform()));
    }

    @Override
    public Variable forward(List<Variable> inputs, ForwardContext context) {
        return attend(inputs.get(0), heads, keyDim, causal, this::param, name()).named(name() + "/out");
    }

    /** The computation, shared with the transformer block: x (N, T, D) → (N, T, D). */
    static Variable attend(Variable x, int heads, int keyDim, boolean causal, Function<String, Variable> param,
                           String label) {
        int n = x.shape()[0];
        int t = x.shape()[1];
        Variable q = split(SequenceOps.everyStep(x, param.apply(ROLES.get(0))), n, t, heads, keyDim)
                .named(label + "/Q");
        Variable k = split(SequenceOps.everyStep(x, param.apply(ROLES.get(1))), n, t, heads, keyDim)
                .named(label + "/K");
        Variable v = split(SequenceOps.everyStep(x, param.apply(ROLES.get(2))), n, t, heads, keyDim)
                .named(label + "/V");
        Variable context = Attention.scaledDotProduct(q, k, v, causal, label);
        Variable joined = context.permute(0, 2, 1, 3).reshape(n, t, heads * keyDim).named(label + "/heads");
        return SequenceOps.everyStep(joined, param.apply(ROLES.get(3)));
    }

    /** (N, T, heads·key_dim) → (N, heads, T, key_dim). */
    private static Variable split(Variable projected, int n, int t, int heads, int keyDim) {
        return projected.reshape(n, t, heads, keyDim).permute(0, 2, 1, 3);
    }

    @Override
    public String describe() {
        return heads + (heads == 1 ? " head" : " heads") + " of " + keyDim + (causal ? ", causal" : "");
    }
}
