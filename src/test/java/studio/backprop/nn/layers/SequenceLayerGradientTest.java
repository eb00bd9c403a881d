package studio.backprop.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.backprop.autograd.Variable;
import studio.backprop.nn.Activation;
import studio.backprop.nn.LayerGradCheck;
import studio.backprop.nn.Parameter;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;

/**
 * Backpropagation through time and through attention: every sequence layer's whole forward pass against central
 * finite differences, with respect to its input and its parameters, on a batch of 2 short sequences.
 */
class SequenceLayerGradientTest {

    private static final ForwardContext INFERENCE = ForwardContext.inference();

    @Test
    void simpleRnnTanhLastStepAndSigmoidWithoutBiasEveryStep() {
        assertGradients(new Recurrent("rnn", new SimpleRnnCell(3, Activation.TANH, true), false), 4, 2);
        assertGradients(new Recurrent("rnn", new SimpleRnnCell(2, Activation.SIGMOID, false), true), 3, 2);
    }

    @Test
    void lstmWithAndWithoutPeepholes() {
        assertGradients(new Recurrent("lstm", new LstmCell(3, true, false), true), 3, 2);
        Recurrent peep = new Recurrent("lstm", new LstmCell(2, true, true), false);
        peep.build(List.of(new int[] {3, 2}), new Rng(3));
        for (String role : List.of("peephole_input", "peephole_forget", "peephole_output")) {
            peep.setWeights(role, Tensor.uniform(new Rng(role.length()), -0.5f, 0.5f, 2));
        }
        assertGradients(peep, random(2, 2, 3, 2));
    }

    @Test
    void gruEveryStep() {
        assertGradients(new Recurrent("gru", new GruCell(3, true), true), 3, 2);
    }

    @Test
    void bidirectionalLstmAndRnn() {
        assertGradients(new Bidirectional("bi", new LstmCell(2, true, false), new LstmCell(2, true, false), true),
                3, 2);
        assertGradients(new Bidirectional("bi", new SimpleRnnCell(2, Activation.TANH, true),
                new SimpleRnnCell(2, Activation.TANH, true), false), 3, 2);
    }

    @Test
    void embeddingTableGetsTheGradientOfEveryUse() {
        Embedding e = new Embedding("emb", 5, 3);
        e.build(List.of(new int[] {4}), new Rng(1));
        Tensor ids = Tensor.of(new float[] {1, 4, 1, 0, 2, 2, 3, 1}, 2, 4);
        assertNoFailures(e, LayerGradCheck.failures(v -> e.forward(List.of(v), INFERENCE), ids, e.parameters()));
    }

    @Test
    void timeDistributedDense() {
        assertGradients(new TimeDistributedDense("td", 3, Activation.TANH, true), 3, 4);
    }

    @Test
    void selfAttentionPlainAndCausal() {
        assertGradients(new SelfAttention("sa", false), 3, 2);
        assertGradients(new SelfAttention("sa", true), 4, 3);
    }

    @Test
    void multiHeadAttentionTwoHeads() {
        assertGradients(new MultiHeadAttention("mha", 2, 2, false), 3, 4);
        assertGradients(new MultiHeadAttention("mha", 2, 3, true), 3, 4);
    }

    @Test
    void positionalEncodingsAndLayerNormalization() {
        assertGradients(new PositionalEncoding("pe", PositionalEncoding.Kind.SINUSOIDAL), 3, 4);
        assertGradients(new PositionalEncoding("pe", PositionalEncoding.Kind.BINARY), 3, 4);
        assertGradients(new LayerNormalization("ln", 1e-5), 3, 4);
    }

    @Test
    void transformerEncoderBlock() {
        TransformerEncoderBlock block = new TransformerEncoderBlock("tb", 2, 2, 5, false, 1e-5);
        block.build(List.of(new int[] {3, 4}), new Rng(4));
        // Keep the feed-forward's ReLU away from its kink: positive hidden biases, then a fixed input.
        block.setWeights("ff1_bias", Tensor.full(0.6f, 5));
        assertGradients(block, random(9, 2, 3, 4));
    }

    @Test
    void shapesPerSample() {
        List<int[]> seq = List.of(new int[] {5, 3});
        assertArrayEquals(new int[] {4}, new Recurrent("r", new LstmCell(4, true, false), false).outputShape(seq));
        assertArrayEquals(new int[] {5, 8}, new Bidirectional("b", new GruCell(4, true), new GruCell(4, true), true)
                .outputShape(seq));
        assertArrayEquals(new int[] {7, 6}, new Embedding("e", 10, 6).outputShape(List.of(new int[] {7})));
        assertArrayEquals(new int[] {5, 3}, new TransformerEncoderBlock("t", 2, 4, 8, true, 1e-5).outputShape(seq));
    }

    private static void assertGradients(Layer layer, int steps, int features) {
        layer.build(List.of(new int[] {steps, features}), new Rng(2));
        assertGradients(layer, random(5, 2, steps, features));
    }

    private static void assertGradients(Layer layer, Tensor x) {
        List<Parameter> params = layer.parameters();
        assertNoFailures(layer, LayerGradCheck.failures(v -> layer.forward(List.of(v), INFERENCE), x, params));
        Variable out = layer.forward(List.of(Variable.constant(x, "x")), INFERENCE);
        assertTrue(out.value().size() > 0);
    }

    private static void assertNoFailures(Layer layer, List<String> failures) {
        assertTrue(failures.isEmpty(), layer + ":\n" + String.join("\n", failures.subList(0,
                Math.min(8, failures.size()))));
    }

    private static Tensor random(long seed, int... shape) {
        return Tensor.uniform(new Rng(seed), -1f, 1f, shape);
    }
}
