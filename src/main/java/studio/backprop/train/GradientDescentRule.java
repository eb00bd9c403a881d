package studio.backprop.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import studio.backprop.autograd.Variable;
import studio.backprop.autograd.ops.DropoutOp;
import studio.backprop.nn.Network;
import studio.backprop.nn.Parameter;
import studio.backprop.nn.TrainingStep;
import studio.backprop.nn.loss.Loss;
import studio.backprop.nn.optim.Optimizer;
import studio.backprop.nn.optim.OptimizerState;
import studio.backprop.spec.ComponentSpec;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.tensor.Finite;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;
import studio.backprop.train.StepRecord.NodeRecord;
import studio.backprop.train.TrainingSnapshot.TensorCopy;

/**
 * Supervised gradient descent: forward, loss, backward over the recorded tape, then the optimiser's update of every
 * trainable parameter (all gradients come from the old weights).
 */
public final class GradientDescentRule implements StepRule {

    private final Network network;
    private final Loss loss;
    private final Rng rng;
    private Optimizer optimizer;
    /** A learning rate set live (replacing the document's schedule), or NaN when none was. */
    private double learningRateOverride = Double.NaN;
    private TrainingStep step;

    /** @param rng drives dropout masks (the generator that initialised the network, for one-seed runs) */
    public GradientDescentRule(Network network, Loss loss, Optimizer optimizer, Rng rng) {
        this.network = network;
        this.loss = loss;
        this.rng = rng;
        this.optimizer = optimizer;
        this.step = new TrainingStep(network, loss, optimizer, rng);
    }

    @Override
    public float step(Tensor x, Tensor y) {
        return step.run(x, y);
    }

    @Override
    public Tensor output() {
        return step.output().value();
    }

    @Override
    public double learningRate() {
        return optimizer.learningRate();
    }

    @Override
    public void setLearningRate(double eta) {
        optimizer.setLearningRate(eta);
        learningRateOverride = eta;
    }

    /** The live learning rate, or NaN when the document's (schedule) applies. */
    double learningRateOverride() {
        return learningRateOverride;
    }

    @Override
    public void reset() {
        optimizer.reset();
        step = new TrainingStep(network, loss, optimizer, rng);
    }

    @Override
    public boolean endEpoch() {
        return false;
    }

    @Override
    public void reconfigure(ComponentSpec spec) {
        Optimizer next = DocumentCompiler.optimizer(spec);
        if (next.keepsStateLike(optimizer)) {
            next.importState(optimizer.exportState());
        }
        // a learning rate typed in the document is the new rate; the schedule comes with it
        learningRateOverride = Double.NaN;
        optimizer = next;
        step = new TrainingStep(network, loss, optimizer, rng);
    }

    /** The optimiser in use. */
    public Optimizer optimizer() {
        return optimizer;
    }

    @Override
    public String describe() {
        return optimizer.describe();
    }

    @Override
    public OptimizerState exportState() {
        return optimizer.exportState();
    }

    @Override
    public void importState(OptimizerState state) {
        if (state != null) {
            optimizer.importState(state);
        }
    }

    @Override
    public List<NodeRecord> recordNodes(Map<String, TensorCopy> before) {
        return TapeRecords.of(step.tape(), step.nodeOutputs(), before);
    }

    @Override
    public Map<String, TensorCopy> gradients() {
        Map<String, TensorCopy> out = new LinkedHashMap<>();
        for (Parameter p : network.trainableParameters()) {
            if (p.grad() != null) {
                out.put(p.name(), TapeRecords.copy(p.grad()));
            }
        }
        return out;
    }

    @Override
    public String firstNonFinite() {
        if (step.nodeOutputs() != null) {
            for (Map.Entry<String, Variable> node : step.nodeOutputs().entrySet()) {
                if (Finite.firstNonFinite(node.getValue().value()) >= 0) {
                    return node.getKey();
                }
            }
        }
        return "loss";
    }

    @Override
    public void setDropoutRate(float rate) {
        if (step.tape() != null) {
            for (Variable v : step.tape().nodes()) {
                if (v.op() instanceof DropoutOp op) {
                    op.setRate(rate);
                }
            }
        }
    }
}
