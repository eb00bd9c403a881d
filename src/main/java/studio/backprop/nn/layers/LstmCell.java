package studio.backprop.nn.layers;

import java.util.List;
import java.util.function.Function;
import studio.backprop.autograd.Variable;
import studio.backprop.nn.init.Initializer;

/**
 * The long short-term memory cell, gate columns in the order input, forget, candidate, output:
 * <pre>
 *   i = σ(x·W_i + h·U_i + b_i [+ p_i ⊙ c_{t−1}])     f = σ(x·W_f + h·U_f + b_f [+ p_f ⊙ c_{t−1}])
 *   g = tanh(x·W_g + h·U_g + b_g)                    c_t = f ⊙ c_{t−1} + i ⊙ g
 *   o = σ(x·W_o + h·U_o + b_o [+ p_o ⊙ c_t])          h_t = o ⊙ tanh(c_t)
 * </pre>
 * with h_0 = c_0 = 0; the bracketed peephole terms (vectors p of length units) only when peepholes are on.
 */
public final class LstmCell extends RecurrentCell {

    private final boolean peepholes;

    public LstmCell(int units, boolean useBias, boolean peepholes) {
        super(units, useBias);
        this.peepholes = peepholes;
    }

    @Override
    public String kind() {
        return "LSTM";
    }

    @Override
    protected int gates() {
        return 4;
    }

    @Override
    protected int stateCount() {
        return 2;
    }

    @Override
    protected List<ParamSpec> extraSpecs(String prefix) {
        if (!peepholes) {
            return List.of();
        }
        int[] shape = {units()};
        return List.of(new ParamSpec(prefix + "peephole_input", shape, true, Initializer.zeros()),
                new ParamSpec(prefix + "peephole_forget", shape, true, Initializer.zeros()),
                new ParamSpec(prefix + "peephole_output", shape, true, Initializer.zeros()));
    }

    @Override
    protected Variable[] step(Variable projected, Variable[] state, Function<String, Variable> param, String label) {
        Variable h = state[0];
        Variable c = state[1];
        Variable z = projected.add(h.matMul(param.apply(RECURRENT)));
        Variable zi = gate(z, 0);
        Variable zf = gate(z, 1);
        Variable zo = gate(z, 3);
        if (peepholes) {
            zi = zi.add(c.mul(param.apply("peephole_input")));
            zf = zf.add(c.mul(param.apply("peephole_forget")));
        }
        Variable i = zi.sigmoid().named(label + "/input_gate");
        Variable f = zf.sigmoid().named(label + "/forget_gate");
        Variable g = gate(z, 2).tanh().named(label + "/candidate");
        Variable cell = f.mul(c).add(i.mul(g)).named(label + "/c");
        if (peepholes) {
            zo = zo.add(cell.mul(param.apply("peephole_output")));
        }
        Variable o = zo.sigmoid().named(label + "/output_gate");
        Variable hidden = o.mul(cell.tanh()).named(label + "/h");
        return new Variable[] {hidden, cell};
    }

    @Override
    public String describe() {
        return units() + " units" + (peepholes ? ", peepholes" : "") + (useBias() ? "" : ", no bias");
    }
}
