package studio.backprop.nn.layers;

import java.util.ArrayList;
import java.util.List;
import studio.backprop.autograd.Variable;
import studio.backprop.kernels.ConvGeometry;
import studio.backprop.kernels.ConvTranspose2d;
import studio.backprop.nn.Activation;
import studio.backprop.nn.LayerShapeException;
import studio.backprop.nn.init.Initializer;

/**
 * Transposed convolution ("deconvolution"), the adjoint of a convolution: it maps (H, W, Cin) to
 * ((H − 1)·s + k − 2p + output padding, …, filters). Kernels have Keras's shape (kh, kw, filters, Cin).
 * "same" padding gives H·s at stride s.
 */
public final class Conv2DTranspose extends AbstractLayer {

    private final int filters;
    private final int kernel;
    private final int stride;
    private final Padding padding;
    private final int outputPadding;
    private final boolean useBias;
    private final Activation activation;
    private final float alpha;

    /** With the activation's own α (0.01 for leaky ReLU, 1 for ELU). */
    public Conv2DTranspose(String name, int filters, int kernel, int stride, Padding padding, int outputPadding,
                           boolean useBias, Activation activation) {
        this(name, filters, kernel, stride, padding, outputPadding, useBias, activation, activation.defaultAlpha());
    }

    /** @param alpha slope of leaky ReLU for x &lt; 0, or scale of ELU; unused by other activations */
    public Conv2DTranspose(String name, int filters, int kernel, int stride, Padding padding, int outputPadding,
                           boolean useBias, Activation activation, float alpha) {
        super(name);
        if (filters < 1) {
            throw new LayerShapeException(name, "Conv2DTranspose '" + name + "' needs at least 1 filter");
        }
        this.filters = filters;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.outputPadding = outputPadding;
        this.useBias = useBias;
        this.activation = activation;
        this.alpha = alpha;
    }

    @Override
    public String type() {
        return "Conv2DTranspose";
    }

    /** Geometry of the transposed window; "same" removes k − s rows in total so the output is n·s. */
    private ConvGeometry geometry() {
        if (kernel < 1 || stride < 1) {
            throw new LayerShapeException(name(), "Conv2DTranspose '" + name() + "': kernel and stride must be at "
                    + "least 1");
        }
        return switch (padding.mode()) {
            case VALID -> ConvGeometry.square(kernel, stride, 0);
            case EXPLICIT -> new ConvGeometry(kernel, kernel, stride, stride, padding.top(), padding.bottom(),
                    padding.left(), padding.right(), 1, 1);
            case SAME -> {
                int total = Math.max(kernel - stride, 0);
                yield new ConvGeometry(kernel, kernel, stride, stride, total / 2, total - total / 2, total / 2,
                        total - total / 2, 1, 1);
            }
        };
    }

    /**
     * Rows and columns added after the last window: the output padding, plus under "same" the s − k that a kernel
     * smaller than its stride leaves short of n·s (they receive only the bias, as in Keras).
     */
    private int effectiveOutputPadding() {
        int shortfall = padding.mode() == Padding.Mode.SAME ? Math.max(stride - kernel, 0) : 0;
        return outputPadding + shortfall;
    }

    @Override
    public int[] outputShape(List<int[]> inputShapes) {
        int[] in = single(inputShapes, 3, "an image input (height, width, channels)");
        ConvGeometry g = geometry();
        if (outputPadding < 0 || outputPadding >= stride) {
            throw new LayerShapeException(name(), "Conv2DTranspose '" + name() + "': output padding "
                    + outputPadding + " must be at least 0 and smaller than the stride " + stride);
        }
        int extra = effectiveOutputPadding();
        if (extra >= stride) {
            throw new LayerShapeException(name(), "Conv2DTranspose '" + name() + "': with \"same\" padding the "
                    + kernel + "×" + kernel + " kernel already needs " + (stride - kernel) + " extra rows and "
                    + "columns to reach " + stride + "× the input, so the output padding must be below " + kernel
                    + ", got " + outputPadding);
        }
        int oh = ConvTranspose2d.outH(in[0], g, extra);
        int ow = ConvTranspose2d.outW(in[1], g, extra);
        if (oh < 1 || ow < 1) {
            throw new LayerShapeException(name(), "Conv2DTranspose '" + name() + "': padding "
                    + padding.describe() + " removes the whole output of a " + in[0] + "×" + in[1] + " input");
        }
        return new int[] {oh, ow, filters};
    }

    @Override
    public List<ParamSpec> parameterSpecs(List<int[]> inputShapes) {
        int[] in = single(inputShapes, 3, "an image input (height, width, channels)");
        List<ParamSpec> specs = new ArrayList<>();
        specs.add(new ParamSpec("kernel", new int[] {kernel, kernel, filters, in[2]}, true,
                Initializer.glorotUniform()));
        if (useBias) {
            specs.add(new ParamSpec("bias", new int[] {filters}, true, Initializer.zeros()));
        }
        return specs;
    }

    @Override
    public Variable forward(List<Variable> inputs, ForwardContext context) {
        int extra = effectiveOutputPadding();
        Variable z = inputs.get(0).convTranspose2d(param("kernel"), useBias ? param("bias") : null, geometry(),
                extra, extra).named(name() + "/z");
        return activation.apply(z, alpha);
    }

    @Override
    public String describe() {
        return filters + " filters " + kernel + "×" + kernel + ", stride " + stride + ", padding "
                + padding.describe() + ", " + activation.id();
    }
}
