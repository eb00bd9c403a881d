package studio.backprop.train;

import java.util.List;
import java.util.Map;
import studio.backprop.train.TrainingSnapshot.TensorCopy;

/**
 * What one training step computed, immutable: the one account of a step that the command line's {@code trace},
 * the stepper and the exercises all read, so they can never disagree.
 *
 * <p>For gradient descent, {@link #nodes} lists every node of the recorded tape in the order it was computed, each
 * named after the layer it belongs to ({@code hidden/matMul}, {@code hidden/z}, {@code hidden/sigmoid},
 * {@code loss/square}); parameter rows hold the values the forward pass used (before the update). For the
 * perceptron rule, {@link #perceptronRows} holds one row per sample presented, and {@link #nodes} the net input
 * and output of the last one.
 *
 * @param step          the step number, counted from 1
 * @param epoch         the epoch the step belongs to, counted from 1
 * @param samples       the samples used, numbered from 1, in batch order
 * @param learningRate  η used by this step
 * @param loss          the loss of the batch, computed before the update (the perceptron: the fraction misclassified)
 * @param nodes         the tape's nodes in forward order
 * @param before        every parameter by name, before the update (the values the forward pass used)
 * @param gradients     ∂L/∂ of every trainable parameter by name (absent when none reached it)
 * @param after         every parameter by name, after the update
 * @param perceptronRows the perceptron rule's rows, one per sample, or empty for gradient descent
 */
public record StepRecord(long step, int epoch, int[] samples, double learningRate, float loss,
                         List<NodeRecord> nodes, Map<String, TensorCopy> before, Map<String, TensorCopy> gradients,
                         Map<String, TensorCopy> after, List<PerceptronRow> perceptronRows) {

    public StepRecord {
        samples = samples.clone();
        nodes = List.copyOf(nodes);
        before = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(before));
        gradients = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(gradients));
        after = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(after));
        perceptronRows = List.copyOf(perceptronRows);
    }

    /** What a node of the tape is. */
    public enum Kind {
        /** The batch of inputs or targets. */
        DATA,
        /** A weight or bias (its value is the one before the update). */
        PARAMETER,
        /** The result of an op. */
        OP
    }

    /**
     * One value of the step.
     *
     * @param name     unique and readable: {@code LAYER/OP} ({@code hidden/z}, {@code output/sigmoid}), a parameter's
     *                 name ({@code hidden/kernel}), {@code input}, {@code target} or {@code loss/…}
     * @param layer    the layer (or {@code loss}, {@code input}) it belongs to
     * @param op       the op's short name ({@code matMul}, {@code sigmoid}); {@code parameter}, {@code input} or
     *                 {@code target} for leaves
     * @param formula  the op's math in one line, empty for leaves
     * @param inputs   the names of the nodes it was computed from
     * @param internal true for plumbing that serves the next op rather than the lesson (reshapes, clipping inside a
     *                 loss); traces fold these under the op they serve
     * @param value    its value
     * @param grad     ∂L/∂ this value, or null when no gradient reached it
     */
    public record NodeRecord(String name, String layer, String op, Kind kind, String formula, List<String> inputs,
                             boolean internal, TensorCopy value, TensorCopy grad) {
    }

    /**
     * One sample presented to the perceptron rule: z = w·x + b, ŷ = threshold(z), error = y − ŷ, and w, b before and
     * after (unchanged when ŷ = y).
     */
    public record PerceptronRow(int sample, float[] x, double z, int predicted, int label, int error,
                                boolean updated, float[] weightsBefore, float biasBefore, float[] weightsAfter,
                                float biasAfter) {
    }

    /** The node of this name, or null. */
    public NodeRecord node(String name) {
        for (NodeRecord n : nodes) {
            if (n.name().equals(name)) {
                return n;
            }
        }
        return null;
    }
}
