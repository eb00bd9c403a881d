package studio.backprop.autograd.ops;

import studio.backprop.autograd.Op;
import studio.backprop.kernels.ConvGeometry;
import studio.backprop.kernels.ConvTranspose2d;
import studio.backprop.tensor.ShapeException;
import studio.backprop.tensor.Shapes;
import studio.backprop.tensor.Tensor;

/**
 * Transposed 2-D convolution over NHWC images (the adjoint of {@link Conv2dOp}): x (N, H, W, Cin), weights
 * (kh, kw, Cout, Cin) as in Keras, optional bias (Cout); output (N, (H−1)·s + d(k−1) + 1 − pad + outputPadding,
 * …, Cout). Each input pixel spreads x·w over a window of the output.
 */
public final class ConvTranspose2dOp extends Op {

    private final ConvGeometry geometry;
    private final int outputPaddingH;
    private final int outputPaddingW;
    private float[] workspace;

    public ConvTranspose2dOp(ConvGeometry geometry, int outputPaddingH, int outputPaddingW) {
        this.geometry = geometry;
        this.outputPaddingH = outputPaddingH;
        this.outputPaddingW = outputPaddingW;
    }

    @Override
    public String name() {
        return "convTranspose2d";
    }

    @Override
    public int[] outputShape(Tensor... in) {
        int[] x = ImageShapes.nhwc(name(), in[0]);
        int[] w = in[1].shape();
        if (w.length != 4 || w[0] != geometry.kernelH() || w[1] != geometry.kernelW() || w[3] != x[3]) {
            throw new ShapeException("convTranspose2d: weights must have shape (" + geometry.kernelH() + ", "
                    + geometry.kernelW() + ", filters, " + x[3] + ") for a " + x[3] + "-channel input, got "
                    + Shapes.str(w));
        }
        if (in.length > 2 && (in[2].rank() != 1 || in[2].dim(0) != w[2])) {
            throw new ShapeException("convTranspose2d: bias must have shape [" + w[2] + "], got "
                    + Shapes.str(in[2].shape()));
        }
        if (outputPaddingH < 0 || outputPaddingH >= geometry.strideH() || outputPaddingW < 0
                || outputPaddingW >= geometry.strideW()) {
            throw new ShapeException("convTranspose2d: output padding " + outputPaddingH + "×" + outputPaddingW
                    + " must be at least 0 and smaller than the stride " + geometry.strideH() + "×"
                    + geometry.strideW());
        }
        int oh = ConvTranspose2d.outH(x[1], geometry, outputPaddingH);
        int ow = ConvTranspose2d.outW(x[2], geometry, outputPaddingW);
        if (oh < 1 || ow < 1) {
            throw new ShapeException("convTranspose2d: padding removes the whole " + oh + "×" + ow + " output");
        }
        return new int[] {x[0], oh, ow, w[2]};
    }

    @Override
    public void forward(Tensor[] in, Tensor out) {
        Tensor x = in[0];
        int cout = in[1].dim(2);
        workspace = ImageShapes.ensure(workspace, ConvTranspose2d.workspaceSize(x.dim(0), x.dim(1), x.dim(2),
                x.dim(3), cout, geometry, outputPaddingH, outputPaddingW));
        ConvTranspose2d.forward(x.buffer(), x.dim(0), x.dim(1), x.dim(2), x.dim(3), in[1].buffer(),
                in.length > 2 ? in[2].buffer() : null, cout, geometry, outputPaddingH, outputPaddingW, workspace,
                out.buffer());
    }

    @Override
    public void backward(Tensor[] in, Tensor out, Tensor gradOut, Tensor[] gradIn) {
        Tensor x = in[0];
        int n = x.dim(0);
        int h = x.dim(1);
        int w = x.dim(2);
        int cin = x.dim(3);
        int cout = in[1].dim(2);
        float[] dy = gradOut.buffer();
        if (gradIn[0] != null) {
            ConvTranspose2d.backwardInput(dy, n, h, w, cin, in[1].buffer(), cout, geometry, outputPaddingH,
                    outputPaddingW, workspace, gradIn[0].buffer(), true);
        }
        if (gradIn[1] != null) {
            ConvTranspose2d.backwardWeight(x.buffer(), dy, n, h, w, cin, cout, geometry, outputPaddingH,
                    outputPaddingW, workspace, gradIn[1].buffer(), true);
        }
        if (in.length > 2 && gradIn[2] != null) {
            ConvTranspose2d.backwardBias(dy, n, out.dim(1), out.dim(2), cout, gradIn[2].buffer(), true);
        }
    }
}
