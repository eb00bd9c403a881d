package studio.backprop.autograd.ops;

import studio.backprop.autograd.Op;
import studio.backprop.kernels.Gemm;
import studio.backprop.tensor.ShapeException;
import studio.backprop.tensor.Shapes;
import studio.backprop.tensor.Tensor;

/**
 * Y = A·B for A (m×k) and B (k×n); backward ∂L/∂A += ∂L/∂Y · Bᵀ and ∂L/∂B += Aᵀ · ∂L/∂Y.
 * With batches as rows this is the dense layer's Z = X·W.
 */
public final class MatMul extends Op {

    @Override
    public String name() {
        return "matMul";
    }

    @Override
    public String formula() {
        return "Y = A·B";
    }

    @Override
    public int[] outputShape(Tensor... in) {
        int[] a = in[0].shape();
        int[] b = in[1].shape();
        if (a.length != 2 || b.length != 2) {
            throw new ShapeException("matMul: needs two matrices, got shapes " + Shapes.str(a) + " and "
                    + Shapes.str(b));
        }
        if (a[1] != b[0]) {
            throw new ShapeException("matMul: shapes " + Shapes.str(a) + " and " + Shapes.str(b)
                    + " do not chain: A has " + a[1] + " columns but B has " + b[0] + " rows");
        }
        return new int[] {a[0], b[1]};
    }

    @Override
    public void forward(Tensor[] in, Tensor out) {
        int m = in[0].dim(0);
        int k = in[0].dim(1);
        int n = in[1].dim(1);
        Gemm.gemm(false, false, m, n, k, in[0].buffer(), 0, in[1].buffer(), 0, out.buffer(), 0, false);
    }

    @Override
    public void backward(Tensor[] in, Tensor out, Tensor gradOut, Tensor[] gradIn) {
        int m = in[0].dim(0);
        int k = in[0].dim(1);
        int n = in[1].dim(1);
        if (gradIn[0] != null) {
            Gemm.gemm(false, true, m, k, n, gradOut.buffer(), 0, in[1].buffer(), 0, gradIn[0].buffer(), 0, true);
        }
        if (gradIn[1] != null) {
            Gemm.gemm(true, false, k, n, m, in[0].buffer(), 0, gradOut.buffer(), 0, gradIn[1].buffer(), 0, true);
        }
    }
}
