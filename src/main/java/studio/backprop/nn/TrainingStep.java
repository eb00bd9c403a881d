package studio.backprop.nn;

import java.util.List;
import java.util.Map;
import studio.backprop.autograd.Tape;
import studio.backprop.autograd.Variable;
import studio.backprop.nn.layers.ForwardContext;
import studio.backprop.nn.loss.Loss;
import studio.backprop.nn.optim.Optimizer;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.ShapeException;
import studio.backprop.tensor.Shapes;
import studio.backprop.tensor.Tensor;

/**
 * One mini-batch step of gradient descent, compiled: forward → loss → backward → optimiser update.
 *
 * <p>The first batch of a given shape records the graph on a tape; every later batch of that shape is copied into
 * the same input tensors and the tape is replayed in place, so steady-state training allocates no tensors. All
 * gradients are computed from the old weights before the optimiser changes any of them.
 */
public final class TrainingStep {

    private final Network network;
    private final Loss loss;
    private final Optimizer optimizer;
    private final Rng rng;
    private Tensor inputs;
    private Tensor targets;
    private Variable output;
    private Map<String, Variable> nodeOutputs;
    private Variable lossValue;
    private Tape tape;
    private List<Variable> parameters;

    /**
     * @param rng drives dropout masks (the same generator that initialised the network, for one-seed runs)
     */
    public TrainingStep(Network network, Loss loss, Optimizer optimizer, Rng rng) {
        this.network = network;
        this.loss = loss;
        this.optimizer = optimizer;
        this.rng = rng;
    }

    /**
     * Trains on one batch and returns its loss (computed before the update).
     *
     * @param x a batch of inputs (N, …input shape)
     * @param y the matching targets (N, …output shape)
     */
    public float run(Tensor x, Tensor y) {
        if (tape == null || !x.sameShape(inputs) || !y.sameShape(targets)) {
            record(x, y);
        } else {
            inputs.assign(x);
            targets.assign(y);
            tape.forward();
        }
        tape.backward();
        optimizer.step(parameters);
        return lossValue.value().item();
    }

    private void record(Tensor x, Tensor y) {
        if (x.dim(0) != y.dim(0)) {
            throw new ShapeException("training batch: " + x.dim(0) + " inputs but " + y.dim(0) + " targets ("
                    + Shapes.str(x.shape()) + " vs " + Shapes.str(y.shape()) + ")");
        }
        inputs = x.copy();
        targets = y.copy();
        ForwardContext context = ForwardContext.training(rng);
        nodeOutputs = network.forwardAll(Variable.constant(inputs, "input"), context);
        output = nodeOutputs.get(network.nodes().get(network.nodes().size() - 1).name());
        lossValue = withLossTerms(loss.compute(output, Variable.constant(targets, "target")), context).named("loss");
        tape = Tape.record(lossValue);
        parameters = network.trainableParameters().stream().map(Parameter::variable).toList();
    }

    /** The loss plus the layers' extra terms (a VAE's KL term, a sparsity penalty), if any. */
    static Variable withLossTerms(Variable loss, ForwardContext context) {
        Variable total = loss;
        for (Variable term : context.lossTerms()) {
            total = total.add(term);
        }
        return total;
    }

    /** The tape of the last step: every op with its values and gradients, for the step-by-step view. */
    public Tape tape() {
        return tape;
    }

    /** Every node's output for the last batch by node name ("input" included), in network order. */
    public Map<String, Variable> nodeOutputs() {
        return nodeOutputs;
    }

    /** The loss of the last batch (a scalar node). */
    public Variable loss() {
        return lossValue;
    }

    /** The network's output for the last batch. */
    public Variable output() {
        return output;
    }
}
