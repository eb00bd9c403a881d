package studio.backprop.nn.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import studio.backprop.autograd.SequenceOps;
import studio.backprop.autograd.Variable;
import studio.backprop.nn.init.Initializer;
import studio.backprop.tensor.Tensor;

/**
 * One recurrent cell: the parameters it needs and one step of its state update, shared by the layer that runs it
 * forward in time ({@link Recurrent}) and the one that runs it both ways ({@link Bidirectional}).
 *
 * <p>Every cell reads x_t through one input kernel W (features, gates·units) applied to all steps at once (plus
 * the bias b, gates·units, when it has one) and its previous hidden state through a recurrent kernel
 * U (units, gates·units). Gate g of a step uses columns [g·units, (g+1)·units) of both.
 */
public abstract class RecurrentCell {

    /** Role of the input kernel W (features, gates·units). */
    public static final String KERNEL = "kernel";
    /** Role of the recurrent kernel U (units, gates·units). */
    public static final String RECURRENT = "recurrent_kernel";
    /** Role of the bias b (gates·units). */
    public static final String BIAS = "bias";

    private final int units;
    private final boolean useBias;

    protected RecurrentCell(int units, boolean useBias) {
        this.units = units;
        this.useBias = useBias;
    }

    /** The layer type this cell makes: "SimpleRNN", "LSTM", "GRU". */
    public abstract String kind();

    /** How many blocks of {@code units} columns the kernels have: 1 for a simple RNN, 4 for LSTM, 3 for GRU. */
    protected abstract int gates();

    /** How many state tensors the cell carries: 1 (h), or 2 for LSTM (h, c). The first is always h. */
    protected int stateCount() {
        return 1;
    }

    public int units() {
        return units;
    }

    public boolean useBias() {
        return useBias;
    }

    /** The parameters for {@code features} inputs per step, roles prefixed (for bidirectional layers). */
    public List<ParamSpec> parameterSpecs(int features, String prefix) {
        List<ParamSpec> specs = new ArrayList<>();
        specs.add(new ParamSpec(prefix + KERNEL, new int[] {features, gates() * units}, true,
                Initializer.glorotUniform()));
        specs.add(new ParamSpec(prefix + RECURRENT, new int[] {units, gates() * units}, true,
                Initializer.glorotUniform()));
        if (useBias) {
            specs.add(new ParamSpec(prefix + BIAS, new int[] {gates() * units}, true, Initializer.zeros()));
        }
        specs.addAll(extraSpecs(prefix));
        return specs;
    }

    /** Parameters beyond W, U and b (LSTM's peepholes). */
    protected List<ParamSpec> extraSpecs(String prefix) {
        return List.of();
    }

    /**
     * One step: the new state from x_t·W + b ({@code projected}, (N, gates·units)) and the previous state.
     *
     * @param param the cell's parameters by role (without prefix)
     * @param label names the step's nodes in traces, e.g. "lstm/t3"
     */
    protected abstract Variable[] step(Variable projected, Variable[] state, Function<String, Variable> param,
                                       String label);

    /**
     * Unrolls the cell over a batch of sequences x (N, T, F): backpropagation through time is then the ordinary
     * backward pass over the T recorded steps. Returns h_T (N, units), or every h_t stacked (N, T, units) in the
     * input's time order. Running backwards reads x_T first (the second half of a bidirectional layer).
     */
    public Variable run(Variable x, Function<String, Variable> param, boolean backwards, boolean returnSequences,
                        String label) {
        int[] s = x.shape();
        int n = s[0];
        int steps = s[1];
        Variable projected = SequenceOps.everyStep(x, param.apply(KERNEL));
        if (useBias) {
            projected = projected.add(param.apply(BIAS));
        }
        projected.named(label + "/xW");
        Variable[] state = new Variable[stateCount()];
        for (int k = 0; k < state.length; k++) {
            state[k] = Variable.constant(Tensor.zeros(n, units), label + "/initial_state");
        }
        Variable[] outputs = new Variable[steps];
        for (int k = 0; k < steps; k++) {
            int t = backwards ? steps - 1 - k : k;
            state = step(SequenceOps.step(projected, t), state, param,
                    label + "/t" + (t + 1));
            outputs[t] = state[0];
        }
        if (!returnSequences) {
            return state[0];
        }
        return SequenceOps.stack(outputs);
    }

    /** Gate g's columns of a (N, gates·units) matrix. */
    protected Variable gate(Variable all, int g) {
        return gates() == 1 ? all : all.slice(1, g * units, (g + 1) * units);
    }

    /** A short description for the summary: "16 units, tanh". */
    public abstract String describe();
}
