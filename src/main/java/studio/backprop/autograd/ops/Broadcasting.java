package studio.backprop.autograd.ops;

import java.util.Arrays;
import studio.backprop.autograd.Op;
import studio.backprop.kernels.Elementwise;
import studio.backprop.kernels.Elementwise.BinaryOp;
import studio.backprop.kernels.Reduce;
import studio.backprop.tensor.Shapes;
import studio.backprop.tensor.Tensor;

/**
 * The four broadcast arithmetic ops y = a ∘ b (∘ ∈ {+, −, ×, ÷}) and their backward rules:
 * ∂/∂a = (1, 1, b, 1/b) and ∂/∂b = (1, −1, a, −y/b), each summed back over the axes that were broadcast.
 */
public final class Broadcasting extends Op {

    private final BinaryOp kind;
    private final String name;
    private float[] scratch;

    private Broadcasting(BinaryOp kind) {
        if (kind != BinaryOp.ADD && kind != BinaryOp.SUB && kind != BinaryOp.MUL && kind != BinaryOp.DIV) {
            throw new IllegalArgumentException("broadcast arithmetic supports add, sub, mul, div; not " + kind);
        }
        this.kind = kind;
        this.name = kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** A fresh op instance for one application. */
    public static Broadcasting op(BinaryOp kind) {
        return new Broadcasting(kind);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String formula() {
        return switch (kind) {
            case ADD -> "y = a + b";
            case SUB -> "y = a − b";
            case MUL -> "y = a ⊙ b";
            default -> "y = a ⊘ b";
        };
    }

    @Override
    public int[] outputShape(Tensor... in) {
        return Shapes.broadcast(name(), in[0].shape(), in[1].shape());
    }

    @Override
    public void forward(Tensor[] in, Tensor out) {
        int[] shape = out.shape();
        Elementwise.binary(kind, in[0].buffer(), 0, stridesFor(in[0], shape), in[1].buffer(), 0,
                stridesFor(in[1], shape), shape, out.buffer(), 0);
    }

    @Override
    public void backward(Tensor[] in, Tensor out, Tensor gradOut, Tensor[] gradIn) {
        int[] shape = out.shape();
        if (gradIn[0] != null) {
            switch (kind) {
                case ADD, SUB -> accumulateReduced(gradOut.buffer(), shape, gradIn[0]);
                case MUL -> accumulateReduced(combine(BinaryOp.MUL, gradOut, in[1], shape), shape, gradIn[0]);
                default -> accumulateReduced(combine(BinaryOp.DIV, gradOut, in[1], shape), shape, gradIn[0]);
            }
        }
        if (gradIn[1] != null) {
            switch (kind) {
                case ADD -> accumulateReduced(gradOut.buffer(), shape, gradIn[1]);
                case SUB -> accumulateReduced(negated(gradOut), shape, gradIn[1]);
                case MUL -> accumulateReduced(combine(BinaryOp.MUL, gradOut, in[0], shape), shape, gradIn[1]);
                default -> {
                    float[] t = combine(BinaryOp.MUL, gradOut, out, shape);
                    Elementwise.binary(BinaryOp.DIV, t, 0, Elementwise.contiguousStrides(shape), in[1].buffer(), 0,
                            stridesFor(in[1], shape), shape, t, 0);
                    for (int i = 0; i < t.length; i++) {
                        t[i] = -t[i];
                    }
                    accumulateReduced(t, shape, gradIn[1]);
                }
            }
        }
    }

    /** scratch = gradOut ∘ other (other broadcast to the output shape). */
    private float[] combine(BinaryOp how, Tensor gradOut, Tensor other, int[] shape) {
        float[] t = scratch(gradOut.size());
        Elementwise.binary(how, gradOut.buffer(), 0, Elementwise.contiguousStrides(shape), other.buffer(), 0,
                stridesFor(other, shape), shape, t, 0);
        return t;
    }

    private float[] negated(Tensor gradOut) {
        float[] g = gradOut.buffer();
        float[] t = scratch(g.length);
        for (int i = 0; i < g.length; i++) {
            t[i] = -g[i];
        }
        return t;
    }

    private float[] scratch(int n) {
        if (scratch == null || scratch.length != n) {
            scratch = new float[n];
        }
        return scratch;
    }

    private static int[] stridesFor(Tensor t, int[] shape) {
        return Shapes.broadcastStrides(t.shape(), Elementwise.contiguousStrides(t.shape()), shape);
    }

    /**
     * target += g summed over the axes along which target was broadcast to {@code outShape} (the adjoint of
     * broadcasting). Sums run in a fixed order, so the result does not depend on the thread count.
     */
    public static void accumulateReduced(float[] g, int[] outShape, Tensor target) {
        float[] t = target.buffer();
        int[] inShape = target.shape();
        if (Arrays.equals(inShape, outShape)) {
            for (int i = 0; i < t.length; i++) {
                t[i] += g[i];
            }
            return;
        }
        int n = g.length;
        if (t.length == 1) {
            double acc = 0;
            for (float v : g) {
                acc += v;
            }
            t[0] += (float) acc;
            return;
        }
        int last = outShape.length - 1;
        if (last >= 0 && t.length == outShape[last] && inShape[inShape.length - 1] == outShape[last]) {
            Reduce.sum(g, 1, n / t.length, t.length, t, true);
            return;
        }
        int[] strides = Shapes.broadcastStrides(inShape, Elementwise.contiguousStrides(inShape), outShape);
        int[] index = new int[outShape.length];
        int ti = 0;
        for (int i = 0; i < n; i++) {
            t[ti] += g[i];
            for (int axis = last; axis >= 0; axis--) {
                index[axis]++;
                ti += strides[axis];
                if (index[axis] < outShape[axis]) {
                    break;
                }
                ti -= strides[axis] * outShape[axis];
                index[axis] = 0;
            }
        }
    }
}
