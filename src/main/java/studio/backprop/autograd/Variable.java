package studio.backprop.autograd;

import java.util.List;
import studio.backprop.autograd.ops.Affine;
import studio.backprop.autograd.ops.BatchedMatMul;
import studio.backprop.autograd.ops.Broadcasting;
import studio.backprop.autograd.ops.Conv2dOp;
import studio.backprop.autograd.ops.ConvTranspose2dOp;
import studio.backprop.autograd.ops.GlobalPoolOp;
import studio.backprop.autograd.ops.Pool2dOp;
import studio.backprop.autograd.ops.UpsampleOp;
import studio.backprop.autograd.ops.Concat;
import studio.backprop.autograd.ops.MatMul;
import studio.backprop.autograd.ops.MaxAlong;
import studio.backprop.autograd.ops.Permute;
import studio.backprop.autograd.ops.Reshape;
import studio.backprop.autograd.ops.SigmoidCrossEntropy;
import studio.backprop.autograd.ops.Slice;
import studio.backprop.autograd.ops.SoftmaxCrossEntropy;
import studio.backprop.autograd.ops.SoftmaxOps;
import studio.backprop.autograd.ops.SumAlong;
import studio.backprop.autograd.ops.Unary;
import studio.backprop.kernels.ConvGeometry;
import studio.backprop.kernels.Elementwise.BinaryOp;
import studio.backprop.kernels.UnaryFn;
import studio.backprop.tensor.Finite;
import studio.backprop.tensor.Tensor;

/**
 * A node of the computation graph: a value, the gradient ∂L/∂value once backward has run, and the op and inputs
 * that made it (none for a leaf). Leaves are parameters (they want a gradient) or constants (they do not).
 *
 * <p>Applying an op computes its value at once (eager); {@link Tape#record} later walks the graph from a loss to
 * run backward or to replay the whole computation in place.
 */
public final class Variable {

    private final Tensor value;
    private final Op op;
    private final Variable[] inputs;
    private final boolean requiresGrad;
    private Tensor grad;
    private String name;

    private Variable(Tensor value, Op op, Variable[] inputs, boolean requiresGrad, String name) {
        this.value = value;
        this.op = op;
        this.inputs = inputs;
        this.requiresGrad = requiresGrad;
        this.name = name;
    }

    /** A leaf that wants a gradient (a weight, a bias, an input being checked). Holds {@code value} itself. */
    public static Variable parameter(Tensor value, String name) {
        return new Variable(value.contiguous(), null, new Variable[0], true, name);
    }

    /** A leaf that needs no gradient (data, targets, masks). */
    public static Variable constant(Tensor value, String name) {
        return new Variable(value.contiguous(), null, new Variable[0], false, name);
    }

    public static Variable constant(Tensor value) {
        return constant(value, "const");
    }

    /** Applies {@code op} to the inputs, computing its value now. */
    public static Variable apply(Op op, Variable... inputs) {
        Tensor[] values = new Tensor[inputs.length];
        boolean wantsGrad = false;
        for (int i = 0; i < inputs.length; i++) {
            values[i] = inputs[i].value;
            wantsGrad |= inputs[i].requiresGrad;
        }
        Tensor out = op.allocateOutput(op.outputShape(values), values);
        op.forward(values, out);
        if (!op.finiteFromFinite()) {
            Finite.check(op.name(), out, values);
        }
        return new Variable(out, op, inputs.clone(), wantsGrad, op.name());
    }

    // ---------------------------------------------------------------- inspection

    public Tensor value() {
        return value;
    }

    /** ∂L/∂value from the last backward pass, or null if none reached this node. */
    public Tensor grad() {
        return grad;
    }

    /** The op that made this node, or null for a leaf. */
    public Op op() {
        return op;
    }

    public List<Variable> inputs() {
        return List.of(inputs);
    }

    public boolean requiresGrad() {
        return requiresGrad;
    }

    public boolean isLeaf() {
        return op == null;
    }

    public String name() {
        return name;
    }

    /** Gives this node a name for traces ("z1", "loss"); returns this. */
    public Variable named(String newName) {
        this.name = newName;
        return this;
    }

    public int[] shape() {
        return value.shape();
    }

    /** The gradient buffer, created at first use and then reused across backward passes. */
    Tensor gradBuffer() {
        if (grad == null) {
            grad = Tensor.zeros(value.shape());
        }
        return grad;
    }

    Variable[] inputArray() {
        return inputs;
    }

    /** Runs backward from this scalar: every reachable node's {@link #grad()} becomes ∂this/∂node. */
    public Tape backward() {
        Tape tape = Tape.record(this);
        tape.backward();
        return tape;
    }

    // ---------------------------------------------------------------- fluent ops

    public Variable add(Variable other) {
        return apply(Broadcasting.op(BinaryOp.ADD), this, other);
    }

    public Variable sub(Variable other) {
        return apply(Broadcasting.op(BinaryOp.SUB), this, other);
    }

    public Variable mul(Variable other) {
        return apply(Broadcasting.op(BinaryOp.MUL), this, other);
    }

    public Variable div(Variable other) {
        return apply(Broadcasting.op(BinaryOp.DIV), this, other);
    }

