package studio.backprop.autograd;

import studio.backprop.tensor.Tensor;

/**
 * One primitive operation of the computation graph, with exactly one backward rule.
 *
 * <p>An instance is created per application, so it may keep what its backward rule needs (argmax indices,
 * softmax outputs, scratch buffers) between forward and backward, and reuse it when the tape is replayed.
 * Inputs, output and gradients are always dense tensors owning their buffers ({@link Tensor#buffer()}).
 */
public abstract class Op {

    /** Short name shown in traces and error messages: "matMul", "relu". */
    public abstract String name();

    /** The math in one line, for the step-by-step view: "y = a·b". */
    public String formula() {
        return name();
    }

    /** Checks the input shapes and returns the output shape; a {@code ShapeException} says what is wrong. */
    public abstract int[] outputShape(Tensor... inputs);

    /** A fresh output tensor; ops whose output is a view of an input (reshape) override this. */
    public Tensor allocateOutput(int[] shape, Tensor... inputs) {
        return Tensor.zeros(shape);
    }

    /**
     * Whether finite inputs always give a finite output (tanh, ReLU, a reshape). The forward pass's guard
     * ({@link studio.backprop.tensor.Finite#check}) then skips this op: anything non-finite in its output was already in an input, which
     * the guard passes on silently anyway. False unless an op overrides it.
     */
    public boolean finiteFromFinite() {
        return false;
    }

    /** out = f(inputs). Modified: out (and this op's saved state). Not modified: inputs. */
    public abstract void forward(Tensor[] inputs, Tensor out);

    /**
     * Adds ∂L/∂inputᵢ into {@code gradIn[i]} given {@code gradOut} = ∂L/∂out; {@code gradIn[i]} is null when
     * input i needs no gradient. Modified: the non-null gradIn entries (accumulated with +=).
     */
    public abstract void backward(Tensor[] inputs, Tensor out, Tensor gradOut, Tensor[] gradIn);

    /**
     * Values the last forward pass computed on the way to its output that a student walking the step needs to see
     * (a batch normalisation's batch mean and variance), copied, by name in the order they are computed; none by
     * default. Step records keep them beside the op's own row.
     */
    public java.util.Map<String, Tensor> intermediates() {
        return java.util.Map.of();
    }
}
