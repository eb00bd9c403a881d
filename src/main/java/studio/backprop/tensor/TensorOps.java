package studio.backprop.tensor;

import java.util.Arrays;
import studio.backprop.kernels.BufferSweep;
import studio.backprop.kernels.Elementwise;
import studio.backprop.kernels.Elementwise.BinaryOp;
import studio.backprop.kernels.Gemm;
import studio.backprop.kernels.Reduce;
import studio.backprop.kernels.Softmax;
import studio.backprop.kernels.UnaryFn;

/** The computing operations of {@link Tensor}: shape checks in words, then one kernel call. */
final class TensorOps {

    private TensorOps() {
    }

    static Tensor binary(String op, BinaryOp kind, Tensor a, Tensor b) {
        int[] shape = Shapes.broadcast(op, a.shapeRef(), b.shapeRef());
        Tensor out = Tensor.zeros(shape);
        Elementwise.binary(kind, a.data(), a.offset(), Shapes.broadcastStrides(a.shapeRef(), a.stridesRef(), shape),
                b.data(), b.offset(), Shapes.broadcastStrides(b.shapeRef(), b.stridesRef(), shape),
                shape, out.data(), 0);
        Finite.check(op, out, a, b);
        return out;
    }

    static Tensor inPlace(String op, BinaryOp kind, Tensor target, Tensor other) {
        int[] shape = Shapes.broadcast(op, target.shapeRef(), other.shapeRef());
        if (!Arrays.equals(shape, target.shapeRef())) {
            throw new ShapeException(op + ": cannot update a tensor of shape " + Shapes.str(target.shapeRef())
                    + " in place with one of shape " + Shapes.str(other.shapeRef()) + " (the result would be "
                    + Shapes.str(shape) + ")");
        }
        requireDense(op, target);
        Elementwise.binary(kind, target.data(), target.offset(), target.stridesRef(),
                other.data(), other.offset(), Shapes.broadcastStrides(other.shapeRef(), other.stridesRef(), shape),
                shape, target.data(), target.offset());
        Finite.check(op, target, other);
        return target;
    }

    static void assign(Tensor target, Tensor source) {
        requireDense("assign", target);
        if (source.data() != target.data() && source.isContiguous()
                && Arrays.equals(source.shapeRef(), target.shapeRef())) {
            // Same shape, both dense: a plain copy (a training step's new batch), without a broadcast view.
            System.arraycopy(source.data(), source.offset(), target.data(), target.offset(), target.size());
            return;
        }
        Tensor view = source.broadcastTo(target.shapeRef());
        if (view.data() == target.data()) {
            view = view.copy();
        }
        Elementwise.gather(view.data(), view.offset(), view.stridesRef(), target.shapeRef(), target.data(),
                target.offset());
    }

    static void fill(Tensor target, float value) {
        requireDense("fill", target);
        BufferSweep.fill(target.data(), target.offset(), target.offset() + target.size(), value);
    }

    private static void requireDense(String op, Tensor t) {
        if (!t.isContiguous()) {
            throw new ShapeException(op + ": in-place updates need a contiguous tensor; this one (shape "
                    + Shapes.str(t.shapeRef()) + ") is a strided view: call contiguous() first");
        }
    }

    static Tensor map(UnaryFn f, float alpha, Tensor x) {
        Tensor in = x.contiguous();
        Tensor out = Tensor.zeros(x.shapeRef());
        Elementwise.map(f, alpha, in.data(), 0, out.data(), 0, in.size());
        Finite.check(f.name().toLowerCase(java.util.Locale.ROOT), out, x);
        return out;
    }

    static Tensor reduce(String op, Tensor x, int axis, boolean keepDims, boolean mean) {
        int a = Shapes.axis(op, axis, x.rank());
        Tensor in = x.contiguous();
        int[] s = in.shapeRef();
        int outer = prod(s, 0, a);
        int inner = prod(s, a + 1, s.length);
        Tensor out = Tensor.zeros(reducedShape(s, a, keepDims));
        Reduce.sum(in.data(), outer, s[a], inner, out.data(), false);
        if (mean) {
            if (s[a] == 0) {
                throw new ShapeException(op + ": mean over an empty axis " + a + " of shape " + Shapes.str(s));
            }
            float[] d = out.data();
            for (int i = 0; i < d.length; i++) {
                d[i] /= s[a];
            }
        }
        Finite.check(op, out, x);
        return out;
    }

