package studio.backprop.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import studio.backprop.autograd.Tape;
import studio.backprop.autograd.Variable;
import studio.backprop.nn.Network;
import studio.backprop.nn.Parameter;
import studio.backprop.nn.layers.Conv2D;
import studio.backprop.nn.layers.ForwardContext;
import studio.backprop.nn.loss.OutputKind;
import studio.backprop.tensor.Tensor;

/**
 * Why the network chose its class for one input x, computed by the engine's autograd (inference mode):
 * <ul>
 *   <li><b>saliency</b> ∂S_c/∂x, the gradient of the winning class's score S_c (the output unit before any softmax
 *       the loss applies) with respect to every input value, same shape as x;</li>
 *   <li><b>Grad-CAM</b> on the last Conv2D layer with output A (H′, W′, K): weights α_k = (1/H′W′) Σ_ij ∂S_c/∂A_ijk,
 *       map ReLU(Σ_k α_k A_ijk), of shape (H′, W′); null without a convolution;</li>
 *   <li><b>FGSM</b>, the fast gradient sign method: with L the loss of the predicted class c (cross-entropy
 *       −log p_c; for outputs that are not probabilities, L = −S_c), x_adv = x + ε · sign(∂L/∂x), clipped to
 *       [0, 1] when x lies in [0, 1] (image data); and the network's probabilities for x_adv.</li>
 * </ul>
 * The parameters' gradients from the last training step are put back afterwards, so other probes still see them.
 *
 * @param input                    x, flattened (the probe's input without its batch axis of 1)
 * @param predicted                c, the class with the largest probability
 * @param probabilities            softmax of the logits, or the outputs when they already are probabilities
 * @param saliency                 ∂S_c/∂x, as x
 * @param camLayer                 the last Conv2D layer's name, or null
 * @param gradCam                  the Grad-CAM map, H′·W′ values row-major, or null
 * @param lossGradient             ∂L/∂x, as x
 * @param adversarial              x_adv, as x
 * @param adversarialProbabilities the probabilities for x_adv
 */
