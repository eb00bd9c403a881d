package studio.backprop.ui.lessons.sequence;

import java.util.ArrayList;
import java.util.List;
import studio.backprop.autograd.Tape;
import studio.backprop.autograd.Variable;
import studio.backprop.data.Dataset;
import studio.backprop.data.SequenceTasks;
import studio.backprop.nn.Activation;
import studio.backprop.nn.Parameter;
import studio.backprop.nn.layers.Embedding;
import studio.backprop.nn.layers.ForwardContext;
import studio.backprop.nn.layers.Layer;
import studio.backprop.nn.layers.LstmCell;
import studio.backprop.nn.layers.PositionalEncoding;
import studio.backprop.nn.layers.Recurrent;
import studio.backprop.nn.layers.SimpleRnnCell;
import studio.backprop.nn.layers.TimeDistributedDense;
import studio.backprop.nn.layers.TransformerEncoderBlock;
import studio.backprop.nn.optim.Adam;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;

/**
 * What the Sequences lessons show, computed by the engine's own layers (no JavaFX): the unrolled RNN's values,
 * an LSTM's gates per step, the gradient reaching each step, and a transformer's attention. Every method is a pure
 * computation from its arguments and a seed, meant for a background thread; results are immutable records.
 */
public final class SequenceLessons {

    private static final ForwardContext INFERENCE = ForwardContext.inference();

    private SequenceLessons() {
    }

    /** The unrolled RNN at every step: input x_t, pre-activation z_t, state h_t and output y_t. */
    public record Unrolled(double[] x, double[] z, double[] h, double[] y, double wx, double wh, double b, double wy,
                           double c) {
    }

    /** The classic one-unit RNN: h_t = σ(w_x·x_t + w_h·h_{t−1} + b), y_t = w_y·h_t + c, run by the engine. */
    public static Unrolled unrolled(double[] x, double wx, double wh, double b, double wy, double c) {
        int steps = x.length;
        Recurrent rnn = new Recurrent("rnn", new SimpleRnnCell(1, Activation.SIGMOID, true), true);
        rnn.build(List.of(new int[] {steps, 1}), new Rng(0));
        rnn.setWeights("kernel", Tensor.of(new float[] {(float) wx}, 1, 1));
        rnn.setWeights("recurrent_kernel", Tensor.of(new float[] {(float) wh}, 1, 1));
        rnn.setWeights("bias", Tensor.vector((float) b));
        float[] xs = new float[steps];
        for (int t = 0; t < steps; t++) {
            xs[t] = (float) x[t];
        }
        Variable h = rnn.forward(List.of(Variable.constant(Tensor.of(xs, 1, steps, 1))), INFERENCE);
        double[] z = new double[steps];
        double[] hs = new double[steps];
        double[] ys = new double[steps];
        for (int t = 0; t < steps; t++) {
            z[t] = node(h, "rnn/t" + (t + 1) + "/z").value().item();
            hs[t] = h.value().get(0, t, 0);
            ys[t] = wy * hs[t] + c;
        }
        return new Unrolled(x.clone(), z, hs, ys, wx, wh, b, wy, c);
    }

    /** ‖∂L/∂h_t‖ per step t for each recurrent weight, L = Σ h_T, and the whole gradient's norm before clipping. */
    public record GradientFlow(double[] weights, double[][] perStep, double[] totalNorm, double clipNorm) {
    }

    /**
     * A linear-state RNN of 4 units with recurrent kernel w·I and small random inputs: ∂L/∂h_t shrinks like
     * w^(T−t) for w &lt; 1 (vanishing) and grows for w &gt; 1 (exploding). The norm of the gradient with respect
     * to the recurrent kernel is what clipping by norm would cap at {@code clipNorm}.
     */
    public static GradientFlow gradientFlow(double[] weights, int steps, double clipNorm) {
        int units = 4;
        double[][] perStep = new double[weights.length][steps];
        double[] total = new double[weights.length];
        Tensor x = Tensor.uniform(new Rng(3), -0.5f, 0.5f, 1, steps, 1);
        for (int k = 0; k < weights.length; k++) {
            Recurrent rnn = new Recurrent("rnn", new SimpleRnnCell(units, Activation.LINEAR, false), false);
            rnn.build(List.of(new int[] {steps, 1}), new Rng(1));
            rnn.setWeights("recurrent_kernel", Tensor.eye(units).mul((float) weights[k]));
            Variable out = rnn.forward(List.of(Variable.constant(x, "x")), INFERENCE);
            Tape tape = out.sum().backward();
            for (int t = 0; t < steps; t++) {
                Tensor g = node(tape.output(), "rnn/t" + (t + 1) + "/h").grad();
                perStep[k][t] = g == null ? 0 : Math.sqrt(g.square().sum().item());
            }
            Tensor gw = rnn.find("recurrent_kernel").grad();
            total[k] = gw == null ? 0 : Math.sqrt(gw.square().sum().item());
        }
        return new GradientFlow(weights.clone(), perStep, total, clipNorm);
    }

    /** An LSTM's gates for one input sequence: gate name → (units × steps) values, after some training. */
    public record LstmGates(float[] input, List<String> gates, List<float[][]> values, int trainedSteps, float loss) {
    }

