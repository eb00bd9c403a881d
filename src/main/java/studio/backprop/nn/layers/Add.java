package studio.backprop.nn.layers;

import java.util.Arrays;
import java.util.List;
import studio.backprop.autograd.Variable;
import studio.backprop.nn.LayerShapeException;
import studio.backprop.tensor.Shapes;

/** Element-wise sum of two or more inputs of one shape: the merge of a residual connection. */
public final class Add extends AbstractLayer {

    public Add(String name) {
        super(name);
    }

    @Override
    public String type() {
        return "Add";
    }

    @Override
    public int minInputs() {
        return 2;
    }

    @Override
    public int maxInputs() {
        return Integer.MAX_VALUE;
    }

    @Override
    public int[] outputShape(List<int[]> inputShapes) {
        int[] first = inputShapes.get(0);
        for (int[] s : inputShapes) {
            if (!Arrays.equals(s, first)) {
                throw new LayerShapeException(name(), "Add '" + name() + "' needs inputs of one shape, got "
                        + inputShapes.stream().map(Shapes::str).toList());
            }
        }
        return first.clone();
    }

    @Override
    public List<ParamSpec> parameterSpecs(List<int[]> inputShapes) {
        return List.of();
    }

    @Override
    public Variable forward(List<Variable> inputs, ForwardContext context) {
        Variable sum = inputs.get(0);
        for (int i = 1; i < inputs.size(); i++) {
            sum = sum.add(inputs.get(i));
        }
        return sum;
    }

    @Override
    public String describe() {
        return "element-wise sum";
    }
}
