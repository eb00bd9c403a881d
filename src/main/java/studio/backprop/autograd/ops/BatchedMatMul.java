package studio.backprop.autograd.ops;

import studio.backprop.autograd.Op;
import studio.backprop.kernels.Gemm;
import studio.backprop.tensor.ShapeException;
import studio.backprop.tensor.Shapes;
import studio.backprop.tensor.Tensor;

/**
 * A stack of matrix products: Y[b] = A[b]·B[b] for A (…, m, k) and B (…, k, n) with the same leading axes
 * (the batch, or batch × heads); Y is (…, m, n). Backward, per matrix: ∂L/∂A[b] += ∂L/∂Y[b]·B[b]ᵀ and
 * ∂L/∂B[b] += A[b]ᵀ·∂L/∂Y[b]. Attention's QKᵀ and weights·V are this product.
 */
public final class BatchedMatMul extends Op {

    @Override
    public String name() {
        return "batchedMatMul";
    }

    @Override
    public String formula() {
        return "Y[b] = A[b]·B[b]";
    }

    @Override
    public int[] outputShape(Tensor... in) {
        int[] a = in[0].shape();
        int[] b = in[1].shape();
        if (a.length < 3 || a.length != b.length) {
            throw new ShapeException("batchedMatMul: needs two stacks of matrices of the same rank (at least 3), "
                    + "got shapes " + Shapes.str(a) + " and " + Shapes.str(b));
        }
        int r = a.length;
        for (int i = 0; i < r - 2; i++) {
            if (a[i] != b[i]) {
                throw new ShapeException("batchedMatMul: the leading axes of " + Shapes.str(a) + " and "
                        + Shapes.str(b) + " differ at axis " + i + " (" + a[i] + " vs " + b[i] + ")");
            }
        }
        if (a[r - 1] != b[r - 2]) {
            throw new ShapeException("batchedMatMul: shapes " + Shapes.str(a) + " and " + Shapes.str(b)
                    + " do not chain: each A has " + a[r - 1] + " columns but each B has " + b[r - 2] + " rows");
        }
        int[] out = a.clone();
        out[r - 1] = b[r - 1];
        return out;
    }

    /**
     * Below this many multiply-adds per matrix the plain-Java kernel is used: attention's many small products
     * (T×d by d×T per head) would otherwise pay the small-matrix kernels' per-call cost over and over.
     */
    private static final long SMALL_MACS = 1L << 15;

    @Override
    public void forward(Tensor[] in, Tensor out) {
        Dims d = dims(in);
        for (int s = 0; s < d.count; s++) {
            gemm(false, false, d.m, d.n, d.k, in[0].buffer(), s * d.m * d.k, in[1].buffer(), s * d.k * d.n,
                    out.buffer(), s * d.m * d.n, false);
        }
    }

    private static void gemm(boolean transA, boolean transB, int m, int n, int k, float[] a, int aOff, float[] b,
                             int bOff, float[] c, int cOff, boolean accumulate) {
        if ((long) m * n * k < SMALL_MACS) {
            Gemm.gemmPlain(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff, accumulate);
        } else {
            Gemm.gemm(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff, accumulate);
        }
    }

    @Override
    public void backward(Tensor[] in, Tensor out, Tensor gradOut, Tensor[] gradIn) {
        Dims d = dims(in);
        for (int s = 0; s < d.count; s++) {
            int aOff = s * d.m * d.k;
            int bOff = s * d.k * d.n;
            int yOff = s * d.m * d.n;
            if (gradIn[0] != null) {
                gemm(false, true, d.m, d.k, d.n, gradOut.buffer(), yOff, in[1].buffer(), bOff,
                        gradIn[0].buffer(), aOff, true);
            }
            if (gradIn[1] != null) {
                gemm(true, false, d.k, d.n, d.m, in[0].buffer(), aOff, gradOut.buffer(), yOff,
                        gradIn[1].buffer(), bOff, true);
            }
        }
    }

    /**
     * The naive reference: every Y[b][i][j] as the dot product of row i of A[b] and column j of B[b], in the
     * same float order as {@link Gemm#gemmReference}. Shapes as the op; y is overwritten.
     */
    public static void forwardReference(float[] a, float[] b, int count, int m, int k, int n, float[] y) {
        for (int s = 0; s < count; s++) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    float sum = 0f;
                    for (int p = 0; p < k; p++) {
                        sum += a[s * m * k + i * k + p] * b[s * k * n + p * n + j];
                    }
                    y[s * m * n + i * n + j] = sum;
                }
            }
        }
    }

    private record Dims(int count, int m, int k, int n) {
    }

    private static Dims dims(Tensor[] in) {
        int r = in[0].rank();
        int m = in[0].dim(r - 2);
        int k = in[0].dim(r - 1);
        int n = in[1].dim(r - 1);
        int count = m * k == 0 ? 0 : in[0].size() / (m * k);
        return new Dims(count, m, k, n);
    }
}