    static Tensor max(Tensor x, int axis, boolean keepDims, boolean wantIndex) {
        String op = wantIndex ? "argMax" : "max";
        int a = Shapes.axis(op, axis, x.rank());
        Tensor in = x.contiguous();
        int[] s = in.shapeRef();
        if (s[a] == 0) {
            throw new ShapeException(op + ": axis " + a + " of shape " + Shapes.str(s) + " is empty");
        }
        int outer = prod(s, 0, a);
        int inner = prod(s, a + 1, s.length);
        Tensor out = Tensor.zeros(reducedShape(s, a, keepDims));
        int[] index = wantIndex ? new int[out.size()] : null;
        Reduce.max(in.data(), outer, s[a], inner, out.data(), index);
        if (wantIndex) {
            for (int i = 0; i < index.length; i++) {
                out.data()[i] = index[i];
            }
        }
        return out;
    }

    static Tensor softmax(Tensor x, int axis, boolean log) {
        String op = log ? "logSoftmax" : "softmax";
        int a = Shapes.axis(op, axis, x.rank());
        int last = x.rank() - 1;
        Tensor moved = a == last ? x.contiguous() : x.transpose(a, last).contiguous();
        int cols = moved.shapeRef()[last];
        int rows = cols == 0 ? 0 : moved.size() / cols;
        Tensor out = Tensor.zeros(moved.shapeRef());
        if (log) {
            Softmax.logForward(moved.data(), rows, cols, out.data());
        } else {
            Softmax.forward(moved.data(), rows, cols, out.data());
        }
        Tensor result = a == last ? out : out.transpose(a, last).contiguous();
        Finite.check(op, result, x);
        return result;
    }

    static Tensor matMul(Tensor a, Tensor b) {
        int ra = a.rank();
        int rb = b.rank();
        if (ra < 2 || rb < 2 || ra > 3 || rb > 3 || (rb == 3 && ra != 3)) {
            throw new ShapeException("matMul: needs (m×k)·(k×n), (b×m×k)·(b×k×n) or (b×m×k)·(k×n); got "
                    + Shapes.str(a.shapeRef()) + " and " + Shapes.str(b.shapeRef()));
        }
        int m = a.dim(-2);
        int k = a.dim(-1);
        int n = b.dim(-1);
        int batch = ra == 3 ? a.dim(0) : 1;
        if (b.dim(-2) != k || (rb == 3 && b.dim(0) != batch)) {
            throw new ShapeException("matMul: shapes " + Shapes.str(a.shapeRef()) + " and " + Shapes.str(b.shapeRef())
                    + " do not chain: the inner dimensions must match (" + k + " vs " + b.dim(-2) + ")"
                    + (rb == 3 ? " and so must the batch sizes" : ""));
        }
        boolean transA = ra == 2 && isTransposedDense(a);
        boolean transB = rb == 2 && isTransposedDense(b);
        Tensor da = transA ? a : a.contiguous();
        Tensor db = transB ? b : b.contiguous();
        Tensor out = Tensor.zeros(ra == 3 ? new int[] {batch, m, n} : new int[] {m, n});
        for (int i = 0; i < batch; i++) {
            int bOff = rb == 3 ? i * k * n : 0;
            Gemm.gemm(transA, transB, m, n, k, da.data(), i * m * k, db.data(), bOff, out.data(), i * m * n, false);
        }
        Finite.check("matMul", out, a, b);
        return out;
    }

    /** A 2-D view that is the transpose of a dense matrix owning its whole buffer (no copy needed for GEMM). */
    private static boolean isTransposedDense(Tensor t) {
        int[] s = t.shapeRef();
        int[] st = t.stridesRef();
        return t.offset() == 0 && st[0] == 1 && st[1] == s[0] && t.data().length == t.size() && s[0] > 1 && s[1] > 1;
    }

    private static int[] reducedShape(int[] s, int axis, boolean keepDims) {
        if (keepDims) {
            int[] r = s.clone();
            r[axis] = 1;
            return r;
        }
        int[] r = new int[s.length - 1];
        for (int i = 0, j = 0; i < s.length; i++) {
            if (i != axis) {
                r[j++] = s[i];
            }
        }
        return r;
    }

    static int prod(int[] s, int from, int to) {
        int p = 1;
        for (int i = from; i < to; i++) {
            p *= s[i];
        }
        return p;
    }
}
