package studio.backprop.train;

/** Where the trainer is. */
public enum TrainerState {
    /** Waiting for a command. */
    PAUSED,
    /** Training continuously. */
    RUNNING,
    /** The plan's epochs are done, or early stopping ended training. */
    FINISHED,
    /** A NaN or infinity stopped training; the last good weights were kept. */
    DIVERGED,
    /** The trainer thread has ended. */
    STOPPED
}
