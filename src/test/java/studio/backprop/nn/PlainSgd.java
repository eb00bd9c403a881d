package studio.backprop.nn;

import java.util.List;
import studio.backprop.autograd.Variable;
import studio.backprop.nn.layers.ForwardContext;
import studio.backprop.tensor.Tensor;

/** The smallest trainer the layer tests need: full-batch steps of w ← w − η·∂L/∂w. */
public final class PlainSgd {

    private PlainSgd() {
    }

    /** One update of every trainable parameter from the gradients of the last backward pass. */
    public static void step(List<Parameter> params, float learningRate) {
        for (Parameter p : params) {
            if (p.grad() == null) {
                continue;
            }
            float[] w = p.value().buffer();
            float[] g = p.grad().buffer();
            for (int i = 0; i < w.length; i++) {
                w[i] -= learningRate * g[i];
            }
        }
    }

    /** Logits of a batch in inference mode, as a plain tensor. */
    public static Tensor predict(Network network, Tensor batch) {
        return network.forward(Variable.constant(batch, "x"), ForwardContext.inference()).value();
    }

    /** Fraction of rows whose largest logit is at the labelled class. */
    public static double accuracy(Tensor logits, int[] labels) {
        Tensor predicted = logits.argMax(1);
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            if ((int) predicted.get(i) == labels[i]) {
                correct++;
            }
        }
        return correct / (double) labels.length;
    }

    /** One-hot rows (N, classes) for integer labels. */
    public static Tensor oneHot(int[] labels, int classes) {
        Tensor t = Tensor.zeros(labels.length, classes);
        for (int i = 0; i < labels.length; i++) {
            t.set(1f, i, labels[i]);
        }
        return t;
    }
}
