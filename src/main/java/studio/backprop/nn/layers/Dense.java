package studio.backprop.nn.layers;

import java.util.ArrayList;
import java.util.List;
import studio.backprop.autograd.Variable;
import studio.backprop.nn.Activation;
import studio.backprop.nn.LayerShapeException;
import studio.backprop.nn.init.Initializer;

/**
 * Fully connected layer: Z = X·W + b, A = f(Z), with batches as rows, X (N, in), W (in, units) — w_ij connects
 * input i to unit j — and b (units). Parameters: in·units weights plus units biases.
 */
public final class Dense extends AbstractLayer {

    private final int units;
    private final Activation activation;
    private final float alpha;
    private final boolean useBias;
    private final Initializer kernelInitializer;
    private final Initializer biasInitializer;

    public Dense(String name, int units, Activation activation, float alpha, boolean useBias,
                 Initializer kernelInitializer, Initializer biasInitializer) {
        super(name);
        if (units < 1) {
            throw new LayerShapeException(name, "Dense '" + name + "' needs at least 1 unit, got " + units);
        }
        this.units = units;
        this.activation = activation;
        this.alpha = alpha;
        this.useBias = useBias;
        this.kernelInitializer = kernelInitializer;
        this.biasInitializer = biasInitializer;
    }

    /** Dense with bias, Glorot-uniform weights and zero biases (the Keras defaults). */
    public Dense(String name, int units, Activation activation) {
        this(name, units, activation, activation.defaultAlpha(), true, Initializer.glorotUniform(),
                Initializer.zeros());
    }

    public int units() {
        return units;
    }

    public Activation activation() {
        return activation;
    }

    @Override
    public String type() {
        return "Dense";
    }

    @Override
    public int[] outputShape(List<int[]> inputShapes) {
        single(inputShapes, 1, "a flat input (features)");
        return new int[] {units};
    }

    @Override
    public List<ParamSpec> parameterSpecs(List<int[]> inputShapes) {
        int in = single(inputShapes, 1, "a flat input (features)")[0];
        List<ParamSpec> specs = new ArrayList<>();
        specs.add(new ParamSpec("kernel", new int[] {in, units}, true, kernelInitializer));
        if (useBias) {
            specs.add(new ParamSpec("bias", new int[] {units}, true, biasInitializer));
        }
        return specs;
    }

    @Override
    public Variable forward(List<Variable> inputs, ForwardContext context) {
        Variable z = inputs.get(0).matMul(param("kernel"));
        if (useBias) {
            z = z.add(param("bias"));
        }
        return activation.apply(z.named(name() + "/z"), alpha);
    }

    @Override
    public String describe() {
        return units + " units, " + activation.id() + (useBias ? "" : ", no bias");
    }
}
