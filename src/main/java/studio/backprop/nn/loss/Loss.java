package studio.backprop.nn.loss;

import studio.backprop.autograd.Variable;

/**
 * A loss function that builds its part of the computation graph: {@code compute(predictions, targets)} returns a
 * scalar {@link Variable} (shape []) whose backward pass gives ∂L/∂predictions.
 *
 * <p>Shapes: batches are rows, so predictions and targets are (N) or (N × outputs) and must have exactly the same
 * shape (no broadcasting, which would silently compare every prediction with every target). Inputs are checked
 * when the graph is built: a trainer that replays a recorded tape with new values in place skips these checks.
 *
 * <p>Losses are immutable; a trainer may call {@link #compute} every step.
 */
public interface Loss {

    /** Builds L(predictions, targets) as a scalar node of the graph, after checking the inputs. */
    Variable compute(Variable predictions, Variable targets);

    /** The stable key for files and lookup, e.g. "mse"; see {@link Losses#names()}. */
    String name();

    /** The name for people, e.g. "MSE" or "binary cross-entropy"; error messages start with it. */
    String displayName();

    Reduction reduction();

    /** Whether the factor ½ is applied (only MSE offers it). */
    boolean half();

    /** The unit of the result for log-based losses; {@link Base#NATS} for losses that take no logarithm. */
    Base base();

    /** A readable one-line description for the UI and saved files, e.g. "MSE (mean over batch and outputs, no ½)". */
    String describe();

    /** The same loss with another reduction. */
    Loss withReduction(Reduction reduction);

    /** How this loss reads the network's outputs (probabilities, logits, scores or values). */
    default OutputKind outputKind() {
        return OutputKind.VALUE;
    }

    /** The settings that rebuild this loss through {@link Losses#create(LossSettings)}. */
    default LossSettings settings() {
        return new LossSettings(name(), reduction(), half(), base());
    }
}
