package studio.backprop.nn.layers;

import java.util.function.Function;
import studio.backprop.autograd.Variable;
import studio.backprop.nn.Activation;

/**
 * The Elman cell: h_t = f(x_t·W + h_{t−1}·U + b), with f tanh or the sigmoid, h_0 = 0. Without bias (as some
 * texts write it) b is left out.
 */
public final class SimpleRnnCell extends RecurrentCell {

    private final Activation activation;

    public SimpleRnnCell(int units, Activation activation, boolean useBias) {
        super(units, useBias);
        this.activation = activation;
    }

    @Override
    public String kind() {
        return "SimpleRNN";
    }

    @Override
    protected int gates() {
        return 1;
    }

    @Override
    protected Variable[] step(Variable projected, Variable[] state, Function<String, Variable> param, String label) {
        Variable z = projected.add(state[0].matMul(param.apply(RECURRENT))).named(label + "/z");
        return new Variable[] {activation.apply(z, activation.defaultAlpha()).named(label + "/h")};
    }

    @Override
    public String describe() {
        return units() + " units, " + activation.id() + (useBias() ? "" : ", no bias");
    }
}
