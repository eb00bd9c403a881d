package studio.backprop.nn.layers;

import studio.backprop.autograd.SequenceOps;
import studio.backprop.autograd.Variable;
import studio.backprop.autograd.ops.MaskFill;

/**
 * Scaled dot-product attention, softmax(Q·Kᵀ/√d_k)·V, for stacks of queries Q (…, T_q, d_k), keys K
 * (…, T_k, d_k) and values V (…, T_k, d_v); the result is (…, T_q, d_v). Row i of the weights says how much
 * query i takes from each value; with the causal mask position i sees only positions j ≤ i.
 *
 * <p>The graph's nodes are named {@code label/scores}, {@code label/weights} and {@code label/context}, so a
 * lesson or a trace can find the attention weights of a step.
 */
public final class Attention {

    private Attention() {
    }

    public static Variable scaledDotProduct(Variable q, Variable k, Variable v, boolean causal, String label) {
        int dk = q.shape()[q.shape().length - 1];
        Variable scores = q.matMul(k.transpose()).mul((float) (1.0 / Math.sqrt(dk))).named(label + "/scores");
        if (causal) {
            int t = scores.shape()[scores.shape().length - 1];
            scores = SequenceOps.mask(scores, MaskFill.causal(t), SequenceOps.MASKED_SCORE)
                    .named(label + "/masked_scores");
        }
        Variable weights = scores.softmax().named(label + "/weights");
        return weights.matMul(v).named(label + "/context");
    }
}
