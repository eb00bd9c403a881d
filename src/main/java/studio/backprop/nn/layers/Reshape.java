package studio.backprop.nn.layers;

import java.util.List;
import studio.backprop.autograd.Variable;
import studio.backprop.nn.LayerShapeException;
import studio.backprop.tensor.Shapes;

/**
 * Reads a sample's values as an image (height, width, channels), channels last: the inverse of Flatten. A
 * DCGAN generator uses it to turn its first Dense layer's 7·7·128 values into 7×7 feature maps for the transposed
 * convolutions.
 */
public final class Reshape extends AbstractLayer {

    private final int[] shape;

    public Reshape(String name, int height, int width, int channels) {
        super(name);
        this.shape = new int[] {height, width, channels};
    }

    @Override
    public String type() {
        return "Reshape";
    }

    @Override
    public int[] outputShape(List<int[]> inputShapes) {
        long in = 1;
        for (int d : inputShapes.get(0)) {
            in *= d;
        }
        long out = (long) shape[0] * shape[1] * shape[2];
        if (in != out) {
            throw new LayerShapeException(name(), "Reshape '" + name() + "': " + Shapes.str(inputShapes.get(0))
                    + " holds " + in + " values, but " + Shapes.str(shape) + " needs " + out + "; make the layer "
                    + "before it give " + out + " values");
        }
        return shape.clone();
    }

    @Override
    public List<ParamSpec> parameterSpecs(List<int[]> inputShapes) {
        return List.of();
    }

    @Override
    public Variable forward(List<Variable> inputs, ForwardContext context) {
        Variable x = inputs.get(0);
        return x.reshape(x.shape()[0], shape[0], shape[1], shape[2]);
    }

    @Override
    public String describe() {
        return "to " + shape[0] + "×" + shape[1] + "×" + shape[2];
    }
}
