package studio.backprop.nn.layers;

import java.util.List;
import studio.backprop.autograd.Variable;

/** Global average or max pooling: each channel of an (H, W, C) image becomes one number, giving (C). */
public final class GlobalPooling2D extends AbstractLayer {

    private final boolean max;

    public GlobalPooling2D(String name, boolean max) {
        super(name);
        this.max = max;
    }

    @Override
    public String type() {
        return max ? "GlobalMaxPool2D" : "GlobalAvgPool2D";
    }

    @Override
    public int[] outputShape(List<int[]> inputShapes) {
        int[] in = single(inputShapes, 3, "an image input (height, width, channels)");
        return new int[] {in[2]};
    }

    @Override
    public List<ParamSpec> parameterSpecs(List<int[]> inputShapes) {
        return List.of();
    }

    @Override
    public Variable forward(List<Variable> inputs, ForwardContext context) {
        return inputs.get(0).globalPool(max);
    }

    @Override
    public String describe() {
        return max ? "maximum per channel" : "average per channel";
    }
}
