package studio.backprop.nn.layers;

import java.util.ArrayList;
import java.util.List;
import studio.backprop.autograd.SequenceOps;
import studio.backprop.autograd.Variable;
import studio.backprop.nn.LayerShapeException;
import studio.backprop.nn.init.Initializer;

/**
 * One transformer encoder block over a sequence X (T, D), "add & norm" after each part (post-norm):
 * <pre>
 *   A = MultiHeadAttention(X)             Y = LayerNorm₁(X + A)
 *   F = ReLU(Y·W₁ + b₁)·W₂ + b₂            out = LayerNorm₂(Y + F)
 * </pre>
 * W₁ is (D, ff_units), W₂ (ff_units, D); the output keeps the shape (T, D), so blocks stack.
 */
public final class TransformerEncoderBlock extends AbstractLayer {

    private final int heads;
    private final int keyDim;
    private final int feedForward;
    private final boolean causal;
    private final float epsilon;

    public TransformerEncoderBlock(String name, int heads, int keyDim, int feedForward, boolean causal,
                                   double epsilon) {
        super(name);
        if (heads < 1 || keyDim < 1 || feedForward < 1) {
            throw new LayerShapeException(name, "TransformerEncoderBlock '" + name + "' needs heads, key_dim and "
                    + "ff_units of at least 1, got " + heads + ", " + keyDim + " and " + feedForward);
        }
        this.heads = heads;
        this.keyDim = keyDim;
        this.feedForward = feedForward;
        this.causal = causal;
        this.epsilon = (float) epsilon;
    }

    @Override
    public String type() {
        return "TransformerEncoderBlock";
    }

    @Override
    public int[] outputShape(List<int[]> inputShapes) {
        return SequenceShapes.sequence(this, inputShapes).clone();
    }

    @Override
    public List<ParamSpec> parameterSpecs(List<int[]> inputShapes) {
        int d = SequenceShapes.sequence(this, inputShapes)[1];
        List<ParamSpec> specs = new ArrayList<>(MultiHeadAttention.specs(d, heads, keyDim));
        specs.add(new ParamSpec("norm1_gamma", new int[] {d}, true, Initializer.constant(1)));
        specs.add(new ParamSpec("norm1_beta", new int[] {d}, true, Initializer.zeros()));
        specs.add(new ParamSpec("ff1_kernel", new int[] {d, feedForward}, true, Initializer.heUniform()));
        specs.add(new ParamSpec("ff1_bias", new int[] {feedForward}, true, Initializer.zeros()));
        specs.add(new ParamSpec("ff2_kernel", new int[] {feedForward, d}, true, Initializer.glorotUniform()));
        specs.add(new ParamSpec("ff2_bias", new int[] {d}, true, Initializer.zeros()));
        specs.add(new ParamSpec("norm2_gamma", new int[] {d}, true, Initializer.constant(1)));
        specs.add(new ParamSpec("norm2_beta", new int[] {d}, true, Initializer.zeros()));
        return specs;
    }

    @Override
    public Variable forward(List<Variable> inputs, ForwardContext context) {
        Variable x = inputs.get(0);
        String label = name() + "/attention";
        Variable attended = MultiHeadAttention.attend(x, heads, keyDim, causal, this::param, label);
        Variable y = SequenceOps.layerNorm(x.add(attended), param("norm1_gamma"), param("norm1_beta"), epsilon)
                .named(name() + "/add_norm1");
        Variable hidden = SequenceOps.everyStep(y, param("ff1_kernel")).add(param("ff1_bias")).relu()
                .named(name() + "/feed_forward");
        Variable f = SequenceOps.everyStep(hidden, param("ff2_kernel")).add(param("ff2_bias"));
        return SequenceOps.layerNorm(y.add(f), param("norm2_gamma"), param("norm2_beta"), epsilon)
                .named(name() + "/out");
    }

    @Override
    public String describe() {
        return heads + (heads == 1 ? " head" : " heads") + " of " + keyDim + ", feed-forward " + feedForward
                + (causal ? ", causal" : "");
    }
}
