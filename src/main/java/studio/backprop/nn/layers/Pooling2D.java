package studio.backprop.nn.layers;

import java.util.List;
import java.util.Locale;
import studio.backprop.autograd.Variable;
import studio.backprop.autograd.ops.Pool2dOp;
import studio.backprop.kernels.ConvGeometry;

/**
 * Max, average or L2 pooling over pool×pool windows of each channel (stride defaults to the pool size).
 * No parameters. Max pooling remembers which input won each window, for backprop and unpooling.
 */
public final class Pooling2D extends AbstractLayer {

    private final Pool2dOp.Kind kind;
    private final int pool;
    private final int stride;
    private final Padding padding;

    public Pooling2D(String name, Pool2dOp.Kind kind, int pool, int stride, Padding padding) {
        super(name);
        this.kind = kind;
        this.pool = pool;
        this.stride = stride;
        this.padding = padding;
    }

    /** pool×pool windows with stride = pool and no padding. */
    public Pooling2D(String name, Pool2dOp.Kind kind, int pool) {
        this(name, kind, pool, pool, Padding.VALID);
    }

    public Pool2dOp.Kind kind() {
        return kind;
    }

    @Override
    public String type() {
        return switch (kind) {
            case MAX -> "MaxPool2D";
            case AVG -> "AvgPool2D";
            case L2 -> "L2Pool2D";
        };
    }

    ConvGeometry geometry(int[] in) {
        return padding.geometry(name(), in[0], in[1], pool, pool, stride, stride, 1, 1);
    }

    @Override
    public int[] outputShape(List<int[]> inputShapes) {
        int[] in = single(inputShapes, 3, "an image input (height, width, channels)");
        int[] hw = WindowChecks.output(this, "pool", in, geometry(in));
        return new int[] {hw[0], hw[1], in[2]};
    }

    @Override
    public List<String> warnings(List<int[]> inputShapes) {
        int[] in = single(inputShapes, 3, "an image input (height, width, channels)");
        return WindowChecks.strideWarnings(this, "pool", in, geometry(in));
    }

    @Override
    public List<ParamSpec> parameterSpecs(List<int[]> inputShapes) {
        return List.of();
    }

    @Override
    public Variable forward(List<Variable> inputs, ForwardContext context) {
        int[] s = inputs.get(0).shape();
        return inputs.get(0).pool2d(kind, geometry(new int[] {s[1], s[2], s[3]}));
    }

    @Override
    public String describe() {
        return kind.name().toLowerCase(Locale.ROOT) + " " + pool + "×" + pool + ", stride " + stride + ", padding "
                + padding.describe();
    }
}
