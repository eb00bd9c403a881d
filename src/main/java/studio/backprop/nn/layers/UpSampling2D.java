package studio.backprop.nn.layers;

import java.util.List;
import studio.backprop.autograd.Variable;
import studio.backprop.nn.LayerShapeException;

/** Nearest-neighbour upsampling: every pixel becomes a factor×factor block. No parameters. */
public final class UpSampling2D extends AbstractLayer {

    private final int factor;

    public UpSampling2D(String name, int factor) {
        super(name);
        if (factor < 1) {
            throw new LayerShapeException(name, "UpSampling2D '" + name + "': factor must be at least 1, got "
                    + factor);
        }
        this.factor = factor;
    }

    @Override
    public String type() {
        return "UpSampling2D";
    }

    @Override
    public int[] outputShape(List<int[]> inputShapes) {
        int[] in = single(inputShapes, 3, "an image input (height, width, channels)");
        long h = (long) in[0] * factor;
        long w = (long) in[1] * factor;
        if (h * w * in[2] > Integer.MAX_VALUE - 8) {
            throw new studio.backprop.nn.LayerShapeException(name(), "UpSampling2D '" + name() + "': "
                    + in[0] + "×" + in[1] + " upsampled " + factor + " times is too large for one sample");
        }
        return new int[] {(int) h, (int) w, in[2]};
    }

    @Override
    public List<ParamSpec> parameterSpecs(List<int[]> inputShapes) {
        return List.of();
    }

    @Override
    public Variable forward(List<Variable> inputs, ForwardContext context) {
        return inputs.get(0).upsample(factor, factor);
    }

    @Override
    public String describe() {
        return "nearest ×" + factor;
    }
}
