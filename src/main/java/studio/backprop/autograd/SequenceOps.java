package studio.backprop.autograd;

import studio.backprop.autograd.ops.Gather;
import studio.backprop.autograd.ops.LayerNormOp;
import studio.backprop.autograd.ops.MaskFill;
import studio.backprop.tensor.Tensor;

/**
 * The ops sequence models add to the graph, as functions of variables: embedding lookup, masking, layer
 * normalisation, and the time-axis helpers built from slice, reshape and concat. Sequences are batched as
 * (N, T, features): batch first, then time.
 */
public final class SequenceOps {

    /** What masked attention scores become: exp of it is 0 in float, so masked positions get no weight. */
    public static final float MASKED_SCORE = -1e9f;

    private SequenceOps() {
    }

    /** Rows of {@code table} (V, D) picked by whole-number {@code ids} of shape S: the result is S + (D). */
    public static Variable embed(Variable table, Variable ids) {
        return Variable.apply(new Gather(), table, ids);
    }

    /** {@code x} where {@code mask} (x's trailing shape) is non-zero, {@code fill} elsewhere. */
    public static Variable mask(Variable x, Tensor mask, float fill) {
        return Variable.apply(new MaskFill(fill), x, Variable.constant(mask, "mask"));
    }

    /** Layer normalisation of the last axis with scale γ and shift β (both of the last axis' length). */
    public static Variable layerNorm(Variable x, Variable gamma, Variable beta, float epsilon) {
        return Variable.apply(new LayerNormOp(epsilon), x, gamma, beta);
    }

    /** Step t of a batched sequence (N, T, F): a matrix (N, F). */
    public static Variable step(Variable sequence, int t) {
        int[] s = sequence.shape();
        return sequence.slice(1, t, t + 1).reshape(s[0], s[2]);
    }

    /** Stacks per-step matrices (N, F), in time order, into a sequence (N, T, F). */
    public static Variable stack(Variable... steps) {
        Variable[] parts = new Variable[steps.length];
        for (int i = 0; i < steps.length; i++) {
            int[] s = steps[i].shape();
            parts[i] = steps[i].reshape(s[0], 1, s[1]);
        }
        return parts.length == 1 ? parts[0] : Variable.concat(1, parts);
    }

    /** Applies a matrix (F, U) to every step of (N, T, F) at once: (N·T, F)·W reshaped to (N, T, U). */
    public static Variable everyStep(Variable sequence, Variable weights) {
        int[] s = sequence.shape();
        return sequence.reshape(s[0] * s[1], s[2]).matMul(weights).reshape(s[0], s[1], weights.shape()[1]);
    }
}
