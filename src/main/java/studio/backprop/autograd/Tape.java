package studio.backprop.autograd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import studio.backprop.tensor.Finite;
import studio.backprop.tensor.ShapeException;
import studio.backprop.tensor.Shapes;
import studio.backprop.tensor.Tensor;

/**
 * The recorded computation behind one output: every node it depends on, in topological order (inputs before the
 * nodes that use them), ending with the output itself.
 *
 * <p>Backward seeds ∂L/∂L (ones, or a given tensor), then walks the nodes in reverse, each op adding its share to
 * its inputs' gradients. Replaying forward re-runs every op into the values it already holds, so a training loop
 * that only changes leaf values in place (new batch, updated weights) allocates nothing per step. The step-by-step
 * view reads the same nodes, so what it shows is exactly what ran.
 */
public final class Tape {

    private final List<Variable> nodes;
    private final Variable output;
    /** Per node, its inputs' values: fixed objects, so replays reuse these arrays and allocate nothing. */
    private final Tensor[][] inputValues;
    /** Per node, its inputs' gradient buffers (null where no gradient is wanted); filled by zeroGrads. */
    private final Tensor[][] inputGrads;
    private Tensor unitSeed;

    private Tape(List<Variable> nodes, Variable output) {
        this.nodes = nodes;
        this.output = output;
        this.inputValues = new Tensor[nodes.size()][];
        this.inputGrads = new Tensor[nodes.size()][];
        for (int i = 0; i < nodes.size(); i++) {
            Variable[] inputs = nodes.get(i).inputArray();
            inputValues[i] = new Tensor[inputs.length];
            inputGrads[i] = new Tensor[inputs.length];
            for (int j = 0; j < inputs.length; j++) {
                inputValues[i][j] = inputs[j].value();
            }
        }
    }

    /** The graph reachable from {@code output}, topologically sorted (iterative depth-first search). */
    public static Tape record(Variable output) {
        List<Variable> order = new ArrayList<>();
        Map<Variable, Boolean> visited = new IdentityHashMap<>();
        Deque<Variable> stack = new ArrayDeque<>();
        Deque<Integer> nextChild = new ArrayDeque<>();
        stack.push(output);
        nextChild.push(0);
        visited.put(output, Boolean.TRUE);
        while (!stack.isEmpty()) {
            Variable top = stack.peek();
            int child = nextChild.pop();
            Variable[] inputs = top.inputArray();
            if (child < inputs.length) {
                nextChild.push(child + 1);
                Variable in = inputs[child];
                if (visited.put(in, Boolean.TRUE) == null) {
                    stack.push(in);
                    nextChild.push(0);
                }
            } else {
                stack.pop();
                order.add(top);
            }
        }
        return new Tape(Collections.unmodifiableList(order), output);
    }

    /** All nodes, leaves included, inputs before users; the output is last. */
    public List<Variable> nodes() {
        return nodes;
    }

    public Variable output() {
        return output;
    }

    /** The leaves that want a gradient, in tape order. */
    public List<Variable> parameters() {
        List<Variable> params = new ArrayList<>();
        for (Variable v : nodes) {
            if (v.isLeaf() && v.requiresGrad()) {
                params.add(v);
            }
        }
        return params;
    }

    /** Backward from a scalar output: seeds ∂L/∂L = 1. */
    public void backward() {
        if (output.value().size() != 1) {
            throw new ShapeException("backward: the output has shape " + Shapes.str(output.shape())
                    + "; backward() needs a single number (a loss) or an explicit seed gradient");
        }
        if (unitSeed == null) {
            unitSeed = Tensor.ones(output.shape());
        }
        backward(unitSeed);
    }

    /** Backward with an explicit seed ∂L/∂output of the output's shape. */
    public void backward(Tensor seed) {
        if (!seed.sameShape(output.value())) {
            throw new ShapeException("backward: seed gradient of shape " + Shapes.str(seed.shape())
                    + " does not match the output's shape " + Shapes.str(output.shape()));
        }
        zeroGrads();
        output.gradBuffer().assign(seed);
        for (int i = nodes.size() - 1; i >= 0; i--) {
            backwardNode(i);
        }
    }

    /** Sets every gradient buffer of the tape to zero (creating those that do not exist yet). */
    public void zeroGrads() {
        for (int i = 0; i < nodes.size(); i++) {
            Variable v = nodes.get(i);
            if (v.requiresGrad()) {
                v.gradBuffer().fill(0f);
            }
        }
        for (int i = 0; i < nodes.size(); i++) {
            Variable[] inputs = nodes.get(i).inputArray();
            for (int j = 0; j < inputs.length; j++) {
                inputGrads[i][j] = inputs[j].requiresGrad() ? inputs[j].gradBuffer() : null;
            }
        }
    }

    /**
     * Runs one node's backward rule: adds its gradient into its inputs' gradients. Public so that a stepper can
     * walk backward one op at a time (from the last index down) after {@link #zeroGrads()} and seeding.
     */
    public void backwardNode(int index) {
        Variable node = nodes.get(index);
        if (node.isLeaf() || !node.requiresGrad()) {
            return;
        }
        Tensor[] values = inputValues[index];
        Tensor[] grads = inputGrads[index];
        node.op().backward(values, node.value(), node.gradBuffer(), grads);
        for (int j = 0; j < grads.length; j++) {
            if (grads[j] != null && Tensor.finiteChecks() && Finite.firstNonFinite(grads[j]) >= 0) {
                Finite.check(node.op().name() + " backward", grads[j], node.gradBuffer());
            }
        }
    }

    /** Seeds the output gradient for a step-by-step backward walk (after {@link #zeroGrads()}). */
    public void seed(Tensor seed) {
        output.gradBuffer().assign(seed);
    }

    /**
     * Recomputes every node from the current leaf values, in place. Leaves keep their tensors; change them with
     * {@link Tensor#assign} or the in-place methods between replays.
     */
    public void forward() {
        for (int i = 0; i < nodes.size(); i++) {
            Variable v = nodes.get(i);
            if (v.isLeaf()) {
                continue;
            }
            v.op().forward(inputValues[i], v.value());
            if (!v.op().finiteFromFinite()) {
                Finite.check(v.op().name(), v.value(), inputValues[i]);
            }
        }
    }
}
