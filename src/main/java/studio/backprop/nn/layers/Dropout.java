package studio.backprop.nn.layers;

import java.util.List;
import studio.backprop.autograd.Variable;
import studio.backprop.autograd.ops.DropoutOp;
import studio.backprop.nn.LayerShapeException;

/**
 * Dropout: in training each value is kept with probability 1 − rate. Inverted (the default) scales kept values
 * by 1/(1 − rate) in training and does nothing at inference; classic keeps training values as they are and
 * scales by (1 − rate) at inference. Either way the expected activation is the same in both modes.
 */
public final class Dropout extends AbstractLayer {

    private float rate;
    private final boolean inverted;

    public Dropout(String name, float rate, boolean inverted) {
        super(name);
        if (!(rate >= 0f && rate < 1f)) {
            throw new LayerShapeException(name, "Dropout '" + name + "': rate must be in [0, 1), got " + rate);
        }
        this.rate = rate;
        this.inverted = inverted;
    }

    public Dropout(String name, float rate) {
        this(name, rate, true);
    }

    /** Changes the drop probability of later forward passes (rate in [0, 1)). */
    public void setRate(float newRate) {
        if (!(newRate >= 0f && newRate < 1f)) {
            throw new LayerShapeException(name(), "Dropout '" + name() + "': rate must be in [0, 1), got " + newRate);
        }
        rate = newRate;
    }

    public float rate() {
        return rate;
    }

    @Override
    public String type() {
        return "Dropout";
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
        Variable x = inputs.get(0);
        if (context.training()) {
            return Variable.apply(new DropoutOp(rate, inverted, context.rng()), x);
        }
        return inverted || rate == 0f ? x : x.mul(1f - rate);
    }

    @Override
    public String describe() {
        return "rate " + rate + (inverted ? ", inverted" : ", classic");
    }
}
