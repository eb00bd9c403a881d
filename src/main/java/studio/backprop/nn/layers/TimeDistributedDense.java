package studio.backprop.nn.layers;

import java.util.ArrayList;
import java.util.List;
import studio.backprop.autograd.SequenceOps;
import studio.backprop.autograd.Variable;
import studio.backprop.nn.Activation;
import studio.backprop.nn.LayerShapeException;
import studio.backprop.nn.init.Initializer;

/**
 * The same dense layer applied to every step of a sequence: (T, F) → (T, units), z_t = x_t·W + b, y_t = f(z_t),
 * with one W (F, units) and b (units) shared by all steps. A per-step prediction after a recurrent layer or a
 * transformer block.
 */
public final class TimeDistributedDense extends AbstractLayer {

    private final int units;
    private final Activation activation;
    private final boolean useBias;

    public TimeDistributedDense(String name, int units, Activation activation, boolean useBias) {
        super(name);
        if (units < 1) {
            throw new LayerShapeException(name, "TimeDistributedDense '" + name + "' needs at least 1 unit, got "
                    + units);
        }
        this.units = units;
        this.activation = activation;
        this.useBias = useBias;
    }

    @Override
    public String type() {
        return "TimeDistributedDense";
    }

    @Override
    public int[] outputShape(List<int[]> inputShapes) {
        return new int[] {SequenceShapes.sequence(this, inputShapes)[0], units};
    }

    @Override
    public List<ParamSpec> parameterSpecs(List<int[]> inputShapes) {
        int features = SequenceShapes.sequence(this, inputShapes)[1];
        List<ParamSpec> specs = new ArrayList<>();
        specs.add(new ParamSpec("kernel", new int[] {features, units}, true, Initializer.glorotUniform()));
        if (useBias) {
            specs.add(new ParamSpec("bias", new int[] {units}, true, Initializer.zeros()));
        }
        return specs;
    }

    @Override
    public Variable forward(List<Variable> inputs, ForwardContext context) {
        Variable z = SequenceOps.everyStep(inputs.get(0), param("kernel"));
        if (useBias) {
            z = z.add(param("bias"));
        }
        return activation.apply(z.named(name() + "/z"), activation.defaultAlpha());
    }

    @Override
    public String describe() {
        return units + " units per step, " + activation.id() + (useBias ? "" : ", no bias");
    }
}
