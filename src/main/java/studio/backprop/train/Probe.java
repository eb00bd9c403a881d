package studio.backprop.train;

import java.util.List;
import java.util.Map;
import java.util.Set;
import studio.backprop.train.TrainingSnapshot.TensorCopy;

/**
 * What a view asks the trainer for: evaluated on the trainer's thread after a step (at most {@link #perSecond()}
 * times a second while training runs, and at once after a command), returned in the snapshot as an immutable
 * payload of type {@code P}. Probes of every open view are merged; closing a view removes its own.
 *
 * @param <P> the payload's type
 */
public sealed interface Probe<P> {

    /** How often the payload is refreshed while training runs (it always is after a command or a pause). */
    double perSecond();

    /** Copies of parameters by name ({@code hidden/kernel}); every parameter when {@code names} is empty. */
    record Parameters(Set<String> names, double perSecond) implements Probe<Map<String, TensorCopy>> {
        public Parameters {
            names = Set.copyOf(names);
        }
    }

    /** ∂L/∂ of parameters by name, from the last step; every trainable parameter when {@code names} is empty. */
    record Gradients(Set<String> names, double perSecond) implements Probe<Map<String, TensorCopy>> {
        public Gradients {
            names = Set.copyOf(names);
        }
    }

    /**
     * Every layer's output (inference mode) for inputs the view chose: a grid over the plane for a decision boundary,
     * a digit drawn with the mouse. Layers by name ({@code input} included); all of them when {@code layers} is empty.
     *
     * @param inputs a batch (N, …input shape)
     */
    record Activations(TensorCopy inputs, Set<String> layers, double perSecond)
            implements Probe<Map<String, TensorCopy>> {
        public Activations {
            layers = Set.copyOf(layers);
        }
    }

    /** Every layer's output (inference mode) for training samples, numbered from 0. */
    record SampleActivations(List<Integer> samples, Set<String> layers, double perSecond)
            implements Probe<Map<String, TensorCopy>> {
        public SampleActivations {
            samples = List.copyOf(samples);
            layers = Set.copyOf(layers);
        }
    }

    /** Per trainable parameter: ‖θ‖, ‖∂L/∂θ‖ and ‖Δθ‖ of the last step (Euclidean norms). */
    record Norms(double perSecond) implements Probe<Map<String, ParameterNorms>> {
    }

    /**
     * The record of the last step (null until a step was taken with the probe registered). While a Steps probe is
     * registered every step keeps a record, so stepping costs more; nothing is recorded when none is.
     */
    record Steps() implements Probe<StepRecord> {
        @Override
        public double perSecond() {
            return Double.POSITIVE_INFINITY;
        }
    }

    /**
     * Backprop against central finite differences for the open network at its current weights (see
     * {@link GradientCheckRun}): evaluated after each command (a step, an edit, this probe being set), never while
     * training runs. A new {@code request} number asks for a fresh check.
     *
     * @param samples             how many of the first training samples the loss is taken over
     * @param step                the finite-difference step h
     * @param perParameter        at most this many elements checked per parameter tensor
     * @param doubledLossGradient the demonstration bug: the loss's backward rule forgets the ½ (its gradient doubled)
     * @param request             distinguishes one request from the next
     */
    record GradientCheck(int samples, double step, int perParameter, boolean doubledLossGradient, long request)
            implements Probe<GradientCheckReport> {
        @Override
        public double perSecond() {
            return 0;
        }
    }

    /**
     * The perceptron lesson's trace table: the newest {@code limit} samples the perceptron rule was shown since the
     * last reset, oldest first (empty for networks trained by gradient descent). Kept for every perceptron run, so a
     * view opened late still sees the whole trace.
     */
    record PerceptronTrace(int limit, double perSecond) implements Probe<List<TraceLine>> {
    }

    /** One line of the perceptron trace: the step and epoch (from 1) in which the row's sample was presented. */
    record TraceLine(long step, int epoch, StepRecord.PerceptronRow row) {
    }

    /**
     * The network's output (inference mode) run from given values of one of its layers: an autoencoder's decoder
     * from codes the view chose (a code the user edited, a grid over a VAE's latent plane).
     *
     * @param from  the layer whose values are given
     * @param codes a batch (N, …that layer's output shape)
     */
    record Decode(String from, TensorCopy codes, double perSecond) implements Probe<TensorCopy> {
    }

    /**
     * Why the network chose its class for one input (1, …input shape): saliency, Grad-CAM on the last convolution,
     * and the fast gradient sign method with step {@code epsilon}; see {@link InputAttribution}.
     */
    record Attribution(TensorCopy input, double epsilon, double perSecond) implements Probe<InputAttribution> {
    }

    /**
     * The class probabilities of every validation example (every training example when there is no validation
     * split); nothing (null) when the task is not classification.
     */
    record ValidationPredictions(double perSecond) implements Probe<Predictions> {
    }

    /** The norms of one parameter after a step. */
    record ParameterNorms(double weight, double gradient, double update) {
    }
}
