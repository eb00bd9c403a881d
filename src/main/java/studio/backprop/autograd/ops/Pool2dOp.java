package studio.backprop.autograd.ops;

import java.util.Locale;
import studio.backprop.autograd.Op;
import studio.backprop.kernels.ConvGeometry;
import studio.backprop.kernels.Pool2d;
import studio.backprop.tensor.Tensor;

/**
 * Windowed pooling over NHWC images, per channel: max (backward routes ∂L/∂y to the remembered argmax),
 * average over the in-image taps (backward spreads ∂L/∂y evenly), or L2 = √(Σ x²) (backward x/y · ∂L/∂y).
 */
public final class Pool2dOp extends Op {

    /** Which statistic a window is reduced to. */
    public enum Kind { MAX, AVG, L2 }

    private final Kind kind;
    private final ConvGeometry geometry;
    private final String name;
    private int[] argmax;
    private int[] dims;
    private Tensor dimsOf;

    public Pool2dOp(Kind kind, ConvGeometry geometry) {
        this.kind = kind;
        this.geometry = geometry;
        this.name = kind.name().toLowerCase(Locale.ROOT) + "Pool2d";
    }

    /** The remembered winners of the last max-pooling forward pass (flat input indices), or null. */
    public int[] argmax() {
        return argmax;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int[] outputShape(Tensor... in) {
        int[] x = ImageShapes.nhwc(name(), in[0]);
        int[] o = ImageShapes.windowOutput(name(), x[1], x[2], geometry);
        return new int[] {x[0], o[0], o[1], x[3]};
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
    public void forward(Tensor[] in, Tensor out) {
        int[] x = dims(in[0]);
        switch (kind) {
            case MAX -> {
                if (argmax == null || argmax.length != out.size()) {
                    argmax = new int[out.size()];
                }
                Pool2d.maxForward(in[0].buffer(), x[0], x[1], x[2], x[3], geometry, out.buffer(), argmax);
            }
            case AVG -> Pool2d.avgForward(in[0].buffer(), x[0], x[1], x[2], x[3], geometry, out.buffer());
            case L2 -> Pool2d.l2Forward(in[0].buffer(), x[0], x[1], x[2], x[3], geometry, out.buffer());
        }
    }

    @Override
    public void backward(Tensor[] in, Tensor out, Tensor gradOut, Tensor[] gradIn) {
        int[] x = dims(in[0]);
        float[] dx = gradIn[0].buffer();
        switch (kind) {
            case MAX -> Pool2d.maxBackward(gradOut.buffer(), argmax, x[0], x[1], x[2], x[3], geometry, dx, true);
            case AVG -> Pool2d.avgBackward(gradOut.buffer(), x[0], x[1], x[2], x[3], geometry, dx, true);
            case L2 -> Pool2d.l2Backward(in[0].buffer(), out.buffer(), gradOut.buffer(), x[0], x[1], x[2], x[3],
                    geometry, dx, true);
        }
    }
}