    /** A·B for matrices; for stacks of matrices (rank 3 or more) the product of each pair (batched). */
    public Variable matMul(Variable other) {
        return apply(value.rank() > 2 ? new BatchedMatMul() : new MatMul(), this, other);
    }

    /** a·x + b element-wise, for constants a and b. */
    public Variable affine(float scale, float shift) {
        return apply(new Affine(scale, shift), this);
    }

    public Variable mul(float scale) {
        return affine(scale, 0f);
    }

    public Variable add(float shift) {
        return affine(1f, shift);
    }

    public Variable neg() {
        return affine(-1f, 0f);
    }

    public Variable map(UnaryFn f, float alpha) {
        return apply(new Unary(f, alpha), this);
    }

    public Variable map(UnaryFn f) {
        return map(f, 0f);
    }

    public Variable exp() {
        return map(UnaryFn.EXP);
    }

    public Variable log() {
        return map(UnaryFn.LOG);
    }

    public Variable sqrt() {
        return map(UnaryFn.SQRT);
    }

    public Variable square() {
        return map(UnaryFn.SQUARE);
    }

    public Variable abs() {
        return map(UnaryFn.ABS);
    }

    public Variable pow(float exponent) {
        return map(UnaryFn.POW, exponent);
    }

    public Variable sigmoid() {
        return map(UnaryFn.SIGMOID);
    }

    public Variable tanh() {
        return map(UnaryFn.TANH);
    }

    public Variable relu() {
        return map(UnaryFn.RELU);
    }

    /** Sum of all elements, a scalar of shape []. */
    public Variable sum() {
        return reshape(value.size()).sum(0, false);
    }

    public Variable sum(int axis, boolean keepDims) {
        return apply(new SumAlong(axis, keepDims), this);
    }

    /** Mean of all elements. */
    public Variable mean() {
        return sum().mul(1f / value.size());
    }

    public Variable mean(int axis, boolean keepDims) {
        return sum(axis, keepDims).mul(1f / value.dim(axis));
    }

    public Variable max(int axis, boolean keepDims) {
        return apply(new MaxAlong(axis, keepDims), this);
    }

    public Variable reshape(int... shape) {
        return apply(new Reshape(shape), this);
    }

    public Variable permute(int... order) {
        return apply(new Permute(order), this);
    }

    /** Swaps the last two axes. */
    public Variable transpose() {
        int r = value.rank();
        int[] order = new int[r];
        for (int i = 0; i < r; i++) {
            order[i] = i;
        }
        order[r - 2] = r - 1;
        order[r - 1] = r - 2;
        return permute(order);
    }

    public Variable slice(int axis, int start, int end) {
        return apply(new Slice(axis, start, end), this);
    }

    /** Joins tensors along an axis; all other dimensions must agree. */
    public static Variable concat(int axis, Variable... parts) {
        return apply(new Concat(axis), parts);
    }

    /** Softmax over the last axis. */
    public Variable softmax() {
        return apply(SoftmaxOps.softmax(), this);
    }

    /** log-softmax over the last axis. */
    public Variable logSoftmax() {
        return apply(SoftmaxOps.logSoftmax(), this);
    }

    /** Cross-correlation of this NHWC batch with HWIO weights and an optional bias (null for none). */
    public Variable conv2d(Variable weights, Variable bias, ConvGeometry geometry) {
        Op op = new Conv2dOp(geometry);
        return bias == null ? apply(op, this, weights) : apply(op, this, weights, bias);
    }

    /** Transposed convolution of this NHWC batch with (kh, kw, out, in) weights and an optional bias. */
    public Variable convTranspose2d(Variable weights, Variable bias, ConvGeometry geometry, int outputPaddingH,
                                    int outputPaddingW) {
        Op op = new ConvTranspose2dOp(geometry, outputPaddingH, outputPaddingW);
        return bias == null ? apply(op, this, weights) : apply(op, this, weights, bias);
    }

    /** Max, average or L2 pooling over windows of this NHWC batch. */
    public Variable pool2d(Pool2dOp.Kind kind, ConvGeometry geometry) {
        return apply(new Pool2dOp(kind, geometry), this);
    }

    /** Global average (or maximum) of each channel: (N, H, W, C) → (N, C). */
    public Variable globalPool(boolean max) {
        return apply(new GlobalPoolOp(max), this);
    }

    /** Nearest-neighbour upsampling by integer factors. */
    public Variable upsample(int factorH, int factorW) {
        return apply(new UpsampleOp(factorH, factorW), this);
    }

    /** Mean categorical cross-entropy of these logits (N×C) against target distributions, fused with softmax. */
    public Variable softmaxCrossEntropy(Variable targets) {
        return apply(new SoftmaxCrossEntropy(), this, targets);
    }

    /** Mean binary cross-entropy of these logits against targets in [0, 1], fused with the sigmoid. */
    public Variable sigmoidCrossEntropy(Variable targets) {
        return apply(new SigmoidCrossEntropy(), this, targets);
    }

    @Override
    public String toString() {
        return name + (op == null ? " (leaf)" : " = " + op.name() + "(…)") + " " + value;
    }
}
