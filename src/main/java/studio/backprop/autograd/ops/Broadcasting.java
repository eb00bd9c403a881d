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
    /** Shapes and broadcast strides of the last (a, b, out) seen; a replayed tape reuses them. */
    private Tensor keyA;
    private Tensor keyB;
    private Tensor keyOut;
    private int[] shape;
    private int[] dense;
    private int[] aShape;
    private int[] bShape;
    private int[] aStrides;
    private int[] bStrides;

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

    /** Fills the cached shapes and strides unless they already describe these tensors. */
    private void layout(Tensor a, Tensor b, Tensor out) {
        if (a == keyA && b == keyB && out == keyOut) {
            return;
        }
        shape = out.shape();
        dense = Elementwise.contiguousStrides(shape);
        aShape = a.shape();
        bShape = b.shape();
        aStrides = stridesFor(a, shape);
        bStrides = stridesFor(b, shape);
        keyA = a;
        keyB = b;
        keyOut = out;
    }

    @Override
    public void forward(Tensor[] in, Tensor out) {
        layout(in[0], in[1], out);
        Elementwise.binary(kind, in[0].buffer(), 0, aStrides, in[1].buffer(), 0, bStrides, shape, out.buffer(), 0);
    }

    @Override
    public void backward(Tensor[] in, Tensor out, Tensor gradOut, Tensor[] gradIn) {
        layout(in[0], in[1], out);
        if (gradIn[0] != null) {
            switch (kind) {
                case ADD, SUB -> accumulateReduced(gradOut.buffer(), shape, gradIn[0], aShape);
                case MUL -> accumulateReduced(combine(BinaryOp.MUL, gradOut, in[1], bStrides), shape, gradIn[0],
                        aShape);
                default -> accumulateReduced(combine(BinaryOp.DIV, gradOut, in[1], bStrides), shape, gradIn[0],
                        aShape);
            }
        }
        if (gradIn[1] != null) {
            switch (kind) {
                case ADD -> accumulateReduced(gradOut.buffer(), shape, gradIn[1], bShape);
                case SUB -> accumulateReduced(negated(gradOut), shape, gradIn[1], bShape);
                case MUL -> accumulateReduced(combine(BinaryOp.MUL, gradOut, in[0], aStrides), shape, gradIn[1],
                        bShape);
                default -> {
                    float[] t = combine(BinaryOp.MUL, gradOut, out, dense);
                    Elementwise.binary(BinaryOp.DIV, t, 0, dense, in[1].buffer(), 0, bStrides, shape, t, 0);
                    for (int i = 0; i < t.length; i++) {
                        t[i] = -t[i];
                    }
                    accumulateReduced(t, shape, gradIn[1], bShape);
                }
            }
        }
    }

    /** scratch = gradOut ∘ other (other broadcast to the output shape by {@code otherStrides}). */
    private float[] combine(BinaryOp how, Tensor gradOut, Tensor other, int[] otherStrides) {
        float[] t = scratch(gradOut.size());
        Elementwise.binary(how, gradOut.buffer(), 0, dense, other.buffer(), 0, otherStrides, shape, t, 0);
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
        accumulateReduced(g, outShape, target, target.shape());
    }

    /** {@link #accumulateReduced(float[], int[], Tensor)} with the target's shape already at hand. */
    static void accumulateReduced(float[] g, int[] outShape, Tensor target, int[] inShape) {
        float[] t = target.buffer();
        if (Arrays.equals(inShape, outShape)) {
            for (int i = 0; i < t.length; i++) {
                t[i] += g[i];
            }
            return;
        }
        int n = g.length;
        if (t.length == 1) {
            t[0] += (float) Reduce.total(g, 0, n, 1);
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