public record InputAttribution(float[] input, int predicted, float[] probabilities, float[] saliency,
                               String camLayer, int camHeight, int camWidth, float[] gradCam, float[] lossGradient,
                               double epsilon, float[] adversarial, float[] adversarialProbabilities,
                               int adversarialPredicted) {

    /**
     * Computes the attribution of {@code input} (a batch of one, (1, …input shape)).
     *
     * @throws IllegalArgumentException in words when the input is not a batch of one or ε is negative
     */
    public static InputAttribution of(Network network, OutputKind kind, Tensor input, double epsilon) {
        if (input.rank() == 0 || input.dim(0) != 1) {
            throw new IllegalArgumentException("an attribution explains one input: give a batch of 1, not "
                    + (input.rank() == 0 ? "a scalar" : input.dim(0) + " inputs"));
        }
        if (!(epsilon >= 0)) {
            throw new IllegalArgumentException("the FGSM step ε must be 0 or more, got " + epsilon);
        }
        List<float[]> saved = saveGradients(network);
        try {
            Variable x = Variable.parameter(input.copy(), Network.INPUT);
            Map<String, Variable> values = network.forwardAll(x, ForwardContext.inference());
            Variable out = values.get(network.nodes().get(network.nodes().size() - 1).name());
            float[] scores = out.value().contiguous().toArray();
            float[] p = probabilities(kind, scores);
            int c = argMax(p);
            Tape tape = Tape.record(out);
            tape.backward(Tensor.of(oneHot(scores.length, c, 1f), out.shape()));
            float[] saliency = x.grad().toArray();
            String cam = lastConv(network);
            float[] gradCam = null;
            int[] camShape = {0, 0};
            if (cam != null) {
                Variable a = values.get(cam);
                camShape = new int[] {a.shape()[1], a.shape()[2]};
                gradCam = gradCam(a.value().toArray(), a.grad().toArray(), a.shape()[1], a.shape()[2], a.shape()[3]);
            }
            tape.backward(Tensor.of(lossSeed(kind, p, c), out.shape()));
            float[] lossGradient = x.grad().toArray();
            float[] xs = input.contiguous().toArray();
            float[] adv = fgsm(xs, lossGradient, epsilon);
            float[] advScores = network.forward(Variable.constant(Tensor.of(adv, input.shape())),
                    ForwardContext.inference()).value().toArray();
            float[] advP = probabilities(kind, advScores);
            return new InputAttribution(xs, c, p, saliency, cam, camShape[0], camShape[1], gradCam, lossGradient,
                    epsilon, adv, advP, argMax(advP));
        } finally {
            restoreGradients(network, saved);
        }
    }

    /** x + ε·sign(g), clipped to [0, 1] when every x lies in [0, 1]. */
    static float[] fgsm(float[] x, float[] g, double epsilon) {
        boolean unit = true;
        for (float v : x) {
            unit &= v >= 0 && v <= 1;
        }
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            double v = x[i] + epsilon * Math.signum(g[i]);
            out[i] = (float) (unit ? Math.max(0, Math.min(1, v)) : v);
        }
        return out;
    }

    /** ReLU(Σ_k α_k A_ijk) with α_k the mean of ∂S/∂A over positions; A and dA are (H, W, K) row-major. */
    static float[] gradCam(float[] a, float[] da, int h, int w, int k) {
        double[] alpha = new double[k];
        for (int i = 0; i < h * w; i++) {
            for (int c = 0; c < k; c++) {
                alpha[c] += da[i * k + c];
            }
        }
        float[] cam = new float[h * w];
        for (int i = 0; i < h * w; i++) {
            double s = 0;
            for (int c = 0; c < k; c++) {
                s += alpha[c] / (h * w) * a[i * k + c];
            }
            cam[i] = (float) Math.max(0, s);
        }
        return cam;
    }

    /** ∂L/∂(outputs) for L the loss of class c: p − onehot(c) for logits, −1/p_c at c for probabilities, else −1. */
    private static float[] lossSeed(OutputKind kind, float[] p, int c) {
        if (kind == OutputKind.LOGIT) {
            float[] seed = p.clone();
            seed[c] -= 1;
            return seed;
        }
        if (kind == OutputKind.PROBABILITY) {
            return oneHot(p.length, c, (float) (-1 / Math.max(1e-12, p[c])));
        }
        return oneHot(p.length, c, -1f);
    }

    static float[] probabilities(OutputKind kind, float[] scores) {
        if (kind != OutputKind.LOGIT) {
            return scores.clone();
        }
        double max = Double.NEGATIVE_INFINITY;
        for (float v : scores) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (float v : scores) {
            sum += Math.exp(v - max);
        }
        float[] p = new float[scores.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) (Math.exp(scores[i] - max) / sum);
        }
        return p;
    }

    private static float[] oneHot(int n, int c, float value) {
        float[] v = new float[n];
        v[c] = value;
        return v;
    }

    static int argMax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    private static String lastConv(Network network) {
        String name = null;
        for (Network.Node n : network.nodes()) {
            if (n.layer() instanceof Conv2D) {
                name = n.name();
            }
        }
        return name;
    }

    private static List<float[]> saveGradients(Network network) {
        List<float[]> out = new ArrayList<>();
        for (Parameter p : network.parameters()) {
            out.add(p.grad() == null ? null : p.grad().toArray());
        }
        return out;
    }

    private static void restoreGradients(Network network, List<float[]> saved) {
        List<Parameter> params = network.parameters();
        for (int i = 0; i < params.size(); i++) {
            Tensor g = params.get(i).grad();
            if (g != null) {
                float[] before = saved.get(i);
                if (before == null) {
                    java.util.Arrays.fill(g.buffer(), 0f);
                } else {
                    System.arraycopy(before, 0, g.buffer(), 0, before.length);
                }
            }
        }
    }
}
