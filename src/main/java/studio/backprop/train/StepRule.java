package studio.backprop.train;

import java.util.List;
import java.util.Map;
import studio.backprop.nn.optim.OptimizerState;
import studio.backprop.spec.ComponentSpec;
import studio.backprop.tensor.Tensor;
import studio.backprop.train.StepRecord.NodeRecord;
import studio.backprop.train.StepRecord.PerceptronRow;
import studio.backprop.train.TrainingSnapshot.TensorCopy;

/**
 * What one training step does to the network with a batch: gradient descent (forward, loss, backward, optimiser),
 * the perceptron rule, or (later) rules that step several networks in turn. The {@link TrainingLoop} around it
 * owns everything that is the same for every rule: the epoch's sample order, batching, the histories, divergence
 * checks, checkpoints and step records.
 *
 * <p>Thread: the trainer's (or the command line's) one thread.
 */
public interface StepRule {

    /**
     * Trains on one batch and returns its loss, computed before the update.
     *
     * @param x inputs (N, …input shape)
     * @param y targets (N, …output shape)
     */
    float step(Tensor x, Tensor y);

    /** The network's outputs for the last batch (N, …output shape), as the step computed them. */
    Tensor output();

    /** η the next step uses. */
    double learningRate();

    /** Replaces η (and any schedule) from the next step on. */
    void setLearningRate(double eta);

    /** A fresh start after the weights were initialised again: moments and counters cleared. */
    void reset();

    /**
     * Called when an epoch ends.
     *
     * @return true when the rule has converged and training should stop (the perceptron: an epoch without update)
     */
    boolean endEpoch();

    /**
     * Takes the optimiser settings of an edited document: the same kind keeps its state (moments, step count),
     * another kind starts fresh.
     *
     * @throws IllegalArgumentException in words, when the settings are not valid
     */
    void reconfigure(ComponentSpec optimizer);

    /** A one-line description, e.g. "sgd (η = 0.5)" or "perceptron rule (η = 1)". */
    String describe();

    /** The optimiser's state for a checkpoint; null when the rule keeps none. */
    OptimizerState exportState();

    /** Continues from a checkpoint's optimiser state (ignored when null or the rule keeps none). */
    void importState(OptimizerState state);

    /**
     * What the rule itself changes in a step besides the weights and {@link #exportState()} (the perceptron rule:
     * whether the epoch has updated), so that the loop can step back exactly; null when nothing.
     */
    default Object stepState() {
        return null;
    }

    /** Goes back to what {@link #stepState()} returned before a step. */
    default void restoreStepState(Object state) {
    }

    /** The rows of the last step's record; {@code before} holds the parameters the step started from. */
    List<NodeRecord> recordNodes(Map<String, TensorCopy> before);

    /** The perceptron rule's rows of the last step; empty for other rules. */
    default List<PerceptronRow> perceptronRows() {
        return List.of();
    }

    /** The last step's ∂L/∂ of every trainable parameter that received one, by name. */
    Map<String, TensorCopy> gradients();

    /** The layer whose output first became NaN or infinite in the last step, or "loss". */
    String firstNonFinite();

    /** Changes the rate of the dropout ops of the recorded step (after the layers were changed). */
    default void setDropoutRate(float rate) {
    }
}
