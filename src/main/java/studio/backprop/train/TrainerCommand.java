package studio.backprop.train;

import java.util.Set;

/** What the UI (or a script) asks the trainer to do; commands take effect between steps, in order. */
public sealed interface TrainerCommand {

    /** Train continuously until paused, finished or diverged. */
    record Play() implements TrainerCommand {
    }

    record Pause() implements TrainerCommand {
    }

    /** One optimiser step on the next single sample. */
    record StepSample() implements TrainerCommand {
    }

    /** One optimiser step on the next batch. */
    record StepBatch() implements TrainerCommand {
    }

    /** Steps until the current epoch ends. */
    record StepEpoch() implements TrainerCommand {
    }

    /** Fresh weights from the seed; history cleared. */
    record Reset() implements TrainerCommand {
    }

    record SetLearningRate(double learningRate) implements TrainerCommand {
    }

    /** Samples per step (0: full batch). */
    record SetBatchSize(int batchSize) implements TrainerCommand {
    }

    /**
     * The tensors snapshots should carry copies of: "param:LAYER/ROLE" (a weight), "grad:LAYER/ROLE" (its
     * gradient), "output:LAYER" (the layer's output for the last batch).
     */
    record Subscribe(Set<String> keys) implements TrainerCommand {
    }

    /** Runs an action on the trainer thread with the loop (e.g. editing one weight); errors become the message. */
    record Apply(java.util.function.Consumer<TrainingLoop> action) implements TrainerCommand {
    }
}
