package studio.backprop.spec;

import static studio.backprop.spec.SettingSpec.bool;
import static studio.backprop.spec.SettingSpec.choice;
import static studio.backprop.spec.SettingSpec.decimal;
import static studio.backprop.spec.SettingSpec.integer;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import studio.backprop.nn.Activation;
import studio.backprop.nn.layers.Bidirectional;
import studio.backprop.nn.layers.Embedding;
import studio.backprop.nn.layers.GruCell;
import studio.backprop.nn.layers.LayerNormalization;
import studio.backprop.nn.layers.LstmCell;
import studio.backprop.nn.layers.MultiHeadAttention;
import studio.backprop.nn.layers.PositionalEncoding;
import studio.backprop.nn.layers.Recurrent;
import studio.backprop.nn.layers.RecurrentCell;
import studio.backprop.nn.layers.SelfAttention;
import studio.backprop.nn.layers.SimpleRnnCell;
import studio.backprop.nn.layers.TimeDistributedDense;
import studio.backprop.nn.layers.TransformerEncoderBlock;

/**
 * The palette's "Sequence" group: recurrent layers, embeddings, attention and the transformer block, with their
 * settings. Inputs are sequences (time steps, features), or token ids (time steps) for an Embedding.
 */
final class SequenceLayerTypes {

    private static final String GROUP = "Sequence";
    private static final List<String> STATE = List.of("tanh", "sigmoid");
    private static final List<String> CELLS = List.of("lstm", "gru", "simple_rnn");

    private SequenceLayerTypes() {
    }

    static List<LayerType> all() {
        return List.of(
                new LayerType("SimpleRNN", GROUP, "h_t = f(x_t·W + h_{t−1}·U + b), unrolled over the steps.", List.of(
                        units(), choice("activation", "tanh", STATE, "the state's function f"),
                        bias(), sequences()), 1, 1,
                        s -> new Recurrent(s.name(), new SimpleRnnCell(s.integer("units"),
                                Activation.byName(s.choice("activation")), s.bool("use_bias")),
                                s.bool("return_sequences"))),
                new LayerType("LSTM", GROUP, "Long short-term memory: input, forget and output gates around a cell.",
                        List.of(units(), bias(), bool("peepholes", false, "the gates also read the cell (p ⊙ c)"),
                                sequences()), 1, 1,
                        s -> new Recurrent(s.name(), new LstmCell(s.integer("units"), s.bool("use_bias"),
                                s.bool("peepholes")), s.bool("return_sequences"))),
                new LayerType("GRU", GROUP, "Gated recurrent unit: update and reset gates, no separate cell.",
                        List.of(units(), bias(), sequences()), 1, 1,
                        s -> new Recurrent(s.name(), new GruCell(s.integer("units"), s.bool("use_bias")),
                                s.bool("return_sequences"))),
                new LayerType("Bidirectional", GROUP, "Two recurrent layers, one reading forward and one backward; "
                        + "their states joined.", List.of(choice("cell", "lstm", CELLS, "the kind of both layers"),
                        units(), bias(), sequences()), 1, 1,
                        s -> new Bidirectional(s.name(), cell(s).get(), cell(s).get(), s.bool("return_sequences"))),
                new LayerType("Embedding", GROUP, "Token ids → learned vectors, one table row per token.", List.of(
                        integer("vocabulary", 10, 1, 1_000_000, "how many different tokens (ids 0 … vocabulary − 1)"),
                        integer("dimensions", 8, 1, 65_536, "length of each token's vector")), 1, 1,
                        s -> new Embedding(s.name(), s.integer("vocabulary"), s.integer("dimensions"))),
                new LayerType("TimeDistributedDense", GROUP, "One dense layer applied to every step.", List.of(
                        integer("units", 8, 1, 1_000_000, "units per step"),
                        choice("activation", "linear", java.util.Arrays.stream(Activation.values())
                                .map(Activation::id).toList(), "function applied to z"),
                        bool("use_bias", true, "add a bias per unit")), 1, 1,
                        s -> new TimeDistributedDense(s.name(), s.integer("units"),
                                Activation.byName(s.choice("activation")), s.bool("use_bias"))),
                new LayerType("SelfAttention", GROUP, "softmax(X·Xᵀ/√d)·X: every step attends to every step; "
                        + "no parameters.", List.of(causal()), 1, 1,
                        s -> new SelfAttention(s.name(), s.bool("causal"))),
                new LayerType("MultiHeadAttention", GROUP, "Several heads of softmax(QKᵀ/√d_k)V, concatenated and "
                        + "projected back.", List.of(heads(), keyDim(), causal()), 1, 1,
                        s -> new MultiHeadAttention(s.name(), s.integer("heads"), s.integer("key_dim"),
                                s.bool("causal"))),
                new LayerType("PositionalEncoding", GROUP, "Adds a code of each step's position (sinusoidal or "
                        + "binary).", List.of(choice("kind", "sinusoidal", List.of("sinusoidal", "binary"),
                        "sin/cos of pos/10000^(2i/d), or the bits of pos")), 1, 1,
                        s -> new PositionalEncoding(s.name(), PositionalEncoding.Kind.valueOf(
                                s.choice("kind").toUpperCase(Locale.ROOT)))),
                new LayerType("LayerNormalization", GROUP, "Normalises each step's features, then γ·x̂ + β.",
                        List.of(epsilon()), 1, 1, s -> new LayerNormalization(s.name(), s.decimal("epsilon"))),
                new LayerType("TransformerEncoderBlock", GROUP, "Multi-head attention, add & norm, feed-forward, "
                        + "add & norm.", List.of(heads(), keyDim(),
                        integer("ff_units", 32, 1, 1_000_000, "units of the feed-forward's hidden layer"), causal(),
                        epsilon()), 1, 1,
                        s -> new TransformerEncoderBlock(s.name(), s.integer("heads"), s.integer("key_dim"),
                                s.integer("ff_units"), s.bool("causal"), s.decimal("epsilon"))));
    }

    private static Supplier<RecurrentCell> cell(LayerSettings s) {
        int units = s.integer("units");
        boolean bias = s.bool("use_bias");
        return switch (s.choice("cell")) {
            case "gru" -> () -> new GruCell(units, bias);
            case "simple_rnn" -> () -> new SimpleRnnCell(units, Activation.TANH, bias);
            default -> () -> new LstmCell(units, bias, false);
        };
    }

    private static SettingSpec units() {
        return integer("units", 16, 1, 100_000, "size of the hidden state");
    }

    private static SettingSpec bias() {
        return bool("use_bias", true, "add biases (some texts leave them out)");
    }

    private static SettingSpec sequences() {
        return bool("return_sequences", false, "output every step's state instead of the last one");
    }

    private static SettingSpec causal() {
        return bool("causal", false, "each step sees only itself and earlier steps");
    }

    private static SettingSpec heads() {
        return integer("heads", 2, 1, 256, "number of attention heads");
    }

    private static SettingSpec keyDim() {
        return integer("key_dim", 8, 1, 4096, "length of each head's queries and keys");
    }

    private static SettingSpec epsilon() {
        return decimal("epsilon", 1e-5, 1e-12, 1, "added to the variance");
    }
}
