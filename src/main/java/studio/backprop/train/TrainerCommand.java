package studio.backprop.train;

import java.util.List;
import java.util.function.Consumer;
import studio.backprop.spec.NetworkDocument;

/**
 * The closed set of things a view (or a script) can ask the trainer to do. Commands take effect between steps, in
 * the order sent; a command that cannot be carried out leaves the session as it was and puts the reason, in words,
 * into the next snapshot's message.
 */
public sealed interface TrainerCommand {

    /** Train continuously (at the {@linkplain SetPace pace} set) until paused, finished or diverged. */
    record Play() implements TrainerCommand {
    }

    /** Stops after the current step (also a running "step epoch"). */
    record Pause() implements TrainerCommand {
    }

    /** One step on the next single sample. */
    record StepSample() implements TrainerCommand {
    }

    /** One step on the next batch. */
    record StepBatch() implements TrainerCommand {
    }

    /** Steps until the current epoch ends; a Pause stops it between two steps. */
    record StepEpoch() implements TrainerCommand {
    }

    /** Fresh weights from the seed; history cleared. */
    record Reset() implements TrainerCommand {
    }

    /**
     * Undoes the last step exactly (weights, optimiser, order, histories), while a {@link Probe.Steps} is registered
     * (the steps are kept only then); the reason, in words, when there is nothing to step back.
     */
    record StepBack() implements TrainerCommand {
    }

    /**
     * The document was edited in a way the session takes live ({@link Reconfiguration.Kind#LIVE} or
     * {@link Reconfiguration.Kind#NONE}): the optimiser and its settings, batch size, epochs, dropout, a moved box.
     */
    record Reconfigure(NetworkDocument document) implements TrainerCommand {
    }

    /** Sets one element (row-major index) of a parameter, e.g. a weight typed into the network drawing. */
    record SetWeight(String parameter, int index, float value) implements TrainerCommand {
    }

    /** Steps per second while playing; {@link Double#POSITIVE_INFINITY} for full speed. */
    record SetPace(double stepsPerSecond) implements TrainerCommand {
    }

    /** Whether finishing puts back the weights of the epoch with the best validation loss. */
    record KeepBest(boolean on) implements TrainerCommand {
    }

    /** Replaces the probes of one view (its owner key); an empty list removes them. */
    record SetProbes(String owner, List<Probe<?>> probes) implements TrainerCommand {
        public SetProbes {
            probes = List.copyOf(probes);
        }
    }

    /**
     * Takes a deep copy of the session (document, data, every weight and counter) on the trainer's thread and hands
     * it to {@code sink}, which should pass it on to the I/O executor at once (it runs on the trainer's thread).
     */
    record TakeCheckpoint(Consumer<RunCopy> sink) implements TrainerCommand {
    }

    /** A session copied for saving: it shares nothing with the running one. */
    record RunCopy(NetworkDocument document, TrainingData data, TrainingLoop.Checkpoint checkpoint) {
    }
}
