package studio.backprop.nn;

import studio.backprop.autograd.Variable;
import studio.backprop.tensor.Tensor;

/**
 * A named tensor owned by a layer: a weight matrix, a bias, a batch-norm γ, or a non-trainable running
 * statistic. Trainable ones are autograd leaves whose {@link #grad()} an optimiser reads after backward.
 */
public final class Parameter {

    private final String layer;
    private final String role;
    private final Variable variable;
    private final boolean trainable;

    public Parameter(String layer, String role, Tensor value, boolean trainable) {
        this.layer = layer;
        this.role = role;
        this.trainable = trainable;
        String name = layer + "/" + role;
        this.variable = trainable ? Variable.parameter(value, name) : Variable.constant(value, name);
    }

    /** "layer/role", unique in a network: "dense_1/kernel". */
    public String name() {
        return variable.name();
    }

    public String layer() {
        return layer;
    }

    /** What the tensor is to its layer: "kernel", "bias", "gamma", "beta", "moving_mean", "moving_variance". */
    public String role() {
        return role;
    }

    public boolean trainable() {
        return trainable;
    }

    /** The autograd leaf holding the value (and, after backward, the gradient). */
    public Variable variable() {
        return variable;
    }

    public Tensor value() {
        return variable.value();
    }

    /** ∂L/∂value from the last backward pass, or null. */
    public Tensor grad() {
        return variable.grad();
    }
}
