package studio.backprop.ui.charts;

/** What a series shows, which decides how it is drawn (the palette gives each role its colour). */
public enum SeriesRole {
    /** Training loss of every step: many noisy points, drawn faint behind the rest. */
    STEP,
    /** A training metric per epoch. */
    TRAIN,
    /** A validation metric per epoch. */
    VALIDATION,
    /** The learning rate used so far. */
    RATE,
    /** The learning rate the schedule will use, dashed. */
    RATE_FUTURE
}
