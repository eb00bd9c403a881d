package studio.backprop.nn.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.backprop.autograd.Variable;
import studio.backprop.nn.Activation;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;

/** The course's small worked examples, recomputed here by hand from their definitions. */
class SequenceHandComputationTest {

    private static final ForwardContext INFERENCE = ForwardContext.inference();

    /**
     * One hidden unit with a sigmoid state and a linear output, over three steps:
     * h_t = σ(w_x·x_t + w_h·h_{t−1} + b), h_0 = 0, y_t = w_y·h_t + c.
     */
    @Test
    void theClassicRnnForwardPassOverThreeSteps() {
        double wx = 0.5;
        double wh = -1.0;
        double b = 0.1;
        double wy = 2.0;
        double c = -0.5;
        double[] x = {1.0, 0.0, -1.0};

        Recurrent rnn = new Recurrent("rnn", new SimpleRnnCell(1, Activation.SIGMOID, true), true);
        rnn.build(List.of(new int[] {3, 1}), new Rng(0));
        rnn.setWeights("kernel", Tensor.of(new float[] {(float) wx}, 1, 1));
        rnn.setWeights("recurrent_kernel", Tensor.of(new float[] {(float) wh}, 1, 1));
        rnn.setWeights("bias", Tensor.vector((float) b));
        TimeDistributedDense out = new TimeDistributedDense("out", 1, Activation.LINEAR, true);
        out.build(List.of(new int[] {3, 1}), new Rng(0));
        out.setWeights("kernel", Tensor.of(new float[] {(float) wy}, 1, 1));
        out.setWeights("bias", Tensor.vector((float) c));

        Variable input = Variable.constant(Tensor.of(new float[] {1f, 0f, -1f}, 1, 3, 1));
        Variable states = rnn.forward(List.of(input), INFERENCE);
        Variable y = out.forward(List.of(states), INFERENCE);

        // By hand: h1 = σ(0.5·1 − 1·0 + 0.1) = σ(0.6); h2 = σ(0 − h1 + 0.1); h3 = σ(−0.5 − h2 + 0.1).
        double h1 = sigmoid(wx * x[0] + wh * 0 + b);
        double h2 = sigmoid(wx * x[1] + wh * h1 + b);
        double h3 = sigmoid(wx * x[2] + wh * h2 + b);
        assertEquals(0.645656, h1, 1e-6);
        double[] h = {h1, h2, h3};
        for (int t = 0; t < 3; t++) {
            assertEquals(h[t], states.value().get(0, t, 0), 1e-6);
            assertEquals(wy * h[t] + c, y.value().get(0, t, 0), 1e-6);
        }
    }

    /** Parameter-free self-attention on X (3×2): row i of the output is Σ_j softmax_j(x_i·x_j/√2)·x_j. */
    @Test
    void selfAttentionOnThreeByTwo() {
        double[][] x = {{1, 0}, {0, 1}, {1, 1}};
        for (boolean causal : new boolean[] {false, true}) {
            Variable out = new SelfAttention("sa", causal).forward(List.of(Variable.constant(Tensor.of(
                    new float[] {1, 0, 0, 1, 1, 1}, 1, 3, 2))), INFERENCE);
            for (int i = 0; i < 3; i++) {
                int seen = causal ? i + 1 : 3;
                double[] e = new double[seen];
                double total = 0;
                for (int j = 0; j < seen; j++) {
                    e[j] = Math.exp((x[i][0] * x[j][0] + x[i][1] * x[j][1]) / Math.sqrt(2));
                    total += e[j];
                }
                for (int k = 0; k < 2; k++) {
                    double expected = 0;
                    for (int j = 0; j < seen; j++) {
                        expected += e[j] / total * x[j][k];
                    }
                    assertEquals(expected, out.value().get(0, i, k), 1e-6, "causal " + causal + " row " + i);
                }
            }
        }
        // Row 0 by hand, not causal: scores (1, 0, 1)/√2, weights (e^a, 1, e^a)/(2e^a + 1) with a = 1/√2.
        double a = Math.exp(1 / Math.sqrt(2));
        Variable out = new SelfAttention("sa", false).forward(List.of(Variable.constant(Tensor.of(
                new float[] {1, 0, 0, 1, 1, 1}, 1, 3, 2))), INFERENCE);
        assertEquals(2 * a / (2 * a + 1), out.value().get(0, 0, 0), 1e-6);
        assertEquals((1 + a) / (2 * a + 1), out.value().get(0, 0, 1), 1e-6);
    }

    /** Scaled dot-product attention with distinct Q, K, V (3×2 each), every weight row summing to 1. */
    @Test
    void scaledDotProductAttentionWithSeparateQueriesKeysAndValues() {
        float[] q = {1, 2, 0, 1, -1, 0};
        float[] k = {0, 1, 1, 0, 1, 1};
        float[] v = {1, 2, 3, 4, 5, 6};
        Variable context = Attention.scaledDotProduct(c(q), c(k), c(v), false, "att");
        for (int i = 0; i < 3; i++) {
            double[] s = new double[3];
            double total = 0;
            for (int j = 0; j < 3; j++) {
                s[j] = Math.exp((q[2 * i] * k[2 * j] + q[2 * i + 1] * k[2 * j + 1]) / Math.sqrt(2));
                total += s[j];
            }
            for (int col = 0; col < 2; col++) {
                double expected = 0;
                for (int j = 0; j < 3; j++) {
                    expected += s[j] / total * v[2 * j + col];
                }
                assertEquals(expected, context.value().get(0, i, col), 1e-5);
            }
        }
    }

    /** d = 2: PE(pos) = (sin(pos), cos(pos)); binary: (bit 0, bit 1) of pos. */
    @Test
    void positionalEncodingsOnThreeByTwo() {
        Tensor sinusoidal = PositionalEncoding.table(PositionalEncoding.Kind.SINUSOIDAL, 3, 2);
        for (int pos = 0; pos < 3; pos++) {
            assertEquals(Math.sin(pos), sinusoidal.get(pos, 0), 1e-6);
            assertEquals(Math.cos(pos), sinusoidal.get(pos, 1), 1e-6);
        }
        Tensor binary = PositionalEncoding.table(PositionalEncoding.Kind.BINARY, 3, 2);
        assertEquals(Tensor.of(new float[] {0, 0, 1, 0, 0, 1}, 3, 2).toString(), binary.toString());
        // Wider codes slow down: column 2 of a 4-wide code is sin(pos/10000^(2/4)) = sin(pos/100).
        assertEquals(Math.sin(2 / 100.0), PositionalEncoding.table(PositionalEncoding.Kind.SINUSOIDAL, 3, 4)
                .get(2, 2), 1e-6);
        Variable added = new PositionalEncoding("pe", PositionalEncoding.Kind.SINUSOIDAL).forward(List.of(
                Variable.constant(Tensor.ones(1, 3, 2))), INFERENCE);
        assertEquals(1 + Math.cos(2), added.value().get(0, 2, 1), 1e-6);
    }

    private static Variable c(float[] values) {
        return Variable.constant(Tensor.of(values.clone(), 1, 3, 2));
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
