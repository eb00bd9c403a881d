package studio.backprop.nn.layers;

import java.util.List;
import studio.backprop.tensor.Shapes;
import studio.backprop.nn.LayerShapeException;
import studio.backprop.autograd.Variable;

/**
 * Flattens each sample to one vector in height × width × channels order with channels interleaved (channels
 * last, like Keras), so a dense layer after it sees pixel (r, c, ch) at index (r·W + c)·C + ch.
 */
public final class Flatten extends AbstractLayer {

    public Flatten(String name) {
        super(name);
    }

    @Override
    public String type() {
        return "Flatten";
    }

    @Override
    public int[] outputShape(List<int[]> inputShapes) {
        long n = 1;
        for (int d : inputShapes.get(0)) {
            n *= d;
            if (n > Integer.MAX_VALUE - 8) {
                throw new LayerShapeException(name(), "Flatten '" + name() + "': the input "
                        + Shapes.str(inputShapes.get(0)) + " has more values than one sample can hold");
            }
        }
        return new int[] {(int) n};
    }

    @Override
    public List<ParamSpec> parameterSpecs(List<int[]> inputShapes) {
        return List.of();
    }

    @Override
    public Variable forward(List<Variable> inputs, ForwardContext context) {
        Variable x = inputs.get(0);
        return x.reshape(x.shape()[0], -1);
    }

    @Override
    public String describe() {
        return "channels last";
    }
}
