package studio.backprop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import studio.backprop.autograd.Variable;
import studio.backprop.nn.Activation;
import studio.backprop.nn.Network;
import studio.backprop.nn.layers.Conv2D;
import studio.backprop.nn.layers.Dense;
import studio.backprop.nn.layers.Flatten;
import studio.backprop.nn.layers.ForwardContext;
import studio.backprop.nn.layers.Padding;
import studio.backprop.nn.loss.OutputKind;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;

/** Saliency against finite differences, Grad-CAM and FGSM against hand computations. */
class InputAttributionTest {

    @Test
    void saliencyIsTheGradientOfTheWinningScoreByCentralDifferences() {
        Network net = Network.builder(6, 6, 1)
                .add(new Conv2D("c", 2, 3, 1, Padding.VALID, Activation.TANH))
                .add(new Flatten("flat"))
                .add(new Dense("out", 3, Activation.LINEAR))
                .build();
        net.build(new Rng(3));
        Tensor x = Tensor.uniform(new Rng(5), 0, 1, 1, 6, 6, 1);
        InputAttribution a = InputAttribution.of(net, OutputKind.LOGIT, x, 0.1);
        float[] xs = x.toArray();
        double h = 1e-2;
        for (int i = 0; i < xs.length; i++) {
            float[] plus = xs.clone();
            float[] minus = xs.clone();
            plus[i] += (float) h;
            minus[i] -= (float) h;
            double numeric = (score(net, plus, a.predicted()) - score(net, minus, a.predicted())) / (2 * h);
            assertEquals(numeric, a.saliency()[i], 2e-3 + 2e-2 * Math.abs(numeric), "∂S/∂x at input " + i);
        }
        assertEquals("c", a.camLayer());
        assertEquals(4, a.camHeight());
        assertNotNull(a.gradCam());
    }

    @Test
    void gradCamWeighsChannelsByTheirMeanGradient() {
        // A (1×2×2): position 0 holds (1, 2), position 1 holds (3, 4); ∂S/∂A: (1, −1) and (3, 1)
        // α = ((1 + 3)/2, (−1 + 1)/2) = (2, 0); map = ReLU(2·1 + 0·2, 2·3 + 0·4) = (2, 6)
        assertArrayEquals(new float[] {2, 6}, InputAttribution.gradCam(new float[] {1, 2, 3, 4},
                new float[] {1, -1, 3, 1}, 1, 2, 2), 1e-6f);
        assertArrayEquals(new float[] {0, 0}, InputAttribution.gradCam(new float[] {1, 2, 3, 4},
                new float[] {-1, 0, -1, 0}, 1, 2, 2), 1e-6f, "negative evidence is cut by the ReLU");
    }

    @Test
    void fgsmStepsAlongTheSignOfTheLossGradientAndFlipsAHandWorkedPrediction() {
        // z = xW with W = [[1, −1], [−1, 1]]; x = (0.6, 0.2): z = (0.4, −0.4), class 0 wins with p₀ = σ(0.8)
        // ∂L/∂z = p − onehot(0) = (−0.31003, 0.31003); ∂L/∂x = W·∂L/∂z = (−0.62006, 0.62006), sign (−1, +1)
        // ε = 0.25: x_adv = (0.35, 0.45), z = (−0.1, 0.1): class 1 wins with p₁ = σ(0.2) = 0.549834
        Network net = Network.builder(2).add(new Dense("out", 2, Activation.LINEAR)).build();
        net.build(new Rng(1));
        System.arraycopy(new float[] {1, -1, -1, 1}, 0, net.parameters().get(0).value().buffer(), 0, 4);
        java.util.Arrays.fill(net.parameters().get(1).value().buffer(), 0f);
        InputAttribution a = InputAttribution.of(net, OutputKind.LOGIT, Tensor.of(new float[] {0.6f, 0.2f}, 1, 2),
                0.25);
        assertEquals(0, a.predicted());
        assertEquals(0.689974, a.probabilities()[0], 1e-5);
        assertArrayEquals(new float[] {-0.620051f, 0.620051f}, a.lossGradient(), 1e-5f);
        assertArrayEquals(new float[] {0.35f, 0.45f}, a.adversarial(), 1e-6f);
        assertEquals(1, a.adversarialPredicted());
        assertEquals(0.549834, a.adversarialProbabilities()[1], 1e-5);
        assertArrayEquals(new float[] {1, -1}, a.saliency(), 1e-6f, "∂z₀/∂x is W's first column");
        assertNull(a.gradCam(), "no convolution, no Grad-CAM");
        assertArrayEquals(new float[] {0, 1}, InputAttribution.fgsm(new float[] {0.1f, 0.9f}, new float[] {-1, 1},
                0.5), "clipped to [0, 1] for image data");
    }

    @Test
    void theLastStepsGradientsArePutBackAndBadRequestsAreRefusedInWords() {
        Network net = Network.builder(2).add(new Dense("out", 2, Activation.LINEAR)).build();
        net.build(new Rng(1));
        Tensor one = Tensor.of(new float[] {0.5f, 0.5f}, 1, 2);
        InputAttribution.of(net, OutputKind.LOGIT, one, 0.1);
        java.util.Arrays.fill(net.parameters().get(0).grad().buffer(), 7f);
        InputAttribution.of(net, OutputKind.LOGIT, one, 0.1);
        assertEquals(7f, net.parameters().get(0).grad().buffer()[2]);
        IllegalArgumentException two = assertThrows(IllegalArgumentException.class, () -> InputAttribution.of(net,
                OutputKind.LOGIT, Tensor.zeros(2, 2), 0.1));
        assertEquals("an attribution explains one input: give a batch of 1, not 2 inputs", two.getMessage());
        assertThrows(IllegalArgumentException.class, () -> InputAttribution.of(net, OutputKind.LOGIT, one, -1));
    }

    private static double score(Network net, float[] x, int c) {
        return net.forward(Variable.constant(Tensor.of(x, 1, 6, 6, 1)), ForwardContext.inference()).value()
                .toArray()[c];
    }
}
