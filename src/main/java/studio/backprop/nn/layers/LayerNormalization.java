package studio.backprop.nn.layers;

import java.util.List;
import studio.backprop.autograd.SequenceOps;
import studio.backprop.autograd.Variable;
import studio.backprop.nn.LayerShapeException;
import studio.backprop.nn.init.Initializer;
import studio.backprop.tensor.Shapes;

/**
 * Normalises each sample's last axis (each step's D features) to mean 0 and variance 1, then scales by γ and
 * shifts by β (both D): y = γ ⊙ (x − μ)/√(σ² + ε) + β. It uses no batch statistics.
 */
public final class LayerNormalization extends AbstractLayer {

    private final float epsilon;

    public LayerNormalization(String name, double epsilon) {
        super(name);
        this.epsilon = (float) epsilon;
    }

    @Override
    public String type() {
        return "LayerNormalization";
    }

    @Override
    public int[] outputShape(List<int[]> inputShapes) {
        int[] s = inputShapes.get(0);
        if (s.length == 0 || s[s.length - 1] < 2) {
            throw new LayerShapeException(name(), "LayerNormalization '" + name() + "' needs at least 2 features "
                    + "on the last axis to normalise, got " + Shapes.str(s));
        }
        return s.clone();
    }

    @Override
    public List<ParamSpec> parameterSpecs(List<int[]> inputShapes) {
        int d = outputShape(inputShapes)[inputShapes.get(0).length - 1];
        return List.of(new ParamSpec("gamma", new int[] {d}, true, Initializer.constant(1)),
                new ParamSpec("beta", new int[] {d}, true, Initializer.zeros()));
    }

    @Override
    public Variable forward(List<Variable> inputs, ForwardContext context) {
        return SequenceOps.layerNorm(inputs.get(0), param("gamma"), param("beta"), epsilon).named(name() + "/out");
    }

    @Override
    public String describe() {
        return "ε = " + epsilon;
    }
}
