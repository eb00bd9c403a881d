package studio.backprop.nn.layers;

import java.util.List;
import studio.backprop.autograd.Variable;
import studio.backprop.nn.Activation;

/** An activation function as a layer of its own (softmax over the last axis). */
public final class ActivationLayer extends AbstractLayer {

    private final Activation activation;
    private final float alpha;

    public ActivationLayer(String name, Activation activation, float alpha) {
        super(name);
        this.activation = activation;
        this.alpha = alpha;
    }

    public ActivationLayer(String name, Activation activation) {
        this(name, activation, activation.defaultAlpha());
    }

    @Override
    public String type() {
        return "Activation";
    }

    @Override
    public int[] outputShape(List<int[]> inputShapes) {
        return inputShapes.get(0).clone();
    }

    @Override
    public List<ParamSpec> parameterSpecs(List<int[]> inputShapes) {
        return List.of();
    }

    @Override
    public Variable forward(List<Variable> inputs, ForwardContext context) {
        return activation.apply(inputs.get(0), alpha);
    }

    @Override
    public String describe() {
        return activation.id() + (alpha != 0f ? " α " + alpha : "");
    }
}
