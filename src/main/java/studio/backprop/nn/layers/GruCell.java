package studio.backprop.nn.layers;

import java.util.function.Function;
import studio.backprop.autograd.Variable;

/**
 * The gated recurrent unit, gate columns in the order update, reset, candidate:
 * <pre>
 *   z = σ(x·W_z + h·U_z + b_z)      r = σ(x·W_r + h·U_r + b_r)
 *   n = tanh(x·W_n + (r ⊙ h)·U_n + b_n)      h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}
 * </pre>
 * with h_0 = 0 (the reset gate applied before the recurrent product, as in Cho et al. 2014).
 */
public final class GruCell extends RecurrentCell {

    public GruCell(int units, boolean useBias) {
        super(units, useBias);
    }

    @Override
    public String kind() {
        return "GRU";
    }

    @Override
    protected int gates() {
        return 3;
    }

    @Override
    protected Variable[] step(Variable projected, Variable[] state, Function<String, Variable> param, String label) {
        Variable h = state[0];
        Variable recurrent = param.apply(RECURRENT);
        int u = units();
        Variable gatesFromH = h.matMul(recurrent.slice(1, 0, 2 * u));
        Variable z = gate(projected, 0).add(gatesFromH.slice(1, 0, u)).sigmoid().named(label + "/update_gate");
        Variable r = gate(projected, 1).add(gatesFromH.slice(1, u, 2 * u)).sigmoid().named(label + "/reset_gate");
        Variable n = gate(projected, 2).add(r.mul(h).matMul(recurrent.slice(1, 2 * u, 3 * u))).tanh()
                .named(label + "/candidate");
        Variable hidden = z.affine(-1f, 1f).mul(n).add(z.mul(h)).named(label + "/h");
        return new Variable[] {hidden};
    }

    @Override
    public String describe() {
        return units() + " units" + (useBias() ? "" : ", no bias");
    }
}
