package studio.backprop.autograd.ops;

import studio.backprop.autograd.Op;
import studio.backprop.kernels.Conv2d;
import studio.backprop.kernels.ConvGeometry;
import studio.backprop.tensor.ShapeException;
import studio.backprop.tensor.Shapes;
import studio.backprop.tensor.Tensor;

/**
 * 2-D cross-correlation over NHWC images: inputs x (N, H, W, Cin), weights (kh, kw, Cin, Cout) and optionally a
 * bias (Cout); output (N, oH, oW, Cout) with y = b + Σ x·w over each window.
 * Backward: ∂L/∂x by the transposed correlation, ∂L/∂w = Σ over batch and pixels of window ⊗ ∂L/∂y,
 * ∂L/∂b = Σ ∂L/∂y.
 */
public final class Conv2dOp extends Op {

    private final ConvGeometry geometry;
    private float[] workspace;
    private int[] dims;
    private Tensor dimsOf;

    public Conv2dOp(ConvGeometry geometry) {
        this.geometry = geometry;
    }

    @Override
    public String name() {
        return "conv2d";
    }

    @Override
    public String formula() {
        return "y = b + Σ_window x ⋆ w";
    }

    @Override
    public int[] outputShape(Tensor... in) {
        int[] x = ImageShapes.nhwc(name(), in[0]);
        int[] w = in[1].shape();
        if (w.length != 4 || w[0] != geometry.kernelH() || w[1] != geometry.kernelW() || w[2] != x[3]) {
            throw new ShapeException("conv2d: weights must have shape (" + geometry.kernelH() + ", "
                    + geometry.kernelW() + ", " + x[3] + ", filters) for a " + x[3] + "-channel input, got "
                    + Shapes.str(w));
        }
        if (in.length > 2 && (in[2].rank() != 1 || in[2].dim(0) != w[3])) {
            throw new ShapeException("conv2d: bias must have shape [" + w[3] + "], got " + Shapes.str(in[2].shape()));
        }
        int[] o = ImageShapes.windowOutput(name(), x[1], x[2], geometry);
        return new int[] {x[0], o[0], o[1], w[3]};
    }

    @Override
    public void forward(Tensor[] in, Tensor out) {
        Tensor x = in[0];
        int cout = in[1].dim(3);
        workspace = ImageShapes.ensure(workspace, Conv2d.workspaceSize(x.dim(0), x.dim(1), x.dim(2), x.dim(3),
                geometry));
        Conv2d.forward(x.buffer(), x.dim(0), x.dim(1), x.dim(2), x.dim(3), in[1].buffer(),
                in.length > 2 ? in[2].buffer() : null, cout, geometry, workspace, out.buffer());
    }

    /** The four NHWC dimensions of {@code t}, kept while it is the same tensor so a replay copies no shape. */
    private int[] dims(Tensor t) {
        if (dimsOf != t) {
            dims = t.shape();
            dimsOf = t;
        }
        return dims;
    }

    @Override
    public void backward(Tensor[] in, Tensor out, Tensor gradOut, Tensor[] gradIn) {
        int[] x = dims(in[0]);
        int cout = in[1].dim(3);
        float[] dy = gradOut.buffer();
        if (gradIn[0] != null) {
            Conv2d.backwardInput(dy, x[0], x[1], x[2], x[3], in[1].buffer(), cout, geometry, workspace,
                    gradIn[0].buffer(), true);
        }
        if (gradIn[1] != null) {
            Conv2d.backwardWeight(in[0].buffer(), dy, x[0], x[1], x[2], x[3], cout, geometry, workspace,
                    gradIn[1].buffer(), true);
        }
        if (in.length > 2 && gradIn[2] != null) {
            Conv2d.backwardBias(dy, x[0], out.dim(1), out.dim(2), cout, gradIn[2].buffer(), true);
        }
    }
}