    /** Trains a 4-unit LSTM on the delayed copy (delay 2, 8 steps) for {@code trainSteps} steps, then reads its gates. */
    public static LstmGates lstmGates(int trainSteps) {
        int steps = 8;
        Recurrent lstm = new Recurrent("lstm", new LstmCell(4, true, false), true);
        TimeDistributedDense out = new TimeDistributedDense("out", 1, Activation.LINEAR, true);
        List<Layer> layers = List.of(lstm, out);
        lstm.build(List.of(new int[] {steps, 1}), new Rng(5));
        out.build(List.of(new int[] {steps, 4}), new Rng(6));
        Dataset data = SequenceTasks.generate("delayed_copy", 256, steps, 2, 0, 0, 7);
        float loss = train(layers, data.features(), data.targets().reshape(256, steps, 1), trainSteps, 0.03, false);
        Tensor probe = data.features().slice(0, 0, 1).contiguous();
        Variable y = forward(layers, Variable.constant(probe, "x"));
        List<String> gates = List.of("input_gate", "forget_gate", "candidate", "output_gate", "c", "h");
        List<float[][]> values = new ArrayList<>();
        for (String gate : gates) {
            float[][] m = new float[4][steps];
            for (int t = 0; t < steps; t++) {
                Tensor v = node(y, "lstm/t" + (t + 1) + "/" + gate).value();
                for (int u = 0; u < 4; u++) {
                    m[u][t] = v.get(0, u);
                }
            }
            values.add(m);
        }
        return new LstmGates(probe.toArray(), gates, values, trainSteps, loss);
    }

    /** A transformer's view of one input: attention weights per head, Q, K, V of head 0, the positional code. */
    public record AttentionPicture(float[] tokens, float[] predicted, List<float[][]> headWeights, float[][] query,
                                   float[][] key, float[][] value, float[][] positions, int trainedSteps,
                                   float loss) {
    }

    /** Trains a one-block transformer to sort 4 tokens of 10 for {@code trainSteps} steps, then looks inside it. */
    public static AttentionPicture attention(int trainSteps, float[] tokens) {
        int steps = tokens.length;
        int vocabulary = 10;
        int width = 16;
        Embedding embed = new Embedding("embed", vocabulary, width);
        PositionalEncoding position = new PositionalEncoding("position", PositionalEncoding.Kind.SINUSOIDAL);
        TransformerEncoderBlock block = new TransformerEncoderBlock("block", 2, 8, 64, false, 1e-5);
        TimeDistributedDense out = new TimeDistributedDense("out", vocabulary, Activation.LINEAR, true);
        List<Layer> layers = List.of(embed, position, block, out);
        Rng rng = new Rng(11);
        embed.build(List.of(new int[] {steps}), rng);
        block.build(List.of(new int[] {steps, width}), rng);
        out.build(List.of(new int[] {steps, width}), rng);
        Dataset data = SequenceTasks.generate("sort", 2000, steps, 0, vocabulary, 0, 12);
        float loss = train(layers, data.features(), data.targets().reshape(2000, steps, vocabulary), trainSteps,
                0.005, true);
        Variable y = forward(layers, Variable.constant(Tensor.of(tokens.clone(), 1, steps), "tokens"));
        Tensor weights = node(y, "block/attention/weights").value();
        List<float[][]> heads = new ArrayList<>();
        for (int h = 0; h < weights.dim(1); h++) {
            heads.add(matrix(weights.slice(1, h, h + 1).contiguous().reshape(steps, steps)));
        }
        float[] predicted = new float[steps];
        for (int t = 0; t < steps; t++) {
            predicted[t] = y.value().slice(1, t, t + 1).contiguous().reshape(vocabulary).argMax();
        }
        return new AttentionPicture(tokens.clone(), predicted, heads, headZero(y, "block/attention/Q"),
                headZero(y, "block/attention/K"), headZero(y, "block/attention/V"),
                matrix(PositionalEncoding.table(PositionalEncoding.Kind.SINUSOIDAL, steps, width)), trainSteps, loss);
    }

    /** Adam with clipping on mini-batches of 32; the last step's loss. */
    private static float train(List<Layer> layers, Tensor x, Tensor y, int trainSteps, double rate, boolean classes) {
        List<Variable> params = new ArrayList<>();
        layers.forEach(l -> l.parameters().stream().map(Parameter::variable).forEach(params::add));
        Adam adam = new Adam(rate);
        adam.setClipNorm(1);
        int n = x.dim(0);
        int batch = 32;
        float loss = Float.NaN;
        for (int s = 0; s < trainSteps; s++) {
            int from = (s * batch) % (n - batch);
            Variable out = forward(layers, Variable.constant(x.slice(0, from, from + batch).contiguous(), "x"));
            Tensor target = y.slice(0, from, from + batch).contiguous();
            int width = target.dim(-1);
            Variable logits = out.reshape(target.size() / width, width);
            Variable t = Variable.constant(target.reshape(target.size() / width, width), "y");
            Variable l = classes ? logits.softmaxCrossEntropy(t) : logits.sigmoidCrossEntropy(t);
            l.backward();
            adam.step(params);
            loss = l.value().item();
        }
        return loss;
    }

    private static Variable forward(List<Layer> layers, Variable x) {
        Variable v = x;
        for (Layer layer : layers) {
            v = layer.forward(List.of(v), INFERENCE);
        }
        return v;
    }

    /** The node of this name in the graph behind {@code output}. */
    static Variable node(Variable output, String name) {
        for (Variable v : Tape.record(output).nodes()) {
            if (name.equals(v.name())) {
                return v;
            }
        }
        throw new IllegalStateException("no node named " + name);
    }

    /** Head 0 of a (1, heads, T, d) node as T × d. */
    private static float[][] headZero(Variable output, String name) {
        Tensor v = node(output, name).value();
        return matrix(v.slice(1, 0, 1).contiguous().reshape(v.dim(2), v.dim(3)));
    }

    private static float[][] matrix(Tensor m) {
        float[][] rows = new float[m.dim(0)][m.dim(1)];
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                rows[r][c] = m.get(r, c);
            }
        }
        return rows;
    }
}
