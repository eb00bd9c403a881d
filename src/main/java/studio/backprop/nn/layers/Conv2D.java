package studio.backprop.nn.layers;

import java.util.ArrayList;
import java.util.List;
import studio.backprop.autograd.Variable;
import studio.backprop.kernels.ConvGeometry;
import studio.backprop.nn.Activation;
import studio.backprop.nn.LayerShapeException;
import studio.backprop.nn.init.Initializer;

/**
 * 2-D convolution layer (cross-correlation, as every framework computes it) over (H, W, Cin) images:
 * y = f(b + Σ x ⋆ w) with kernels (kh, kw, Cin, filters) spanning all input channels, one bias per filter.
 * Output size per axis ⌊(n + 2p − d(k − 1) − 1)/s⌋ + 1.
 */
public final class Conv2D extends AbstractLayer {

    private final int filters;
    private final int kernelH;
    private final int kernelW;
    private final int stride;
    private final Padding padding;
    private final int dilation;
    private final boolean useBias;
    private final Activation activation;
    private final float alpha;
    private final Initializer kernelInitializer;

    /** With the activation's own α (0.01 for leaky ReLU, 1 for ELU). */
    public Conv2D(String name, int filters, int kernelH, int kernelW, int stride, Padding padding, int dilation,
                  boolean useBias, Activation activation, Initializer kernelInitializer) {
        this(name, filters, kernelH, kernelW, stride, padding, dilation, useBias, activation,
                activation.defaultAlpha(), kernelInitializer);
    }

    /** @param alpha slope of leaky ReLU for x &lt; 0, or scale of ELU; unused by other activations */
    public Conv2D(String name, int filters, int kernelH, int kernelW, int stride, Padding padding, int dilation,
                  boolean useBias, Activation activation, float alpha, Initializer kernelInitializer) {
        super(name);
        if (filters < 1) {
            throw new LayerShapeException(name, "Conv2D '" + name + "' needs at least 1 filter, got " + filters);
        }
        this.filters = filters;
        this.kernelH = kernelH;
        this.kernelW = kernelW;
        this.stride = stride;
        this.padding = padding;
        this.dilation = dilation;
        this.useBias = useBias;
        this.activation = activation;
        this.alpha = alpha;
        this.kernelInitializer = kernelInitializer;
    }

    /** Square kernel, valid padding unless given, bias on, Glorot-uniform kernels. */
    public Conv2D(String name, int filters, int kernel, int stride, Padding padding, Activation activation) {
        this(name, filters, kernel, kernel, stride, padding, 1, true, activation, Initializer.glorotUniform());
    }

    @Override
    public String type() {
        return "Conv2D";
    }

    ConvGeometry geometry(int[] in) {
        return padding.geometry(name(), in[0], in[1], kernelH, kernelW, stride, stride, dilation, dilation);
    }

    @Override
    public int[] outputShape(List<int[]> inputShapes) {
        int[] in = single(inputShapes, 3, "an image input (height, width, channels)");
        int[] hw = WindowChecks.output(this, "kernel", in, geometry(in));
        return new int[] {hw[0], hw[1], filters};
    }

    @Override
    public List<String> warnings(List<int[]> inputShapes) {
        int[] in = single(inputShapes, 3, "an image input (height, width, channels)");
        return WindowChecks.strideWarnings(this, "kernel", in, geometry(in));
    }

    @Override
    public List<ParamSpec> parameterSpecs(List<int[]> inputShapes) {
        int[] in = single(inputShapes, 3, "an image input (height, width, channels)");
        List<ParamSpec> specs = new ArrayList<>();
        specs.add(new ParamSpec("kernel", new int[] {kernelH, kernelW, in[2], filters}, true, kernelInitializer));
        if (useBias) {
            specs.add(new ParamSpec("bias", new int[] {filters}, true, Initializer.zeros()));
        }
        return specs;
    }

    @Override
    public Variable forward(List<Variable> inputs, ForwardContext context) {
        Variable x = inputs.get(0);
        int[] s = x.shape();
        ConvGeometry g = geometry(new int[] {s[1], s[2], s[3]});
        Variable z = x.conv2d(param("kernel"), useBias ? param("bias") : null, g).named(name() + "/z");
        return activation.apply(z, alpha);
    }

    @Override
    public String describe() {
        return filters + " filters " + kernelH + "×" + kernelW + ", stride " + stride + ", padding "
                + padding.describe() + (dilation > 1 ? ", dilation " + dilation : "") + ", " + activation.id();
    }
}
